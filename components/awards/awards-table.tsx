import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { Query } from "@/components/ui/query";
import type { Locale } from "@/lib/enums";
import type { AwardListRow } from "@/lib/awards/queries";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Paged } from "@/lib/paging";
import type { Translate } from "@/lib/i18n/translate";
import { awardStatusBadgeClass } from "./award-labels";

type Named = { nameEn: string; nameEs: string };

function columnsFor(t: Translate, locale: Locale): Column<AwardListRow>[] {
  const name = (n: Named) => (locale === "es" ? n.nameEs : n.nameEn);
  return [
    {
      key: "reference",
      header: t("awards.list.columns.reference"),
      rowHeader: true,
      cell: (row) => {
        const title = (locale === "es" ? row.titleEs : row.titleEn) ?? row.titleEs ?? row.titleEn;
        return (
          <>
            <Link href={`/awards/${encodeURIComponent(row.id)}`}>{row.reference}</Link>
            {title ? <div className="small muted">{title}</div> : null}
          </>
        );
      },
    },
    { key: "program", header: t("awards.list.columns.program"), cell: (row) => name(row.program) },
    { key: "partner", header: t("awards.list.columns.partner"), cell: (row) => name(row.partner) },
    { key: "country", header: t("awards.list.columns.country"), cell: (row) => name(row.country) },
    { key: "amount", header: t("awards.list.columns.amount"), className: "nowrap", cell: (row) => formatMoney(row.amountMinor, row.currency, locale) },
    {
      key: "period",
      header: t("awards.list.columns.period"),
      cell: (row) => t("awards.detail.periodValue", { start: formatDate(row.startsOn, locale), end: formatDate(row.endsOn, locale) }),
    },
    {
      key: "status",
      header: t("awards.list.columns.status"),
      cell: (row) => <span className={awardStatusBadgeClass(row.status)}>{t(`awards.status.${row.status}`)}</span>,
    },
  ];
}

export interface AwardsTableProps {
  list: Paged<AwardListRow>;
  /** The list's filters as they are in the URL: the page links keep them. */
  query: Query;
  /** What to say when no award is listed. */
  empty: string;
  t: Translate;
  locale: Locale;
}

/** One page of awards, newest first, paged on the server, with links to the other pages that keep the filters. */
export function AwardsTable({ list, query, empty, t, locale }: AwardsTableProps) {
  if (list.total === 0) return <p className="muted">{empty}</p>;
  return (
    <DataTable
      caption={t("awards.list.caption")}
      columns={columnsFor(t, locale)}
      rows={list.rows}
      rowKey={(row) => row.id}
      basePath="/awards"
      query={query}
      pagination={{ page: list.page, pageCount: list.pageCount, label: t("awards.list.pagination.label") }}
      t={t}
      testId="awards-table"
    />
  );
}
