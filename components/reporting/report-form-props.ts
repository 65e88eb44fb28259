import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { PeriodReport } from "@/lib/reporting/queries";
import { minorToMajor } from "@/lib/amounts";
import type { ReportFormDeliverable, ReportFormIndicator, ReportFormValues } from "./report-form";

/** The form's values from the saved report (blank for a new one): one row per indicator and per deliverable. */
export function reportFormDefaults(page: PeriodReport): ReportFormValues {
  const report = page.report;
  return {
    narrativeEn: report?.narrativeEn ?? "",
    narrativeEs: report?.narrativeEs ?? "",
    expenditureToDate: report?.expenditureToDateMinor == null ? "" : minorToMajor(report.expenditureToDateMinor),
    actuals: page.indicators.map((i) => {
      const actual = report?.actuals.find((a) => a.awardIndicatorId === i.id);
      return {
        awardIndicatorId: i.id,
        value: actual ? String(Number(actual.value)) : "",
        breakdown: (actual?.breakdown ?? []).map((b) => ({ dimension: b.dimension, label: b.label, value: String(b.value) })),
      };
    }),
    deliverableUpdates: page.deliverables.map((d) => ({
      deliverableId: d.id,
      note: report?.deliverableUpdates.find((u) => u.deliverableId === d.id)?.note ?? "",
    })),
  };
}

/** What the report form shows of the period's page, in the reader's language (everything but the action). */
export function reportFormProps(page: PeriodReport, t: Translate, locale: Locale) {
  const name = (n: { nameEn: string; nameEs: string }) => (locale === "es" ? n.nameEs : n.nameEn);
  const indicators: ReportFormIndicator[] = page.indicators.map((i) => ({
    id: i.id,
    name: name(i),
    unit: i.unit,
    baseline: String(Number(i.baseline)),
    target: String(Number(i.target)),
  }));
  const deliverables: ReportFormDeliverable[] = page.deliverables.map((d) => ({
    id: d.id,
    title: d.title,
    dueText: t("reporting.report.deliverableDue", { date: formatDate(d.dueOn, locale) }),
  }));
  return {
    awardId: page.award.id,
    periodNumber: page.period.number,
    version: page.report?.version ?? null,
    amountText: formatMoney(page.award.amountMinor, page.award.currency, locale),
    indicators,
    deliverables,
    defaultValues: reportFormDefaults(page),
  };
}
