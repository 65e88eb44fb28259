import { notFound } from "next/navigation";
import { ReviewsTable } from "@/components/reviews/reviews-table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { firstValues } from "@/lib/http/search-params";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { pageParamSchema } from "@/lib/paging";
import { listMyAssignments } from "@/lib/reviews/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("reviews.list.title")} · ${t("common.appName")}` };
}

/**
 * The reviewer's assignments, newest first, a page at a time (`?page=`) with their count, recused ones
 * included as such. Reviewers; anyone else gets a 404.
 */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, "reviews.score")) notFound();
  const { page } = firstValues(await searchParams);
  const [list, { t, locale }] = await Promise.all([listMyAssignments(user, { page: pageParamSchema.parse(page) }), getI18n()]);

  return (
    <div className="stack">
      <h1>{t("reviews.list.title")}</h1>
      <p className="muted">{t("reviews.list.intro")}</p>
      {list.total > 0 ? <p role="status">{plural(t, locale, "reviews.list.total", list.total)}</p> : null}
      <ReviewsTable list={list} t={t} locale={locale} />
    </div>
  );
}
