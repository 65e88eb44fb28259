// What the dashboard tables share (server components): a section around a DataTable, the indicator
// columns of the program and award tables, and the cells that show an accepted report.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column, type DataTableProps } from "@/components/ui/data-table";
import type { Query } from "@/components/ui/query";
import type { AcceptedReportSummary, Named } from "@/lib/dashboards/types";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { plural, type PluralKey } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";
import { shownRange, type Paged } from "@/lib/paging";
import { unitLabel } from "@/lib/reporting/units";
import { decimal, excerpt, nameIn, narrativeIn, progressText } from "./text";

export interface I18nProps {
  t: Translate;
  locale: Locale;
}

/** Where a paged dashboard table lives: the page's path and query (every table's page is kept in the links). */
export interface PageLinks {
  basePath: string;
  query?: Query;
}

/**
 * One page of a dashboard table: the DataTable props for its rows and page links (`?<param>=n`, landing
 * on the section `anchor`), and the sentence that counts them ("Showing 26–50 of 1,243 awards.").
 */
export function pagedTable<Row>(
  paged: Paged<Row>,
  { param, anchor, label, shownKey, links, t, locale }: I18nProps & { param: string; anchor: string; label: string; shownKey: PluralKey; links: PageLinks },
) {
  const { from, to } = shownRange(paged);
  return {
    rows: paged.rows,
    basePath: links.basePath,
    query: links.query,
    pagination: paged.total > 0 ? { page: paged.page, pageCount: paged.pageCount, label, param, anchor } : undefined,
    count: paged.total > 0 ? plural(t, locale, shownKey, paged.total, { from: formatNumber(from, locale), to: formatNumber(to, locale) }) : undefined,
  };
}

/**
 * A dashboard section: its heading, what comes before the table (cards, an intro), the count of a paged
 * table, the table, and what comes after it (a chart of the same figures). With no rows, the table's
 * empty sentence stands alone.
 */
export function TableSection<Row>({
  id,
  heading,
  before,
  after,
  count,
  ...table
}: DataTableProps<Row> & { id: string; heading: string; before?: ReactNode; after?: ReactNode; count?: string }) {
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {before}
      {count ? <p className="muted">{count}</p> : null}
      <DataTable {...table} />
      {table.rows.length > 0 ? after : null}
    </section>
  );
}

type IndicatorRow = Named & { key: string; unit: string; baseline: string; target: string; actual: string };

/** Name, unit, baseline, target, accepted actuals and progress: the columns of every indicator table. */
export function indicatorColumns<Row extends IndicatorRow>({ t, locale }: I18nProps): Column<Row>[] {
  return [
    { key: "indicator", header: t("dashboards.indicators.columns.indicator"), rowHeader: true, cell: (i) => nameIn(locale, i) },
    { key: "unit", header: t("dashboards.indicators.columns.unit"), cell: (i) => unitLabel(i.unit, t) },
    { key: "baseline", header: t("dashboards.indicators.columns.baseline"), cell: (i) => decimal(i.baseline, locale) },
    { key: "target", header: t("dashboards.indicators.columns.target"), cell: (i) => decimal(i.target, locale) },
    { key: "actual", header: t("dashboards.indicators.columns.actual"), cell: (i) => decimal(i.actual, locale) },
    { key: "percent", header: t("dashboards.indicators.columns.percent"), cell: (i) => progressText(i.actual, i.target, t, locale) },
  ];
}

/** A report's narrative in the reader's language (else the other one, saying so); an excerpt unless `full`. */
export function Narrative({ report, t, locale, full }: I18nProps & { report: AcceptedReportSummary; full?: boolean }) {
  const narrative = narrativeIn(locale, report);
  if (!narrative) return <span className="muted">{t("dashboards.reports.noNarrative")}</span>;
  const text = full ? narrative.text : excerpt(narrative.text);
  const note = narrative.fallback === "en" ? t("dashboards.reports.onlyEnglish") : narrative.fallback === "es" ? t("dashboards.reports.onlySpanish") : null;
  return (
    <>
      <span lang={narrative.fallback ?? locale} className={full ? "text-pre-line" : undefined}>
        {text}
      </span>
      {note ? <span className="muted small"> {note}</span> : null}
    </>
  );
}

/** A report's period: its number, its dates, and whether it is the final report. */
export function PeriodCell({ report, t, locale }: I18nProps & { report: AcceptedReportSummary }) {
  return (
    <>
      {t("dashboards.reports.periodValue", { number: report.periodNumber })}
      <div className="small muted">
        {t("dashboards.reports.periodDates", { start: formatDate(report.periodStartsOn, locale), end: formatDate(report.periodEndsOn, locale) })}
      </div>
      {report.isFinal ? <Badge>{t("dashboards.reports.final")}</Badge> : null}
    </>
  );
}

/** When a report was accepted, as a <time>. */
export function AcceptedOn({ report, locale }: { report: AcceptedReportSummary; locale: Locale }) {
  return <time dateTime={report.acceptedAt}>{formatDate(report.acceptedAt, locale)}</time>;
}
