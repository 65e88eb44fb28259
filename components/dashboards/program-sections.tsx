// The sections of a program dashboard and of its country drill-down (server components): every chart
// sits next to a table with the same figures, which is the accessible source.
import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";
import type { AcceptedReportSummary, AwardSummary, CountrySummary, DeliverableCounts, IndicatorTotal, Named, ProgramOverview, ReportCounts } from "@/lib/dashboards/types";
import { percentOf } from "@/lib/reporting/status";
import { CountryMoneyChart, IndicatorProgressChart } from "./charts";
import { decimal, excerpt, nameIn, narrativeIn, progressText, titleIn } from "./text";
import { unitLabel } from "@/lib/reporting/units";

interface I18nProps {
  t: Translate;
  locale: Locale;
}


export function Breadcrumb({ items, t }: { items: { href?: string; label: string }[]; t: Translate }) {
  return (
    <nav aria-label={t("dashboards.breadcrumb")} className="dash-breadcrumb">
      <ol>
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {item.href ? (
              <Link href={item.href}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The badge of a program whose figures are illustrative (demo data), its note as the tooltip. */
export function DemoFiguresBadge({ t }: { t: Translate }) {
  return (
    <span className="badge" title={t("dashboards.demoFiguresNote")}>
      {t("dashboards.demoFigures")}
    </span>
  );
}

/** One label and value of a `dash-facts` list (<dl>). */
export function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Program name, donors, period, and the notes on what the figures count. */
export function ProgramHeader({ program, asOf, title, t, locale }: I18nProps & { program: ProgramOverview["program"]; asOf: string; title?: string }) {
  return (
    <header className="card stack">
      <h1>{title ?? nameIn(locale, program)}</h1>
      <dl className="dash-facts">
        <Fact
          label={t("dashboards.program.fundedBy")}
          value={program.donors.length > 0 ? program.donors.map((d) => nameIn(locale, d)).join(", ") : t("dashboards.program.noDonors")}
        />
        <Fact label={t("dashboards.program.period")} value={t("dashboards.periodValue", { start: formatDate(program.startsOn, locale), end: formatDate(program.endsOn, locale) })} />
      </dl>
      {program.isDemoFigures ? (
        <p className="alert alert-info" role="note">
          <span className="badge">{t("dashboards.demoFigures")}</span> {t("dashboards.demoFiguresNote")}
        </p>
      ) : null}
      <p className="muted small">
        {t("dashboards.scopeNote")} {t("dashboards.asOf", { date: formatDate(asOf, locale) })}
      </p>
    </header>
  );
}

function FigureCard({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="card dash-card" data-testid={testId}>
      <p className="dash-card-label">{label}</p>
      <p className="dash-card-value">{value}</p>
      {hint ? <p className="muted small">{hint}</p> : null}
    </div>
  );
}

/** Ceiling, committed, disbursed, reported expenditure and remaining. */
export function MoneyCards({ money, currency, isCountry, t, locale }: I18nProps & { money: ProgramOverview["money"]; currency: string; isCountry?: boolean }) {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <section aria-labelledby="dash-money">
      <h2 id="dash-money">{t("dashboards.money.heading")}</h2>
      <div className="dash-cards">
        <FigureCard testId="money-ceiling" label={t("dashboards.money.ceiling")} value={m(money.ceilingMinor)} />
        <FigureCard testId="money-committed" label={t("dashboards.money.committed")} value={m(money.committedMinor)} hint={t("dashboards.money.committedHint")} />
        <FigureCard testId="money-disbursed" label={t("dashboards.money.disbursed")} value={m(money.disbursedMinor)} />
        <FigureCard
          testId="money-reported"
          label={t("dashboards.money.reportedExpenditure")}
          value={m(money.reportedExpenditureMinor)}
          hint={t("dashboards.money.reportedHint")}
        />
        <FigureCard
          testId="money-remaining"
          label={t("dashboards.money.remaining")}
          value={m(money.remainingMinor)}
          hint={isCountry ? t("dashboards.money.remainingProgramHint") : t("dashboards.money.remainingHint")}
        />
      </div>
    </section>
  );
}

function lateCell(d: DeliverableCounts, t: Translate) {
  return t("dashboards.countries.lateValue", { late: d.late, total: d.total });
}

/** Awards by country: the table (with links to the country drill-down) and the committed/disbursed chart. */
export function CountriesSection({ programId, countries, currency, t, locale }: I18nProps & { programId: string; countries: CountrySummary[]; currency: string }) {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  const sorted = [...countries].sort((a, b) => nameIn(locale, a).localeCompare(nameIn(locale, b), locale));
  return (
    <section className="stack" aria-labelledby="dash-countries">
      <h2 id="dash-countries">{t("dashboards.countries.heading")}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t("dashboards.countries.none")}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="countries-table">
              <caption className="muted">
                {t("dashboards.countries.caption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.countries.columns.country")}</th>
                  <th scope="col">{t("dashboards.countries.columns.awards")}</th>
                  <th scope="col">{t("dashboards.countries.columns.committed")}</th>
                  <th scope="col">{t("dashboards.countries.columns.disbursed")}</th>
                  <th scope="col">{t("dashboards.countries.columns.reported")}</th>
                  <th scope="col">{t("dashboards.countries.columns.deliverables")}</th>
                  <th scope="col">{t("dashboards.countries.columns.reportsOverdue")}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((c) => (
                  <tr key={c.iso2}>
                    <th scope="row">
                      <Link href={`/dashboards/${encodeURIComponent(programId)}/countries/${encodeURIComponent(c.iso2)}`}>{nameIn(locale, c)}</Link>
                    </th>
                    <td>{formatNumber(c.awards, locale)}</td>
                    <td className="nowrap">{m(c.committedMinor)}</td>
                    <td className="nowrap">{m(c.disbursedMinor)}</td>
                    <td className="nowrap">{m(c.reportedExpenditureMinor)}</td>
                    <td>{lateCell(c.deliverables, t)}</td>
                    <td>{formatNumber(c.reportCounts.overdue, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
        </>
      )}
    </section>
  );
}

/** An indicator row's cells: name, unit, baseline, target, accepted actuals, progress (program and award tables). */
export function IndicatorCells({ indicator: i, t, locale }: I18nProps & { indicator: Named & { unit: string; baseline: string; target: string; actual: string } }) {
  return (
    <>
      <th scope="row">{nameIn(locale, i)}</th>
      <td>{unitLabel(i.unit, t)}</td>
      <td>{decimal(i.baseline, locale)}</td>
      <td>{decimal(i.target, locale)}</td>
      <td>{decimal(i.actual, locale)}</td>
      <td>{progressText(i.actual, i.target, t, locale)}</td>
    </>
  );
}

/** Indicator totals against targets: the table and a percent-of-target chart. */
export function IndicatorsSection({ indicators, t, locale }: I18nProps & { indicators: IndicatorTotal[] }) {
  const rows = indicators.map((i) => ({ ...i, percent: percentOf(Number(i.actual), Number(i.target)) }));
  const charted = rows.filter((r): r is typeof r & { percent: number } => r.percent !== null);
  return (
    <section className="stack" aria-labelledby="dash-indicators">
      <h2 id="dash-indicators">{t("dashboards.indicators.heading")}</h2>
      <p className="muted">{t("dashboards.indicators.intro")}</p>
      {rows.length === 0 ? (
        <p className="muted">{t("dashboards.indicators.none")}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="indicators-table">
              <caption className="muted">
                {t("dashboards.indicators.caption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.indicators.columns.indicator")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.unit")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.baseline")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.target")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.actual")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.percent")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.awards")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.key}>
                    <IndicatorCells indicator={i} t={t} locale={locale} />
                    <td>{formatNumber(i.awards, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {charted.length > 0 ? (
            <figure className="card dash-figure">
              <IndicatorProgressChart
                label={t("dashboards.indicators.chartLabel")}
                rows={charted.map((i) => ({
                  name: nameIn(locale, i),
                  percent: i.percent,
                  label: t("dashboards.indicators.chartBarLabel", {
                    percent: formatNumber(i.percent, locale),
                    actual: decimal(i.actual, locale),
                    target: decimal(i.target, locale),
                  }),
                }))}
              />
            </figure>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Deliverables on time against late, as figures with words (and a bar that repeats them). */
export function DeliverablesSummary({ counts, t, locale }: I18nProps & { counts: DeliverableCounts }) {
  const n = (v: number) => formatNumber(v, locale);
  const onTimeShare = counts.total > 0 ? (counts.onTime / counts.total) * 100 : 0;
  return (
    <section className="stack" aria-labelledby="dash-deliverables">
      <h2 id="dash-deliverables">{t("dashboards.deliverables.heading")}</h2>
      {counts.total === 0 ? (
        <p className="muted">{t("dashboards.deliverables.none")}</p>
      ) : (
        <>
          <div className="dash-cards">
            <FigureCard testId="deliverables-total" label={t("dashboards.deliverables.total")} value={n(counts.total)} />
            <FigureCard testId="deliverables-on-time" label={t("dashboards.deliverables.onTime")} value={n(counts.onTime)} hint={t("dashboards.deliverables.onTimeHint")} />
            <FigureCard testId="deliverables-late" label={t("dashboards.deliverables.late")} value={n(counts.late)} hint={t("dashboards.deliverables.lateHint")} />
            <FigureCard testId="deliverables-accepted" label={t("dashboards.deliverables.accepted")} value={n(counts.accepted)} />
          </div>
          {/* The share comes from the data, so it reaches the stylesheet as a custom property: .dash-split in
              app/globals.css sizes both parts of the bar from it. */}
          {/* eslint-disable-next-line react/forbid-dom-props -- a data-driven proportion, the only value no class can hold */}
          <div className="dash-split" aria-hidden="true" style={{ "--on-time-share": `${onTimeShare}%` } as CSSProperties}>
            <span className="dash-split-on-time" />
            <span className="dash-split-late" />
          </div>
          <p className="small muted">{t("dashboards.deliverables.barLabel", { onTime: n(counts.onTime), late: plural(t, locale, "dashboards.tally.late", counts.late), total: n(counts.total) })}</p>
        </>
      )}
    </section>
  );
}

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

export function PeriodCell({ report, t, locale }: I18nProps & { report: AcceptedReportSummary }) {
  return (
    <>
      {t("dashboards.reports.periodValue", { number: report.periodNumber })}
      <div className="small muted">
        {t("dashboards.reports.periodDates", { start: formatDate(report.periodStartsOn, locale), end: formatDate(report.periodEndsOn, locale) })}
      </div>
      {report.isFinal ? <span className="badge">{t("dashboards.reports.final")}</span> : null}
    </>
  );
}

/** Reports accepted and overdue (past their due date, not accepted), as cards. */
export function ReportCountCards({ counts, t, locale }: I18nProps & { counts: ReportCounts }) {
  return (
    <div className="dash-cards">
      <FigureCard testId="reports-accepted" label={t("dashboards.reports.acceptedCount")} value={formatNumber(counts.accepted, locale)} />
      <FigureCard testId="reports-overdue" label={t("dashboards.reports.overdueCount")} value={formatNumber(counts.overdue, locale)} hint={t("dashboards.reports.overdueHint")} />
    </div>
  );
}

/** The latest accepted reports, newest first, with a narrative excerpt. */
export function LatestReports({ programId, reports, counts, t, locale }: I18nProps & { programId: string; reports: AcceptedReportSummary[]; counts: ReportCounts }) {
  return (
    <section className="stack" aria-labelledby="dash-reports">
      <h2 id="dash-reports">{t("dashboards.reports.heading")}</h2>
      <ReportCountCards counts={counts} t={t} locale={locale} />
      {reports.length === 0 ? (
        <p className="muted">{t("dashboards.reports.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="reports-table">
            <caption className="muted">
              {t("dashboards.reports.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboards.reports.columns.award")}</th>
                <th scope="col">{t("dashboards.reports.columns.country")}</th>
                <th scope="col">{t("dashboards.reports.columns.period")}</th>
                <th scope="col">{t("dashboards.reports.columns.accepted")}</th>
                <th scope="col">{t("dashboards.reports.columns.narrative")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.reportId}>
                  <th scope="row" className="nowrap">
                    <Link href={`/dashboards/${encodeURIComponent(programId)}/awards/${encodeURIComponent(r.awardId)}`}>{r.awardReference}</Link>
                  </th>
                  <td>{nameIn(locale, r.country)}</td>
                  <td>
                    <PeriodCell report={r} t={t} locale={locale} />
                  </td>
                  <td>
                    <time dateTime={r.acceptedAt}>{formatDate(r.acceptedAt, locale)}</time>
                  </td>
                  <td>
                    <Narrative report={r} t={t} locale={locale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The awards counted, each linking to its drill-down. */
export function AwardsTable({ programId, awards, currency, t, locale }: I18nProps & { programId: string; awards: AwardSummary[]; currency: string }) {
  const m = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <section className="stack" aria-labelledby="dash-awards">
      <h2 id="dash-awards">{t("dashboards.awards.heading")}</h2>
      {awards.length === 0 ? (
        <p className="muted">{t("dashboards.awards.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dashboard-awards-table">
            <caption className="muted">
              {t("dashboards.awards.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboards.awards.columns.reference")}</th>
                <th scope="col">{t("dashboards.awards.columns.country")}</th>
                <th scope="col">{t("dashboards.awards.columns.partner")}</th>
                <th scope="col">{t("dashboards.awards.columns.amount")}</th>
                <th scope="col">{t("dashboards.awards.columns.disbursed")}</th>
                <th scope="col">{t("dashboards.awards.columns.period")}</th>
                <th scope="col">{t("dashboards.awards.columns.status")}</th>
                <th scope="col">{t("dashboards.awards.columns.deliverables")}</th>
                <th scope="col">{t("dashboards.awards.columns.reportsOverdue")}</th>
              </tr>
            </thead>
            <tbody>
              {awards.map((a) => {
                const title = titleIn(locale, a);
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link href={`/dashboards/${encodeURIComponent(programId)}/awards/${encodeURIComponent(a.id)}`}>{a.reference}</Link>
                      {title ? <div className="small muted">{title}</div> : null}
                    </th>
                    <td>{nameIn(locale, a.country)}</td>
                    <td>{nameIn(locale, a.partner)}</td>
                    <td className="nowrap">{m(a.committedMinor)}</td>
                    <td className="nowrap">{m(a.disbursedMinor)}</td>
                    <td>{t("dashboards.periodValue", { start: formatDate(a.startsOn, locale), end: formatDate(a.endsOn, locale) })}</td>
                    <td>
                      <span className={a.status === "active" ? "badge badge-success" : "badge"}>{t(`dashboards.status.${a.status}`)}</span>
                    </td>
                    <td>{lateCell(a.deliverables, t)}</td>
                    <td>{formatNumber(a.reportCounts.overdue, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <a href={href} download>
        {children}
      </a>
    </li>
  );
}

/** The program's files (PDF reports, CSV exports, IATI XML), served by their own route handlers. */
export function Downloads({ programId, hasAwards, t }: { programId: string; hasAwards: boolean; t: Translate }) {
  const base = `/dashboards/${encodeURIComponent(programId)}`;
  return (
    <aside className="card stack" aria-labelledby="dash-downloads" data-testid="dashboard-downloads">
      <h2 id="dash-downloads">{t("dashboards.downloads.heading")}</h2>
      <p className="muted small">{t("dashboards.downloads.intro")}</p>
      <ul className="dash-downloads">
        <DownloadLink href={`${base}/report.pdf?lang=en`}>{t("dashboards.downloads.pdfEn")}</DownloadLink>
        <DownloadLink href={`${base}/report.pdf?lang=es`}>{t("dashboards.downloads.pdfEs")}</DownloadLink>
        <DownloadLink href={`${base}/export/awards.csv`}>{t("dashboards.downloads.awardsCsv")}</DownloadLink>
        <DownloadLink href={`${base}/export/disbursements.csv`}>{t("dashboards.downloads.disbursementsCsv")}</DownloadLink>
        <DownloadLink href={`${base}/export/indicator-actuals.csv`}>{t("dashboards.downloads.indicatorActualsCsv")}</DownloadLink>
        {/* IATI needs at least one activity: before the first running award there is no file to give. */}
        {hasAwards ? (
          <DownloadLink href={`${base}/iati.xml`}>{t("dashboards.downloads.iati")}</DownloadLink>
        ) : (
          <li className="muted small">{t("dashboards.downloads.iatiNone")}</li>
        )}
      </ul>
    </aside>
  );
}
