import Link from "next/link";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { AwardReporting } from "@/lib/reporting/queries";
import { unitLabel } from "@/lib/reporting/units";
import { FrequencyForm, type SetFrequencyAction } from "./frequency-form";
import { IndicatorsEditor, type SetIndicatorsAction } from "./indicators-editor";
import { periodStatusBadgeClass } from "./reporting-labels";

/** An indicator of the library, as the editor offers it. */
export interface LibraryIndicator {
  id: string;
  nameEn: string;
  nameEs: string;
  unit: string;
}

interface ReportingSectionProps {
  /** getAwardReporting for the current user (visibility is decided there). */
  reporting: AwardReporting;
  /** The indicator library (listIndicatorLibrary) when the user may edit the indicators, else empty. */
  library: LibraryIndicator[];
  setIndicatorsAction: SetIndicatorsAction;
  setFrequencyAction: SetFrequencyAction;
  t: Translate;
  locale: Locale;
}

const byLocale = (locale: Locale) => (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);

/**
 * The award page's reporting section: the reporting calendar with each period's status (overdue ones
 * flagged) and a link to its report, indicator progress (accepted actuals against targets) and the money
 * summary; officers also get the indicators editor. Donors see accepted reports only (the page loads
 * the reporting for its user).
 */
export function ReportingSection({ reporting, library, setIndicatorsAction, setFrequencyAction, t, locale }: ReportingSectionProps) {
  const money = (minor: number) => formatMoney(minor, reporting.award.currency, locale);
  const name = byLocale(locale);

  return (
    <section className="stack" aria-labelledby="reporting-heading" data-testid="reporting-section">
      <h2 id="reporting-heading">{t("reporting.section.heading")}</h2>
      {!reporting.seesUnacceptedReports ? <p className="muted">{t("reporting.section.donorNote")}</p> : null}

      <div className="card stack">
        <h3>{t("reporting.section.moneyHeading")}</h3>
        <dl className="detail-grid" data-testid="reporting-money">
          <dt className="text-strong">{t("reporting.section.committed")}</dt>
          <dd className="m-0">{money(reporting.money.committedMinor)}</dd>
          <dt className="text-strong">{t("reporting.section.disbursed")}</dt>
          <dd className="m-0">{money(reporting.money.disbursedMinor)}</dd>
          <dt className="text-strong">{t("reporting.section.reportedExpenditure")}</dt>
          <dd className="m-0">{money(reporting.money.reportedExpenditureMinor)}</dd>
        </dl>
      </div>

      <div className="stack">
        <h3>{t("reporting.section.calendarHeading")}</h3>
        {reporting.frequency ? (
          reporting.frequency.isLocked ? (
            <p className="muted" data-testid="frequency-locked">
              {t("reporting.frequency.locked")}
            </p>
          ) : (
            <details>
              <summary>{t("reporting.frequency.heading")}</summary>
              <FrequencyForm awardId={reporting.award.id} current={reporting.award.reportingFrequencyMonths} action={setFrequencyAction} />
            </details>
          )
        ) : null}
        <ReportingCalendar reporting={reporting} t={t} locale={locale} />
      </div>

      <div className="stack">
        <h3>{t("reporting.section.indicatorsHeading")}</h3>
        <IndicatorProgress reporting={reporting} t={t} locale={locale} />
        {reporting.canEditIndicators ? (
          <details>
            <summary>{t("reporting.section.editIndicators")}</summary>
            <IndicatorsEditor
              awardId={reporting.award.id}
              library={library.map((l) => ({ id: l.id, name: name(l), unit: unitLabel(l.unit, t) }))}
              defaultValues={{ indicators: reporting.indicators.map((i) => ({ indicatorId: i.indicatorId, baseline: i.baseline, target: i.target })) }}
              action={setIndicatorsAction}
            />
          </details>
        ) : null}
      </div>
    </section>
  );
}

/** The periods with dates, due date, status (overdue flagged) and the link to each report this user may open. */
function ReportingCalendar({ reporting, t, locale }: { reporting: AwardReporting; t: Translate; locale: Locale }) {
  const base = `/awards/${encodeURIComponent(reporting.award.id)}/reports`;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="reporting-calendar">
        <caption className="muted">{t("reporting.section.calendarCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reporting.section.columns.period")}</th>
            <th scope="col">{t("reporting.section.columns.dates")}</th>
            <th scope="col">{t("reporting.section.columns.dueOn")}</th>
            <th scope="col">{t("reporting.section.columns.status")}</th>
            <th scope="col">{t("reporting.section.columns.report")}</th>
          </tr>
        </thead>
        <tbody>
          {reporting.periods.map((p) => {
            const canFill = reporting.canSubmit && p.hasStarted && (p.report === null || p.report.status === "draft" || p.report.status === "returned");
            const canReview = reporting.canReview && p.report?.status === "submitted";
            const linkKey = canReview ? "reviewReport" : canFill ? "fillReport" : p.report ? "openReport" : null;
            return (
              <tr key={p.id} data-testid={`period-${p.number}`} data-status={p.status} data-overdue={p.isOverdue ? "true" : undefined}>
                <th scope="row">
                  {t("reporting.section.periodLabel", { number: p.number })}
                  {p.isFinal ? (
                    <>
                      {" "}
                      <span className="badge">{t("reporting.section.finalLabel")}</span>
                    </>
                  ) : null}
                </th>
                <td>
                  {formatDate(p.startsOn, locale)} – {formatDate(p.endsOn, locale)}
                </td>
                <td>{formatDate(p.dueOn, locale)}</td>
                <td>
                  <span className={periodStatusBadgeClass(p.status)}>{t(`reporting.periodStatus.${p.status}`)}</span>
                  {p.isOverdue && p.status !== "overdue" ? (
                    <>
                      {" "}
                      <span className="badge badge-danger">{t("reporting.section.overdueFlag")}</span>
                    </>
                  ) : null}
                </td>
                <td>{linkKey ? <Link href={`${base}/${p.number}`}>{t(`reporting.section.${linkKey}`, { number: p.number })}</Link> : t("reporting.section.noReport")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Each tracked indicator's baseline, target, accepted actuals and percent of the target. */
function IndicatorProgress({ reporting, t, locale }: { reporting: AwardReporting; t: Translate; locale: Locale }) {
  const name = byLocale(locale);
  const quantity = (s: string) => formatNumber(Number(s), locale, { maximumFractionDigits: 2 });
  if (reporting.indicators.length === 0) return <p className="muted">{t("reporting.section.indicatorsEmpty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="reporting-indicators">
        <caption className="muted">{t("reporting.section.indicatorsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reporting.section.indicatorColumns.indicator")}</th>
            <th scope="col">{t("reporting.section.indicatorColumns.unit")}</th>
            <th scope="col">{t("reporting.section.indicatorColumns.baseline")}</th>
            <th scope="col">{t("reporting.section.indicatorColumns.target")}</th>
            <th scope="col">{t("reporting.section.indicatorColumns.actual")}</th>
            <th scope="col">{t("reporting.section.indicatorColumns.percent")}</th>
          </tr>
        </thead>
        <tbody>
          {reporting.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">{name(i)}</th>
              <td>{unitLabel(i.unit, t)}</td>
              <td>{quantity(i.baseline)}</td>
              <td>{quantity(i.target)}</td>
              <td>{quantity(i.actual)}</td>
              <td>{i.percent === null ? "—" : `${formatNumber(i.percent, locale, { maximumFractionDigits: 1 })} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
