import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { catalogs } from "@/lib/i18n/messages";
import { IndicatorsEditor } from "./indicators-editor";
import { ReportDecisionForm } from "./report-decision-form";
import { ReportForm } from "./report-form";
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
});
