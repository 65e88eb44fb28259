import type { Locale } from "@/lib/i18n/config";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { PeriodReport } from "@/lib/reporting/queries";
import { unitLabel } from "@/lib/reporting/units";

interface ReportViewProps {
  /** The period's report as getPeriodReport gave it to the page. */
  report: NonNullable<PeriodReport["report"]>;
  /** The award's tracked indicators and its deliverables (each shown, reported or not). */
  indicators: PeriodReport["indicators"];
  deliverables: PeriodReport["deliverables"];
  currency: string;
  t: Translate;
  locale: Locale;
}

/** A report as read (accepted, submitted, or seen by someone who may not edit it): narratives, money, actuals, notes. */
export function ReportView({ report, indicators, deliverables, currency, t, locale }: ReportViewProps) {
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const quantity = (s: string | number) => formatNumber(Number(s), locale, { maximumFractionDigits: 2 });
  const actualOf = new Map(report.actuals.map((a) => [a.awardIndicatorId, a]));
  const noteOf = new Map(report.deliverableUpdates.map((d) => [d.deliverableId, d.note]));
  return (
    <div className="stack" data-testid="report-view">
      <section className="card stack">
        <h2>{t("reporting.report.narrativeHeading")}</h2>
        {report.narrativeEn ? (
          <div lang="en">
            <h3>{t("reporting.report.narrativeEn")}</h3>
            <p className="text-pre-wrap">{report.narrativeEn}</p>
          </div>
        ) : null}
        {report.narrativeEs ? (
          <div lang="es">
            <h3>{t("reporting.report.narrativeEs")}</h3>
            <p className="text-pre-wrap">{report.narrativeEs}</p>
          </div>
        ) : null}
        <p>
          <strong>{t("reporting.report.expenditure")}:</strong>{" "}
          {report.expenditureToDateMinor === null ? "—" : formatMoney(report.expenditureToDateMinor, currency, locale)}
        </p>
      </section>
      <section className="card stack">
        <h2>{t("reporting.report.actualsHeading")}</h2>
        {indicators.length === 0 ? <p className="muted">{t("reporting.report.actualsEmpty")}</p> : null}
        <ul>
          {indicators.map((i) => {
            const actual = actualOf.get(i.id);
            return (
              <li key={i.id}>
                <strong>{name(i)}</strong> ({unitLabel(i.unit, t)}): {actual ? quantity(actual.value) : t("reporting.report.notReported")}
                {actual && actual.breakdown.length > 0 ? (
                  <ul>
                    {actual.breakdown.map((b, j) => (
                      <li key={j}>
                        {t(`reporting.dimension.${b.dimension as "agency" | "weapon_type" | "sex" | "other"}`)} — {b.label}: {quantity(b.value)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card stack">
        <h2>{t("reporting.report.deliverablesHeading")}</h2>
        {deliverables.length === 0 ? <p className="muted">{t("reporting.report.deliverablesEmpty")}</p> : null}
        <ul>
          {deliverables.map((d) => (
            <li key={d.id}>
              <strong>{d.title}</strong>: {noteOf.get(d.id) ?? "—"}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
