import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import type { AwardReporting } from "@/lib/reporting/queries";
import { IndicatorsEditor } from "./indicators-editor";
import { ReportDecisionForm } from "./report-decision-form";
import { ReportForm } from "./report-form";
import { ReportingSection } from "./reporting-section";
import { ReportView } from "./report-view";
import { periodStatusBadgeClass } from "./reporting-labels";

/** The forms only render here: an action that is never called. */
const noAction = async () => ({ ok: true as const, data: undefined });

const IND = "7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
const DEL = "8f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

function renderReportForm(locale: "en" | "es") {
  return text(
    <I18nProvider locale={locale} messages={catalogs[locale]}>
      <ReportForm
        awardId="6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f"
        periodNumber={2}
        version={null}
        amountText="$100,000.00"
        indicators={[{ id: IND, name: "Firearms marked", unit: "count", baseline: "0", target: "1000" }]}
        deliverables={[{ id: DEL, title: "Machines installed", dueText: "Due 1 March 2027" }]}
        action={noAction}
        defaultValues={{
          narrativeEn: "",
          narrativeEs: "",
          expenditureToDate: "",
          actuals: [{ awardIndicatorId: IND, value: "120", breakdown: [{ dimension: "agency", label: "PNC", value: "100" }, { dimension: "agency", label: "DIGECAM", value: "20" }] }],
          deliverableUpdates: [{ deliverableId: DEL, note: "" }],
        }}
      />
    </I18nProvider>,
  );
}

/** The rendered HTML without React's text separators, as a reader sees the text. */
function text(element: Parameters<typeof renderToString>[0]): string {
  return renderToString(element).replace(/<!-- -->/g, "");
}

describe("report forms", () => {
  it("the report form renders in both languages with the breakdown's running total", () => {
    const en = renderReportForm("en");
    expect(en).toContain("Narrative (English)");
    expect(en).toContain("Expenditure to date (USD)");
    expect(en).toContain("at most the award amount ($100,000.00)");
    expect(en).toContain("Firearms marked — Value (count)");
    expect(en).toContain("Breakdown total: 120");
    expect(en).toContain("Update on “Machines installed”");
    expect(en).toContain("Submit report");
    expect(en).not.toContain('data-hydrated="true"');
    const es = renderReportForm("es");
    expect(es).toContain("Narrativa (español)");
    expect(es).toContain("Guardar borrador");
    expect(es).toContain("Institución");
    expect(es).toContain("(cantidad)"); // the indicator's unit in Spanish, not the library's key
    expect(es).not.toContain("(count)");
  });

  it("the decision form and the indicators editor render in both languages", () => {
    for (const locale of ["en", "es"] as const) {
      const html = text(
        <I18nProvider locale={locale} messages={catalogs[locale]}>
          <ReportDecisionForm reportId={IND} version={3} action={noAction} />
          <IndicatorsEditor awardId={DEL} library={[{ id: IND, name: "Firearms marked", unit: "count" }]} defaultValues={{ indicators: [{ indicatorId: IND, baseline: "0", target: "10" }] }} action={noAction} />
        </I18nProvider>,
      );
      expect(html).toContain(catalogs[locale].reporting.report.accept);
      expect(html).toContain(catalogs[locale].reporting.report.return);
      expect(html).toContain(catalogs[locale].reporting.indicators.save);
      expect(html).toContain("Firearms marked (count)");
    }
  });

  it("overdue and returned periods are flagged red, accepted green", () => {
    expect(periodStatusBadgeClass("overdue")).toContain("badge-danger");
    expect(periodStatusBadgeClass("returned")).toContain("badge-danger");
    expect(periodStatusBadgeClass("accepted")).toContain("badge-success");
    expect(periodStatusBadgeClass("open")).toBe("badge");
  });

  it("the reporting section shows what the page loaded: submitters get the link to fill a started period, donors a note and no editor", () => {
    const reporting = sectionData({ canSubmit: true, canEditIndicators: false, seesUnacceptedReports: true });
    const submitter = text(<ReportingSection reporting={reporting} library={[]} setIndicatorsAction={noAction} setFrequencyAction={noAction} t={createTranslator("en")} locale="en" />);
    expect(submitter).toContain(`href="/awards/${DEL}/reports/1"`);
    expect(submitter).toContain("Fill report for period 1");
    expect(submitter).toContain("$2,500.00"); // reported expenditure
    expect(submitter).toContain("12 %");
    expect(submitter).not.toContain(catalogs.en.reporting.section.donorNote);
    expect(submitter).not.toContain('data-testid="indicators-editor"');

    const donor = text(
      <ReportingSection
        reporting={sectionData({ canSubmit: false, canEditIndicators: false, seesUnacceptedReports: false })}
        library={[]}
        setIndicatorsAction={noAction}
        setFrequencyAction={noAction}
        t={createTranslator("es")}
        locale="es"
      />,
    );
    expect(donor).toContain(catalogs.es.reporting.section.donorNote);
    expect(donor).not.toContain("/reports/1");

    const officer = text(
      <I18nProvider locale="en" messages={catalogs.en}>
        <ReportingSection
          reporting={sectionData({ canSubmit: false, canEditIndicators: true, seesUnacceptedReports: true })}
          library={[{ id: IND, nameEn: "Firearms marked", nameEs: "Armas marcadas", unit: "count" }]}
          setIndicatorsAction={noAction}
          setFrequencyAction={noAction}
          t={createTranslator("en")}
          locale="en"
        />
      </I18nProvider>,
    );
    expect(officer).toContain('data-testid="indicators-editor"');
    expect(officer).toContain('data-testid="frequency-form"');
  });

  it("the report view shows the report it is given, with indicators not reported said so", () => {
    const html = text(
      <ReportView
        report={{ narrativeEn: "Marked 120 firearms.", narrativeEs: null, expenditureToDateMinor: 250_050, actuals: [], deliverableUpdates: [{ deliverableId: DEL, note: "Installed." }] } as never}
        indicators={[{ id: IND, indicatorId: IND, key: "marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas marcadas", baseline: "0", target: "1000" }]}
        deliverables={[{ id: DEL, title: "Machines installed" }] as never}
        currency="USD"
        t={createTranslator("en")}
        locale="en"
      />,
    );
    expect(html).toContain("Marked 120 firearms.");
    expect(html).toContain("$2,500.50");
    expect(html).toContain(catalogs.en.reporting.report.notReported);
    expect(html).toContain("Installed.");
  });
});

/** An award's reporting as getAwardReporting returns it: one started period without a report, one indicator. */
function sectionData(flags: Pick<AwardReporting, "canSubmit" | "canEditIndicators" | "seesUnacceptedReports">): AwardReporting {
  return {
    award: { id: DEL, reference: "AW-2026-0001", status: "active", currency: "USD", startsOn: "2026-01-01", endsOn: "2026-12-31", reportingFrequencyMonths: 3 },
    frequency: flags.canEditIndicators ? { isLocked: false } : null,
    periods: [
      { id: "p1", number: 1, startsOn: "2026-01-01", endsOn: "2026-03-31", dueOn: "2026-04-30", isFinal: false, status: "open", isOverdue: false, hasStarted: true, report: null },
    ],
    indicators: [{ id: IND, indicatorId: IND, key: "marked", unit: "count", nameEn: "Firearms marked", nameEs: "Armas marcadas", baseline: "0", target: "1000", actual: "120.00", percent: 12 }],
    money: { committedMinor: 10_000_000, disbursedMinor: 0, reportedExpenditureMinor: 250_000 },
    canReview: false,
    ...flags,
  } as AwardReporting;
}
