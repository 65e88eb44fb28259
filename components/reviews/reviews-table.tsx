import Link from "next/link";
import { displayTitle, statusBadgeClass } from "@/components/requests/request-display";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { Locale } from "@/lib/enums";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { Paged } from "@/lib/paging";
import type { MyAssignmentRow } from "@/lib/reviews/queries";
import { localName, reviewStatusBadgeClass } from "./review-format";

function columnsFor(t: Translate, locale: Locale): Column<MyAssignmentRow>[] {
  return [
    { key: "reference", header: t("reviews.list.columns.reference"), cell: (row) => row.reference },
    {
      key: "title",
      header: t("reviews.list.columns.title"),
      cell: (row) => {
        const title = displayTitle(row, locale);
        return title ? <span lang={title.lang}>{title.text}</span> : <span className="muted">{t("reviews.list.untitled")}</span>;
      },
    },
    {
      key: "program",
      header: t("reviews.list.columns.program"),
      cell: (row) => (row.program ? localName(row.program, locale) : <span className="muted">{t("reviews.list.noProgram")}</span>),
    },
    {
      key: "requestStatus",
      header: t("reviews.list.columns.requestStatus"),
      cell: (row) => <span className={statusBadgeClass(row.requestStatus)}>{t(`requests.status.${row.requestStatus}`)}</span>,
    },
    {
      key: "reviewStatus",
      header: t("reviews.list.columns.reviewStatus"),
      cell: (row) => <span className={reviewStatusBadgeClass(row.status)}>{t(`reviews.status.${row.status}`)}</span>,
    },
    {
      key: "assignedOn",
      header: t("reviews.list.columns.assignedOn"),
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{formatDate(row.createdAt, locale)}</time>,
    },
    {
      key: "action",
      header: t("reviews.list.columns.action"),
      cell: (row) => (
        <Link href={`/reviews/${encodeURIComponent(row.id)}`} aria-label={t("reviews.list.openLabel", { reference: row.reference })}>
          {t("reviews.list.open")}
        </Link>
      ),
    },
  ];
}

/** One page of the reviewer's assignments, newest first, paged on the server. */
export function ReviewsTable({ list, t, locale }: { list: Paged<MyAssignmentRow>; t: Translate; locale: Locale }) {
  if (list.total === 0) return <p className="muted">{t("reviews.list.empty")}</p>;
  return (
    <DataTable
      caption={t("reviews.list.caption")}
      columns={columnsFor(t, locale)}
      rows={list.rows}
      rowKey={(row) => row.id}
      basePath="/reviews"
      pagination={{ page: list.page, pageCount: list.pageCount, label: t("reviews.list.pagination.label") }}
      t={t}
      testId="my-reviews"
    />
  );
}
