import Link from "next/link";
import { notFound } from "next/navigation";
import { ROLES } from "@/lib/enums";
import { requireUserWithPermission } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { listUsers, USER_STATUSES, type AdminUserRow } from "@/lib/users/queries";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("admin.users.title")} · ${t("common.appName")}` };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireUserWithPermission("users.manage").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const params = await searchParams;
  const { t, locale } = await getI18n();
  const list = await listUsers(actor, {
    search: first(params.q),
    role: first(params.role),
    status: first(params.status),
    page: first(params.page),
  });
  const { search, role, status } = list.filters;
  const isFiltered = Boolean(search || role || status);

  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (search) query.set("q", search);
    if (role) query.set("role", role);
    if (status) query.set("status", status);
    if (page > 1) query.set("page", String(page));
    const qs = query.toString();
    return qs ? `/admin/users?${qs}` : "/admin/users";
  };

  const binding = (row: AdminUserRow) => {
    const parts: string[] = [];
    if (row.country) parts.push(locale === "es" ? row.country.nameEs : row.country.nameEn);
    if (row.organization) parts.push(locale === "es" ? row.organization.nameEs : row.organization.nameEn);
    return parts.length ? parts.join(" · ") : t("common.none");
  };

  return (
    <div className="stack">
      <div className="row justify-between">
        <h1>{t("admin.users.title")}</h1>
        <Link className="btn btn-primary" href="/admin/users/new">
          {t("admin.users.invite")}
        </Link>
      </div>
      <p className="muted">{t("admin.users.intro")}</p>

      <form method="get" action="/admin/users" className="card" role="search" aria-label={t("admin.users.filtersLabel")}>
        <div className="row items-end">
          <div className="field">
            <label htmlFor="users-q">{t("admin.users.searchLabel")}</label>
            <input
              id="users-q"
              name="q"
              type="search"
              defaultValue={search}
              maxLength={200}
              aria-describedby="users-q-hint"
            />
            <span className="hint" id="users-q-hint">
              {t("admin.users.searchHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="users-role">{t("admin.users.roleLabel")}</label>
            <select id="users-role" name="role" defaultValue={role ?? ""}>
              <option value="">{t("admin.users.anyRole")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`common.roles.${r}`)}
                </option>
              ))}
            </select>
            <span className="hint">&nbsp;</span>
          </div>
          <div className="field">
            <label htmlFor="users-status">{t("admin.users.statusLabel")}</label>
            <select id="users-status" name="status" defaultValue={status ?? ""}>
              <option value="">{t("admin.users.anyStatus")}</option>
              {USER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.status.${s}`)}
                </option>
              ))}
            </select>
            <span className="hint">&nbsp;</span>
          </div>
          <div className="row">
            <button type="submit" className="btn">
              {t("admin.users.apply")}
            </button>
            {isFiltered ? <Link href="/admin/users">{t("admin.users.clear")}</Link> : null}
          </div>
        </div>
      </form>

      <p role="status">{t("admin.users.total", { count: list.total })}</p>

      {list.rows.length === 0 ? (
        <p className="muted">{t("admin.users.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="muted">
              {t("admin.users.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.columns.name")}</th>
                <th scope="col">{t("admin.users.columns.email")}</th>
                <th scope="col">{t("admin.users.columns.roles")}</th>
                <th scope="col">{t("admin.users.columns.binding")}</th>
                <th scope="col">{t("admin.users.columns.language")}</th>
                <th scope="col">{t("admin.users.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link href={`/admin/users/${encodeURIComponent(row.id)}`}>{row.name || t("admin.users.noName")}</Link>
                  </th>
                  <td>{row.email}</td>
                  <td>
                    <span className="row gap-1">
                      {row.roles.map((r) => (
                        <span key={r} className="badge">
                          {t(`common.roles.${r}`)}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td>{binding(row)}</td>
                  <td>{t(`common.languageNames.${row.locale}`)}</td>
                  <td>
                    <span className={row.isActive ? "badge badge-success" : "badge badge-danger"}>
                      {row.isActive ? t("admin.status.active") : t("admin.status.inactive")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label={t("admin.users.pagination.label")} className="row">
          {list.page > 1 ? (
            <Link className="btn" href={pageHref(list.page - 1)} rel="prev">
              {t("admin.users.pagination.previous")}
            </Link>
          ) : null}
          <span aria-current="page">{t("admin.users.pagination.pageOf", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link className="btn" href={pageHref(list.page + 1)} rel="next">
              {t("admin.users.pagination.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
