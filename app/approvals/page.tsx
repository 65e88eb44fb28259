import { notFound } from "next/navigation";
import { ApprovalsTable } from "@/components/awards/approvals-table";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { listPendingApprovals } from "@/lib/awards/queries";
import { NotFoundError } from "@/lib/errors";
import { firstValues } from "@/lib/http/search-params";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";
import { pageParamSchema } from "@/lib/paging";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("awards.approvals.title")} · ${t("common.appName")}` };
}

/**
 * The awards waiting for a second approval, a page at a time (`?page=`) with their count, and which of
 * them this approver may approve. Approvers; else 404.
 */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserWithPermission("awards.approve").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { page } = firstValues(await searchParams);
  const [{ t, locale }, list] = await Promise.all([getI18n(), listPendingApprovals(user, { page: pageParamSchema.parse(page) })]);

  return (
    <div className="stack">
      <h1>{t("awards.approvals.title")}</h1>
      <p className="muted">{t("awards.approvals.intro")}</p>
      {list.total > 0 ? <p role="status">{plural(t, locale, "awards.approvals.total", list.total)}</p> : null}
      <ApprovalsTable list={list} t={t} locale={locale} />
    </div>
  );
}
