import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { NativeSelect } from "@/components/ui/native-select";
import { TextField } from "@/components/ui/text-field";
import { ROLES } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";
import { shownRange } from "@/lib/paging";
import type { AdminUserRow, UserListPage } from "@/lib/users/queries";
import { USER_STATUSES } from "@/lib/users/schema";

type Filters = UserListPage["filters"];

/** The list's filters as a GET form: search by name or email, role, status (the page reads them back). */
export function UserFilters({ filters, t }: { filters: Filters; t: Translate }) {
  const { search, role, status } = filters;
  return (
    <form method="get" action="/admin/users" className="card" role="search" aria-label={t("admin.users.filtersLabel")}>
      <div className="row items-end">
        <TextField id="users-q" name="q" type="search" label={t("admin.users.searchLabel")} hint={t("admin.users.searchHint")} defaultValue={search} maxLength={200} />
        <NativeSelect
          id="users-role"
          name="role"
          label={t("admin.users.roleLabel")}
          defaultValue={role ?? ""}
          options={[{ value: "", label: t("admin.users.anyRole") }, ...ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))]}
        />
        <NativeSelect
          id="users-status"
          name="status"
          label={t("admin.users.statusLabel")}
          defaultValue={status ?? ""}
          options={[{ value: "", label: t("admin.users.anyStatus") }, ...USER_STATUSES.map((s) => ({ value: s, label: t(`admin.status.${s}`) }))]}
        />
        <div className="row">
          <Button type="submit">{t("admin.users.apply")}</Button>
          {search || role || status ? <Link href="/admin/users">{t("admin.users.clear")}</Link> : null}
        </div>
      </div>
    </form>
  );
}

function columns(t: Translate, locale: Locale): Column<AdminUserRow>[] {
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  return [
    {
      key: "name",
      header: t("admin.users.columns.name"),
      rowHeader: true,
      cell: (row) => <Link href={`/admin/users/${encodeURIComponent(row.id)}`}>{row.name || t("admin.users.noName")}</Link>,
    },
    { key: "email", header: t("admin.users.columns.email"), cell: (row) => row.email },
    {
      key: "roles",
      header: t("admin.users.columns.roles"),
      cell: (row) => (
        <span className="row gap-1">
          {row.roles.map((r) => (
            <Badge key={r}>{t(`common.roles.${r}`)}</Badge>
          ))}
        </span>
      ),
    },
    {
      key: "binding",
      header: t("admin.users.columns.binding"),
      cell: (row) => [row.country, row.organization].filter((b) => b !== null).map(name).join(" · ") || t("common.none"),
    },
    { key: "language", header: t("admin.users.columns.language"), cell: (row) => t(`common.languageNames.${row.locale}`) },
    {
      key: "status",
      header: t("admin.users.columns.status"),
      cell: (row) => <Badge tone={row.isActive ? "success" : "danger"}>{row.isActive ? t("admin.status.active") : t("admin.status.inactive")}</Badge>,
    },
  ];
}

/** How many users the filters find, and which of them this page shows ("Showing 26–50 of 60 users found."). */
export function UsersCount({ list, t, locale }: { list: UserListPage; t: Translate; locale: Locale }) {
  const { from, to } = shownRange(list);
  return <p role="status">{plural(t, locale, "admin.users.shown", list.total, { from: formatNumber(from, locale), to: formatNumber(to, locale) })}</p>;
}

/** One page of users (paged on the server, ?page= beside the filters). */
export function UsersTable({ list, t, locale }: { list: UserListPage; t: Translate; locale: Locale }) {
  const { search, role, status } = list.filters;
  return (
    <DataTable
      caption={t("admin.users.caption")}
      columns={columns(t, locale)}
      rows={list.rows}
      rowKey={(row) => row.id}
      basePath="/admin/users"
      query={{ q: search || undefined, role: role ?? undefined, status: status ?? undefined }}
      pagination={list.rows.length > 0 ? { page: list.page, pageCount: list.pageCount } : undefined}
      empty={t("admin.users.empty")}
      t={t}
    />
  );
}
