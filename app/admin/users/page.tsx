import Link from "next/link";
import { notFound } from "next/navigation";
import { UserFilters, UsersCount, UsersTable } from "@/components/admin/users-list";
import { buttonClass } from "@/components/ui/button";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { listUsers } from "@/lib/users/queries";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("admin.users.title")} · ${t("common.appName")}` };
}

/** The users, filtered by ?q=, ?role= and ?status= and paged by ?page= on the server. Administrators only; else 404. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireUserWithPermission("users.manage").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const params = await searchParams;
  const [list, { t, locale }] = await Promise.all([
    listUsers(actor, { search: first(params.q), role: first(params.role), status: first(params.status), page: first(params.page) }),
    getI18n(),
  ]);

  return (
    <div className="stack">
      <div className="row justify-between">
        <h1>{t("admin.users.title")}</h1>
        <Link className={buttonClass("primary")} href="/admin/users/new">
          {t("admin.users.invite")}
        </Link>
      </div>
      <p className="muted">{t("admin.users.intro")}</p>
      <UserFilters filters={list.filters} t={t} />
      <UsersCount list={list} t={t} locale={locale} />
      <UsersTable list={list} t={t} locale={locale} />
    </div>
  );
}
