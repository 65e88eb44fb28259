import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { Locale } from "@/lib/enums";
import type { PendingApprovalRow } from "@/lib/awards/queries";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Paged } from "@/lib/paging";
import type { Translate } from "@/lib/i18n/translate";

type Named = { nameEn: string; nameEs: string };

function columnsFor(t: Translate, locale: Locale): Column<PendingApprovalRow>[] {
  const name = (n: Named) => (locale === "es" ? n.nameEs : n.nameEn);
  return [
    {
      key: "reference",
      header: t("awards.approvals.columns.reference"),
      rowHeader: true,
      cell: (row) => <Link href={`/awards/${encodeURIComponent(row.id)}`}>{row.reference}</Link>,
    },
    { key: "program", header: t("awards.approvals.columns.program"), cell: (row) => name(row.program) },
    { key: "partner", header: t("awards.approvals.columns.partner"), cell: (row) => name(row.partner) },
    { key: "country", header: t("awards.approvals.columns.country"), cell: (row) => name(row.country) },
    { key: "amount", header: t("awards.approvals.columns.amount"), className: "nowrap", cell: (row) => formatMoney(row.amountMinor, row.currency, locale) },
    { key: "createdBy", header: t("awards.approvals.columns.createdBy"), cell: (row) => row.createdByName ?? t("awards.detail.unknownUser") },
    { key: "createdOn", header: t("awards.approvals.columns.createdOn"), cell: (row) => formatDate(row.createdAt, locale) },
    {
      key: "action",
      header: t("awards.approvals.columns.action"),
      cell: (row) =>
        row.canApprove ? (
          <Link className="btn" href={`/awards/${encodeURIComponent(row.id)}`}>
            {t("awards.approvals.open")}
          </Link>
        ) : row.approvalBlocker === "creator" || row.approvalBlocker === "reviewer" ? (
          <span className="muted">{t(`awards.approvals.blocked.${row.approvalBlocker}`)}</span>
        ) : null,
    },
  ];
}

/** One page of the awards awaiting a second approval, oldest first, paged on the server. */
export function ApprovalsTable({ list, t, locale }: { list: Paged<PendingApprovalRow>; t: Translate; locale: Locale }) {
  if (list.total === 0) {
    return (
      <p className="muted" role="status">
        {t("awards.approvals.empty")}
      </p>
    );
  }
  return (
    <DataTable
      caption={t("awards.approvals.caption")}
      columns={columnsFor(t, locale)}
      rows={list.rows}
      rowKey={(row) => row.id}
      basePath="/approvals"
      pagination={{ page: list.page, pageCount: list.pageCount, label: t("awards.approvals.pagination.label") }}
      t={t}
      testId="approvals-table"
    />
  );
}
