// The tables of a program dashboard and of its country drill-down (server components): every chart
// sits next to a table with the same figures, which is the accessible source.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import type { AcceptedReportSummary, AwardSummary, CountrySummary, DeliverableCounts, IndicatorTotal, ReportCounts } from "@/lib/dashboards/types";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { pageOfRows, type Paged } from "@/lib/paging";
import { percentOf } from "@/lib/reporting/status";
import { CountryMoneyChart, IndicatorProgressChart } from "./charts";
import { AcceptedOn, Narrative, PeriodCell, TableSection, indicatorColumns, pagedTable, type I18nProps, type PageLinks } from "./dashboard-table";
import { ReportCountCards } from "./program-sections";
import { decimal, nameIn, titleIn } from "./text";

const dashboardHref = (programId: string, ...path: string[]) => [`/dashboards/${encodeURIComponent(programId)}`, ...path.map(encodeURIComponent)].join("/");

function lateCell(d: DeliverableCounts, t: Translate) {
  return t("dashboards.countries.lateValue", { late: d.late, total: d.total });
}

/**
 * Awards by country: the table (with links to the country drill-down), a page at a time (`?countries=`)
 * by name in the reader's language, and the committed/disbursed chart of every country.
 */
export function CountriesSection({
  programId,
  countries,
  page,
  links,
  currency,
  t,
  locale,
}: I18nProps & { programId: string; countries: CountrySummary[]; page?: number; links: PageLinks; currency: string }) {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  const sorted = [...countries].sort((a, b) => nameIn(locale, a).localeCompare(nameIn(locale, b), locale) || a.iso2.localeCompare(b.iso2));
  const table = pagedTable(pageOfRows(sorted, { page }), {
    param: "countries",
    anchor: "dash-countries",
    label: t("dashboards.countries.pagesLabel"),
    shownKey: "dashboards.countries.shown",
    links,
    t,
    locale,
  });
  const columns: Column<CountrySummary>[] = [
    {
      key: "country",
      header: t("dashboards.countries.columns.country"),
      rowHeader: true,
      cell: (c) => <Link href={dashboardHref(programId, "countries", c.iso2)}>{nameIn(locale, c)}</Link>,
    },
    { key: "awards", header: t("dashboards.countries.columns.awards"), cell: (c) => formatNumber(c.awards, locale) },
    { key: "committed", header: t("dashboards.countries.columns.committed"), className: "nowrap", cell: (c) => m(c.committedMinor) },
    { key: "disbursed", header: t("dashboards.countries.columns.disbursed"), className: "nowrap", cell: (c) => m(c.disbursedMinor) },
    { key: "reported", header: t("dashboards.countries.columns.reported"), className: "nowrap", cell: (c) => m(c.reportedExpenditureMinor) },
    { key: "deliverables", header: t("dashboards.countries.columns.deliverables"), cell: (c) => lateCell(c.deliverables, t) },
    { key: "reportsOverdue", header: t("dashboards.countries.columns.reportsOverdue"), cell: (c) => formatNumber(c.reportCounts.overdue, locale) },
  ];
  const chart = (
    <figure className="card dash-figure">
      <CountryMoneyChart
        rows={sorted.map((c) => ({
          name: nameIn(locale, c),
          committed: c.committedMinor,
          disbursed: c.disbursedMinor,
          committedLabel: m(c.committedMinor),
          disbursedLabel: m(c.disbursedMinor),
        }))}
        currency={currency}
        locale={locale}
        label={t("dashboards.countries.chartLabel")}
        committedName={t("dashboards.money.committed")}
        disbursedName={t("dashboards.money.disbursed")}
      />
      <figcaption className="muted small">{t("dashboards.countries.chartNote")}</figcaption>
    </figure>
  );
  return (
    <TableSection
      id="dash-countries"
      heading={t("dashboards.countries.heading")}
      caption={t("dashboards.countries.caption")}
      columns={columns}
      {...table}
      rowKey={(c) => c.iso2}
      empty={t("dashboards.countries.none")}
      after={chart}
      t={t}
      testId="countries-table"
    />
  );
}

/** Indicator totals against targets: the table and a percent-of-target chart. */
export function IndicatorsSection({ indicators, t, locale }: I18nProps & { indicators: IndicatorTotal[] }) {
  const rows = indicators.map((i) => ({ ...i, percent: percentOf(Number(i.actual), Number(i.target)) }));
  const charted = rows.filter((r): r is typeof r & { percent: number } => r.percent !== null);
  const columns: Column<(typeof rows)[number]>[] = [
    ...indicatorColumns<(typeof rows)[number]>({ t, locale }),
    { key: "awards", header: t("dashboards.indicators.columns.awards"), cell: (i) => formatNumber(i.awards, locale) },
  ];
  const chart =
    charted.length > 0 ? (
      <figure className="card dash-figure">
        <IndicatorProgressChart
          label={t("dashboards.indicators.chartLabel")}
          rows={charted.map((i) => ({
            name: nameIn(locale, i),
            percent: i.percent,
            label: t("dashboards.indicators.chartBarLabel", { percent: formatNumber(i.percent, locale), actual: decimal(i.actual, locale), target: decimal(i.target, locale) }),
          }))}
        />
      </figure>
    ) : null;
  return (
    <TableSection
      id="dash-indicators"
      heading={t("dashboards.indicators.heading")}
      before={<p className="muted">{t("dashboards.indicators.intro")}</p>}
      caption={t("dashboards.indicators.caption")}
      columns={columns}
      rows={rows}
      rowKey={(i) => i.key}
      empty={t("dashboards.indicators.none")}
      after={chart}
      t={t}
      testId="indicators-table"
    />
  );
}

/** The accepted reports, newest first, a page at a time (`?reports=`), each with a narrative excerpt. */
export function LatestReports({
  programId,
  reports,
  links,
  counts,
  t,
  locale,
}: I18nProps & { programId: string; reports: Paged<AcceptedReportSummary>; links: PageLinks; counts: ReportCounts }) {
  const columns: Column<AcceptedReportSummary>[] = [
    {
      key: "award",
      header: t("dashboards.reports.columns.award"),
      rowHeader: true,
      className: "nowrap",
      cell: (r) => <Link href={dashboardHref(programId, "awards", r.awardId)}>{r.awardReference}</Link>,
    },
    { key: "country", header: t("dashboards.reports.columns.country"), cell: (r) => nameIn(locale, r.country) },
    { key: "period", header: t("dashboards.reports.columns.period"), cell: (r) => <PeriodCell report={r} t={t} locale={locale} /> },
    { key: "accepted", header: t("dashboards.reports.columns.accepted"), cell: (r) => <AcceptedOn report={r} locale={locale} /> },
    { key: "narrative", header: t("dashboards.reports.columns.narrative"), cell: (r) => <Narrative report={r} t={t} locale={locale} /> },
  ];
  return (
    <TableSection
      id="dash-reports"
      heading={t("dashboards.reports.heading")}
      before={<ReportCountCards counts={counts} t={t} locale={locale} />}
      caption={t("dashboards.reports.caption")}
      columns={columns}
      {...pagedTable(reports, { param: "reports", anchor: "dash-reports", label: t("dashboards.reports.pagesLabel"), shownKey: "dashboards.reports.shown", links, t, locale })}
      rowKey={(r) => r.reportId}
      empty={t("dashboards.reports.none")}
      t={t}
      testId="reports-table"
    />
  );
}

/** The awards counted, by reference, a page at a time (`?awards=`), each linking to its drill-down. */
export function AwardsTable({
  programId,
  awards,
  links,
  currency,
  t,
  locale,
}: I18nProps & { programId: string; awards: Paged<AwardSummary>; links: PageLinks; currency: string }) {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  const reference = (a: AwardSummary) => {
    const title = titleIn(locale, a);
    return (
      <>
        <Link href={dashboardHref(programId, "awards", a.id)}>{a.reference}</Link>
        {title ? <div className="small muted">{title}</div> : null}
      </>
    );
  };
  const columns: Column<AwardSummary>[] = [
    { key: "reference", header: t("dashboards.awards.columns.reference"), rowHeader: true, cell: reference },
    { key: "country", header: t("dashboards.awards.columns.country"), cell: (a) => nameIn(locale, a.country) },
    { key: "partner", header: t("dashboards.awards.columns.partner"), cell: (a) => nameIn(locale, a.partner) },
    { key: "amount", header: t("dashboards.awards.columns.amount"), className: "nowrap", cell: (a) => m(a.committedMinor) },
    { key: "disbursed", header: t("dashboards.awards.columns.disbursed"), className: "nowrap", cell: (a) => m(a.disbursedMinor) },
    {
      key: "period",
      header: t("dashboards.awards.columns.period"),
      cell: (a) => t("dashboards.periodValue", { start: formatDate(a.startsOn, locale), end: formatDate(a.endsOn, locale) }),
    },
    {
      key: "status",
      header: t("dashboards.awards.columns.status"),
      cell: (a) => <Badge tone={a.status === "active" ? "success" : "neutral"}>{t(`dashboards.status.${a.status}`)}</Badge>,
    },
    { key: "deliverables", header: t("dashboards.awards.columns.deliverables"), cell: (a) => lateCell(a.deliverables, t) },
    { key: "reportsOverdue", header: t("dashboards.awards.columns.reportsOverdue"), cell: (a) => formatNumber(a.reportCounts.overdue, locale) },
  ];
  return (
    <TableSection
      id="dash-awards"
      heading={t("dashboards.awards.heading")}
      caption={t("dashboards.awards.caption")}
      columns={columns}
      {...pagedTable(awards, { param: "awards", anchor: "dash-awards", label: t("dashboards.awards.pagesLabel"), shownKey: "dashboards.awards.shown", links, t, locale })}
      rowKey={(a) => a.id}
      empty={t("dashboards.awards.none")}
      t={t}
      testId="dashboard-awards-table"
    />
  );
}
