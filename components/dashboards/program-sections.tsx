// The sections of a program dashboard, its country drill-down and its award pages other than the tables
// (server components): the trail, the header, the figure cards and the downloads.
import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { plural } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";
import type { DeliverableCounts, ProgramOverview, ReportCounts } from "@/lib/dashboards/types";
import { Badge } from "@/components/ui/badge";
import type { I18nProps } from "./dashboard-table";
import { nameIn } from "./text";

/** Where the page sits among the dashboards; the last item is the page itself. */
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
          <Badge>{t("dashboards.demoFigures")}</Badge> {t("dashboards.demoFiguresNote")}
        </p>
      ) : null}
      <p className="muted small">
        {t("dashboards.scopeNote")} {t("dashboards.asOf", { date: formatDate(asOf, locale) })}
      </p>
    </header>
  );
}

/** One figure on a card: its label, its value and what it counts. */
export function FigureCard({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
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

/** Reports accepted and overdue (past their due date, not accepted), as cards. */
export function ReportCountCards({ counts, t, locale }: I18nProps & { counts: ReportCounts }) {
  return (
    <div className="dash-cards">
      <FigureCard testId="reports-accepted" label={t("dashboards.reports.acceptedCount")} value={formatNumber(counts.accepted, locale)} />
      <FigureCard testId="reports-overdue" label={t("dashboards.reports.overdueCount")} value={formatNumber(counts.overdue, locale)} hint={t("dashboards.reports.overdueHint")} />
    </div>
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
