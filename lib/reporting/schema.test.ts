import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/email/render";
import { reportDecisionSchema, reportDraftSchema, saveReportSchema, setAwardIndicatorsSchema, setReportingFrequencySchema, submitIssues } from "./schema";

const ID = "7b0c2f4e-0000-4000-8000-000000000001";
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("reportDraftSchema", () => {
  it("accepts a draft with nothing in it, and drops blank rows", () => {
    const r = reportDraftSchema.parse({
      narrativeEn: " ",
      expenditureToDate: "",
      actuals: [{ awardIndicatorId: ID, value: "", breakdown: [] }],
      deliverableUpdates: [{ deliverableId: ID, note: "  " }],
    });
    expect(r).toEqual({ narrativeEn: undefined, narrativeEs: undefined, expenditureToDate: undefined, actuals: [], deliverableUpdates: [] });
    expect(submitIssues(r).map((i) => i.key)).toEqual(["reporting.errors.narrativeRequired", "reporting.errors.expenditureRequired"]);
  });

  it("reads numbers with thousands separators and numbers typed as numbers", () => {
    const r = reportDraftSchema.parse({ expenditureToDate: "1,250.5", actuals: [{ awardIndicatorId: ID.toUpperCase(), value: 12 }] });
    expect(r.expenditureToDate).toBe("1250.5");
    expect(r.actuals[0]).toEqual({ awardIndicatorId: ID, value: "12", breakdown: [], row: 0 });
  });

  it("refuses negative, non-numeric and over-precise values with their own messages", () => {
    const r = reportDraftSchema.safeParse({
      expenditureToDate: "-3",
      actuals: [
        { awardIndicatorId: ID, value: "-1" },
        { awardIndicatorId: "7b0c2f4e-0000-4000-8000-000000000002", value: "abc" },
        { awardIndicatorId: "7b0c2f4e-0000-4000-8000-000000000003", value: "1.234" },
        { awardIndicatorId: "7b0c2f4e-0000-4000-8000-000000000004", value: "NaN" },
      ],
    });
    expect(messages(r)).toEqual({
      expenditureToDate: "reporting.errors.expenditureNegative",
      "actuals.0.value": "reporting.errors.valueNegative",
      "actuals.1.value": "reporting.errors.valueNotNumber",
      "actuals.2.value": "reporting.errors.valueNotNumber",
      "actuals.3.value": "reporting.errors.valueNotNumber",
    });
  });

  it("a breakdown adds up to its value exactly, in hundredths", () => {
    const row = (values: string[], value: string) => ({
      actuals: [{ awardIndicatorId: ID, value, breakdown: values.map((v, i) => ({ dimension: "weapon_type", label: `T${i}`, value: v })) }],
    });
    expect(reportDraftSchema.safeParse(row(["0.1", "0.2"], "0.3")).success).toBe(true);
    expect(messages(reportDraftSchema.safeParse(row(["0.1", "0.2"], "0.31")))).toEqual({ "actuals.0.breakdown": "reporting.errors.breakdownSum" });
    expect(messages(reportDraftSchema.safeParse({ actuals: [{ awardIndicatorId: ID, value: "1", breakdown: [{ dimension: "sex", label: "", value: "1" }] }] }))).toEqual({
      "actuals.0.breakdown.0.label": "reporting.errors.breakdownLabelRequired",
    });
  });

  it("keeps the form's row numbers in messages and results when blank rows come first", () => {
    const blankFirst = { actuals: [{ awardIndicatorId: ID, value: "" }, { awardIndicatorId: "7b0c2f4e-0000-4000-8000-000000000002", value: "-1" }] };
    expect(messages(reportDraftSchema.safeParse(blankFirst))).toEqual({ "actuals.1.value": "reporting.errors.valueNegative" });
    const ok = reportDraftSchema.parse({ actuals: [{ awardIndicatorId: ID, value: "" }, { awardIndicatorId: "7b0c2f4e-0000-4000-8000-000000000002", value: "4" }] });
    expect(ok.actuals).toEqual([{ awardIndicatorId: "7b0c2f4e-0000-4000-8000-000000000002", value: "4", breakdown: [], row: 1 }]);
    // A breakdown without its value is not a blank row.
    expect(messages(reportDraftSchema.safeParse({ actuals: [{ awardIndicatorId: ID, value: "", breakdown: [{ dimension: "sex", label: "F", value: "1" }] }] }))).toEqual({
      "actuals.0.value": "reporting.errors.valueRequired",
    });
  });

  it("refuses the same indicator twice", () => {
    const r = reportDraftSchema.safeParse({ actuals: [{ awardIndicatorId: ID, value: "1" }, { awardIndicatorId: ID, value: "2" }] });
    expect(messages(r)).toEqual({ "actuals.1.awardIndicatorId": "reporting.errors.duplicateIndicator" });
  });
});

describe("saveReportSchema", () => {
  const save = (fields: Record<string, unknown>) => ({ periodNumber: 2, submit: true, ...fields });

  it("submitting needs a narrative and the expenditure; a draft does not", () => {
    expect(messages(saveReportSchema.safeParse(save({ narrativeEs: " " })))).toEqual({
      narrativeEn: "reporting.errors.narrativeRequired",
      expenditureToDate: "reporting.errors.expenditureRequired",
    });
    expect(saveReportSchema.parse(save({ submit: false, narrativeEs: " " }))).toMatchObject({ submit: false, narrativeEs: undefined, actuals: [] });
  });

  it("names what is missing for submitting only once the content itself is valid", () => {
    const r = saveReportSchema.safeParse(save({ actuals: [{ awardIndicatorId: ID, value: "-1" }] }));
    expect(messages(r)).toEqual({ "actuals.0.value": "reporting.errors.valueNegative" });
  });

  it("takes no version for a new report, and refuses one that is not a version", () => {
    const ok = saveReportSchema.parse(save({ narrativeEn: "Done.", expenditureToDate: "10", expectedVersion: null, actuals: [{ awardIndicatorId: ID, value: "" }] }));
    expect(ok).toMatchObject({ periodNumber: 2, submit: true, expectedVersion: undefined, actuals: [] });
    expect(messages(saveReportSchema.safeParse(save({ submit: false, expectedVersion: 1.5 })))).toEqual({ expectedVersion: "reporting.errors.version" });
    expect(messages(saveReportSchema.safeParse(save({ submit: false, periodNumber: "2" })))).toEqual({ periodNumber: "reporting.errors.periodNotFound" });
  });
});

describe("setReportingFrequencySchema", () => {
  it("takes the frequency the page showed beside the new one", () => {
    expect(setReportingFrequencySchema.parse({ frequencyMonths: "6", expectedFrequencyMonths: 3 })).toEqual({ frequencyMonths: 6, expectedFrequencyMonths: 3 });
    expect(messages(setReportingFrequencySchema.safeParse({ frequencyMonths: "6", expectedFrequencyMonths: "3" }))).toEqual({ expectedFrequencyMonths: "reporting.errors.version" });
  });
});

describe("reportDecisionSchema", () => {
  it("needs a comment of 10 characters to return, none to accept", () => {
    expect(reportDecisionSchema.safeParse({ decision: "accept", expectedVersion: 2 }).success).toBe(true);
    expect(messages(reportDecisionSchema.safeParse({ decision: "return", comment: "short", expectedVersion: 2 }))).toEqual({ comment: "reporting.errors.commentRequired" });
    expect(messages(reportDecisionSchema.safeParse({ decision: "return", comment: "x".repeat(5001), expectedVersion: 2 })).comment).toBe("reporting.errors.commentTooLong");
  });
});

describe("setAwardIndicatorsSchema", () => {
  it("defaults the baseline to 0 and refuses duplicates", () => {
    expect(setAwardIndicatorsSchema.parse([{ indicatorId: ID, baseline: "", target: "10" }])).toEqual([{ indicatorId: ID, baseline: "0", target: "10" }]);
    expect(messages(setAwardIndicatorsSchema.safeParse([{ indicatorId: ID, target: "1" }, { indicatorId: ID, target: "2" }]))).toEqual({
      "1.indicatorId": "reporting.errors.duplicateIndicator",
    });
  });
});

describe("report mails", () => {
  const url = "http://portal.test/awards/x/reports/2";
  it("report-submitted is written in the officer's language", async () => {
    const payload = { reference: "AW-2026-0001", periodNumber: 2, isFinal: false, countryName: { en: "Guatemala", es: "Guatemala" }, url };
    expect((await renderMail("report-submitted", "en", payload)).subject).toBe("Progress report 2 on award AW-2026-0001 submitted");
    expect((await renderMail("report-submitted", "es", { ...payload, isFinal: true })).subject).toBe("Informe final (período 2) de la subvención AW-2026-0001 presentado");
  });
  it("report-returned carries the comment as text", async () => {
    const mail = await renderMail("report-returned", "es", { reference: "AW-2026-0001", periodNumber: 2, comment: "Corrija <b>el gasto</b>.\nGracias.", url });
    expect(mail.text).toContain("Corrija <b>el gasto</b>.\nGracias.");
    expect(mail.html).toContain("&lt;b&gt;el gasto&lt;/b&gt;");
  });
});
