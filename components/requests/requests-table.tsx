import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { URGENCIES, type Locale, type Urgency } from "@/lib/enums";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { RequestListRow } from "@/lib/requests/queries";
import type { RequestListFilters } from "@/lib/requests/schema";
import { requestsListQuery } from "./list-links";
import { displayTitle, statusBadgeClass } from "./request-display";

const isUrgency = (value: unknown): value is Urgency => (URGENCIES as readonly unknown[]).includes(value);

export interface RequestsTableProps {
  list: { rows: RequestListRow[]; page: number; pageCount: number };
  filters: RequestListFilters;
  /** Officers see every country's requests: the country column is theirs. */
  readsAll: boolean;
  /** What to say when no request is listed. */
  empty: string;
  t: Translate;
  locale: Locale;
}

function columnsFor(readsAll: boolean, t: Translate, locale: Locale): Column<RequestListRow>[] {
  const notGiven = <span className="muted">{t("requests.list.notGiven")}</span>;
  const columns: (Column<RequestListRow> | null)[] = [
    {
      key: "reference",
      header: t("requests.list.columns.reference"),
      rowHeader: true,
      cell: (row) => <Link href={`/requests/${encodeURIComponent(row.id)}`}>{row.reference}</Link>,
    },
    {
      key: "title",
      header: t("requests.list.columns.title"),
      cell: (row) => {
        const title = displayTitle(row, locale);
        return title ? <span lang={title.lang}>{title.text}</span> : <span className="muted">{t("requests.detail.untitled")}</span>;
      },
    },
    readsAll ? { key: "country", header: t("requests.list.columns.country"), cell: (row) => (locale === "es" ? row.countryNameEs : row.countryNameEn) } : null,
    { key: "category", header: t("requests.list.columns.category"), cell: (row) => (row.category ? t(`common.categories.${row.category}`) : notGiven) },
    {
      key: "status",
      header: t("requests.list.columns.status"),
      cell: (row) => <span className={statusBadgeClass(row.status)}>{t(`requests.status.${row.status}`)}</span>,
    },
    { key: "urgency", header: t("requests.list.columns.urgency"), cell: (row) => (isUrgency(row.urgency) ? t(`requests.urgency.${row.urgency}`) : notGiven) },
    {
      key: "cost",
      header: t("requests.list.columns.cost"),
      cell: (row) => (row.estimatedCostMinor === null ? notGiven : formatMoney(row.estimatedCostMinor, row.currency, locale)),
    },
    {
      key: "updated",
      header: t("requests.list.columns.updated"),
      cell: (row) => <time dateTime={row.updatedAt.toISOString()}>{formatDate(row.updatedAt, locale)}</time>,
    },
  ];
  return columns.filter((c): c is Column<RequestListRow> => c !== null);
}

/**
 * The page of requests, sorted and paged on the server (the sort is chosen in the filters), with links
 * to the other pages that keep the filters.
 */
export function RequestsTable({ list, filters, readsAll, empty, t, locale }: RequestsTableProps) {
  const query = requestsListQuery(filters, { page: list.page });
  const pagination = { page: list.page, pageCount: list.pageCount, label: t("requests.list.pagination.label") };
  if (list.rows.length === 0) {
    return (
      <>
        <p className="muted">{empty}</p>
        <Pagination basePath="/requests" query={query} t={t} {...pagination} />
      </>
    );
  }
  return (
    <DataTable
      caption={t("requests.list.caption", { sort: t(`requests.list.sort.${filters.sort}`), dir: t(`requests.list.dir.${filters.dir}`) })}
      columns={columnsFor(readsAll, t, locale)}
      rows={list.rows}
      rowKey={(row) => row.id}
      basePath="/requests"
      query={query}
      pagination={pagination}
      t={t}
    />
  );
}
