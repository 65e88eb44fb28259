import { Breadcrumb, IndicatorCells, Narrative, PeriodCell, ReportCountCards } from "@/components/dashboards/program-sections";
import { nameIn, titleIn } from "@/components/dashboards/text";
import { DetailItem, DetailList } from "@/components/ui/detail-list";
import { requireUser } from "@/lib/auth/current-user";
import { getAwardOverview } from "@/lib/dashboards/queries";
import { rethrowAsNotFound } from "@/lib/http/not-found";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";


export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("dashboards.award.pageTitle")} · ${t("common.appName")}` };
}

const CONDITIONS = ["new", "good", "fair", "poor", "unserviceable"] as const;
const RESULTS = ["in_use_as_intended", "not_found", "misused", "unserviceable"] as const;

function conditionText(value: string, t: Translate): string {
  return (CONDITIONS as readonly string[]).includes(value) ? t(`dashboards.condition.${value as (typeof CONDITIONS)[number]}`) : value;
}

function resultText(value: string, t: Translate): string {
  return (RESULTS as readonly string[]).includes(value) ? t(`dashboards.checkResult.${value as (typeof RESULTS)[number]}`) : value;
}

/**
 * One award of a program dashboard: header, funds, indicators, deliverables, equipment, tranches and
 * accepted reports. Anyone who may open the program's dashboard, for its running or finished awards;
 * an award of another program, or one awaiting approval or cancelled, is a 404.
 */
export default async function AwardDashboardPage({ params }: { params: Promise<{ programId: string; awardId: string }> }) {
  const user = await requireUser();
  const { programId, awardId } = await params;
  const overview = await getAwardOverview(user, awardId, { programId }).catch(rethrowAsNotFound);
  const { t, locale } = await getI18n();
  const { program, award } = overview;
  const money = (minor: number) => formatMoney(minor, program.currency, locale);
  const title = titleIn(locale, award) ?? t("dashboards.awards.untitled", { reference: award.reference });
  const i18n = { t, locale };

  return (
    <div className="stack">
      <Breadcrumb
        t={t}
        items={[
          { href: "/dashboards", label: t("dashboards.pageTitle") },
          { href: `/dashboards/${encodeURIComponent(program.id)}`, label: nameIn(locale, program) },
          { href: `/dashboards/${encodeURIComponent(program.id)}/countries/${encodeURIComponent(award.countryIso2)}`, label: nameIn(locale, award.country) },
          { label: award.reference },
        ]}
      />

      <header className="card stack">
        <p className="muted m-0">
          <span data-testid="award-reference">{award.reference}</span> ·{" "}
          <span className={award.status === "active" ? "badge badge-success" : "badge"}>{t(`dashboards.status.${award.status}`)}</span>
        </p>
        <h1>{title}</h1>
        <DetailList>
          <DetailItem label={t("dashboards.award.program")}>{nameIn(locale, program)}</DetailItem>
          <DetailItem label={t("dashboards.award.country")}>{nameIn(locale, award.country)}</DetailItem>
          <DetailItem label={t("dashboards.award.partner")}>{nameIn(locale, award.partner)}</DetailItem>
          <DetailItem label={t("dashboards.award.period")}>
            {t("dashboards.periodValue", { start: formatDate(award.startsOn, locale), end: formatDate(award.endsOn, locale) })}
          </DetailItem>
          <DetailItem label={t("dashboards.award.status")}>{t(`dashboards.status.${award.status}`)}</DetailItem>
        </DetailList>
        <p>
          <a
            className="btn"
            href={`/dashboards/${encodeURIComponent(program.id)}/awards/${encodeURIComponent(award.id)}/report.pdf?lang=${locale}`}
            download
          >
            {t("dashboards.award.pdf")}
          </a>
        </p>
        {program.isDemoFigures ? (
          <p className="alert alert-info" role="note">
            <span className="badge">{t("dashboards.demoFigures")}</span> {t("dashboards.demoFiguresNote")}
          </p>
        ) : null}
        <p className="muted small">
          {t("dashboards.scopeNote")} {t("dashboards.asOf", { date: formatDate(overview.asOf, locale) })}
        </p>
      </header>

      <section aria-labelledby="award-money">
        <h2 id="award-money">{t("dashboards.award.moneyHeading")}</h2>
        <div className="dash-cards">
          <div className="card dash-card">
            <p className="dash-card-label">{t("dashboards.money.committed")}</p>
            <p className="dash-card-value">{money(overview.money.committedMinor)}</p>
          </div>
          <div className="card dash-card">
            <p className="dash-card-label">{t("dashboards.money.disbursed")}</p>
            <p className="dash-card-value">{money(overview.money.disbursedMinor)}</p>
          </div>
          <div className="card dash-card">
            <p className="dash-card-label">{t("dashboards.money.reportedExpenditure")}</p>
            <p className="dash-card-value">{money(overview.money.reportedExpenditureMinor)}</p>
            <p className="muted small">{t("dashboards.money.reportedHint")}</p>
          </div>
        </div>
      </section>

      <section className="stack" aria-labelledby="award-indicators">
        <h2 id="award-indicators">{t("dashboards.award.indicatorsHeading")}</h2>
        {overview.indicators.length === 0 ? (
          <p className="muted">{t("dashboards.indicators.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="award-indicators-table">
              <caption className="muted">
                {t("dashboards.award.indicatorsCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.indicators.columns.indicator")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.unit")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.baseline")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.target")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.actual")}</th>
                  <th scope="col">{t("dashboards.indicators.columns.percent")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.indicators.map((i) => (
                  <tr key={i.key}>
                    <IndicatorCells indicator={i} t={t} locale={locale} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="award-deliverables">
        <h2 id="award-deliverables">{t("dashboards.deliverables.heading")}</h2>
        {overview.deliverables.length === 0 ? (
          <p className="muted">{t("dashboards.deliverables.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="award-deliverables-table">
              <caption className="muted">
                {t("dashboards.award.deliverablesCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.award.deliverableColumns.title")}</th>
                  <th scope="col">{t("dashboards.award.deliverableColumns.dueOn")}</th>
                  <th scope="col">{t("dashboards.award.deliverableColumns.status")}</th>
                  <th scope="col">{t("dashboards.award.deliverableColumns.timeliness")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.deliverables.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.title}</th>
                    <td className="nowrap">{formatDate(d.dueOn, locale)}</td>
                    <td>{t(`dashboards.deliverableStatus.${d.status}`)}</td>
                    <td>
                      {d.isLate ? (
                        <span className="badge badge-danger">{t("dashboards.deliverables.late")}</span>
                      ) : (
                        <span className="badge">{t("dashboards.deliverables.onTime")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="award-equipment">
        <h2 id="award-equipment">{t("dashboards.award.equipmentHeading")}</h2>
        {overview.equipment.length === 0 ? (
          <p className="muted">{t("dashboards.award.equipmentNone")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="award-equipment-table">
              <caption className="muted">
                {t("dashboards.award.equipmentCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.award.equipmentColumns.kind")}</th>
                  <th scope="col">{t("dashboards.award.equipmentColumns.model")}</th>
                  <th scope="col">{t("dashboards.award.equipmentColumns.quantity")}</th>
                  <th scope="col">{t("dashboards.award.equipmentColumns.handoverOn")}</th>
                  <th scope="col">{t("dashboards.award.equipmentColumns.custodian")}</th>
                  <th scope="col">{t("dashboards.award.equipmentColumns.condition")}</th>
                  <th scope="col">{t("dashboards.award.equipmentColumns.lastCheck")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.equipment.map((e, index) => (
                  <tr key={`${index}-${e.kind}`}>
                    <th scope="row">{e.kind}</th>
                    <td>{e.model ?? "—"}</td>
                    <td>{formatNumber(e.quantity, locale)}</td>
                    <td>{e.handoverOn ? formatDate(e.handoverOn, locale) : t("dashboards.award.noHandover")}</td>
                    <td>{e.custodianAgency}</td>
                    <td>{conditionText(e.condition, t)}</td>
                    <td>
                      {e.lastCheck
                        ? t("dashboards.award.checkValue", { date: formatDate(e.lastCheck.checkedOn, locale), result: resultText(e.lastCheck.result, t) })
                        : t("dashboards.award.noChecks")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="award-tranches">
        <h2 id="award-tranches">{t("dashboards.award.tranchesHeading")}</h2>
        {overview.tranches.length === 0 ? (
          <p className="muted">{t("dashboards.award.tranchesNone")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="award-tranches-table">
              <caption className="muted">
                {t("dashboards.award.tranchesCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.award.trancheColumns.tranche")}</th>
                  <th scope="col">{t("dashboards.award.trancheColumns.planned")}</th>
                  <th scope="col">{t("dashboards.award.trancheColumns.plannedOn")}</th>
                  <th scope="col">{t("dashboards.award.trancheColumns.disbursed")}</th>
                  <th scope="col">{t("dashboards.award.trancheColumns.disbursedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.tranches.map((tr) => (
                  <tr key={tr.trancheNumber}>
                    <th scope="row">{t("dashboards.award.trancheValue", { number: tr.trancheNumber })}</th>
                    <td className="nowrap">{money(tr.plannedAmountMinor)}</td>
                    <td className="nowrap">{formatDate(tr.plannedOn, locale)}</td>
                    <td className="nowrap">{tr.disbursedMinor === null ? t("dashboards.award.notDisbursed") : money(tr.disbursedMinor)}</td>
                    <td className="nowrap">{tr.disbursedOn ? formatDate(tr.disbursedOn, locale) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="award-reports">
        <h2 id="award-reports">{t("dashboards.reports.awardHeading")}</h2>
        <ReportCountCards counts={overview.award.reportCounts} t={t} locale={locale} />
        {overview.reports.length === 0 ? (
          <p className="muted">{t("dashboards.reports.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="award-reports-table">
              <caption className="muted">
                {t("dashboards.award.reportsCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.reports.columns.period")}</th>
                  <th scope="col">{t("dashboards.reports.columns.accepted")}</th>
                  <th scope="col">{t("dashboards.reports.columns.narrative")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.reports.map((r) => (
                  <tr key={r.reportId}>
                    <th scope="row">
                      <PeriodCell report={r} {...i18n} />
                    </th>
                    <td className="nowrap">
                      <time dateTime={r.acceptedAt}>{formatDate(r.acceptedAt, locale)}</time>
                    </td>
                    <td>
                      <Narrative report={r} full {...i18n} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
