import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { getAwardReporting, listIndicatorLibrary } from "@/lib/reporting/queries";
import { unitLabel } from "@/lib/reporting/units";
import { FrequencyForm } from "./frequency-form";
import { IndicatorsEditor } from "./indicators-editor";
import { periodStatusBadgeClass } from "./reporting-labels";

/**
 * The award page's reporting section: the reporting calendar with each period's status (overdue ones
 * flagged) and a link to its report, indicator progress (accepted actuals against targets) and the money
 * summary; officers also get the indicators editor. Donors see accepted reports only. Render it on the
 * award page after getAward succeeded (it checks visibility again and throws NotFoundError otherwise).
 */
export async function ReportingSection({ awardId }: { awardId: string }) {
  const user = await requireUser();
  const reporting = await getAwardReporting(user, awardId);
  const { t, locale } = await getI18n();
  const money = (minor: number) => formatMoney(minor, reporting.award.currency, locale);
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const quantity = (s: string) => formatNumber(Number(s), locale, { maximumFractionDigits: 2 });
  const library = reporting.canEditIndicators ? await listIndicatorLibrary() : [];
  const base = `/awards/${encodeURIComponent(reporting.award.id)}/reports`;

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
              <FrequencyForm awardId={reporting.award.id} current={reporting.award.reportingFrequencyMonths} />
            </details>
          )
        ) : null}
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
                    <td>
                      {linkKey ? <Link href={`${base}/${p.number}`}>{t(`reporting.section.${linkKey}`, { number: p.number })}</Link> : t("reporting.section.noReport")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>

      <div className="stack">
        <h3>{t("reporting.section.indicatorsHeading")}</h3>
        {reporting.indicators.length === 0 ? (
          <p className="muted">{t("reporting.section.indicatorsEmpty")}</p>
        ) : (
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
        )}
        {reporting.canEditIndicators ? (
          <details>
            <summary>{t("reporting.section.editIndicators")}</summary>
            <IndicatorsEditor
              awardId={reporting.award.id}
              library={library.map((l) => ({ id: l.id, name: name(l), unit: unitLabel(l.unit, t) }))}
              defaultValues={{ indicators: reporting.indicators.map((i) => ({ indicatorId: i.indicatorId, baseline: i.baseline, target: i.target })) }}
            />
          </details>
        ) : null}
      </div>
    </section>
  );
}
