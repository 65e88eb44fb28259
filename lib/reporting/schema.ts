// Shared by the reporting forms (react-hook-form, in the browser) and the server (actions and mutations).
// Issue messages are message keys (lib/i18n/messages/reporting.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import "@/lib/forms/zod";
import { FREQUENCIES } from "./calendar";
import { UUID_PATTERN } from "@/lib/ids";
import { REPORTING_LIMITS, BREAKDOWN_DIMENSIONS, toHundredths } from "./limits";

export { REPORTING_LIMITS, BREAKDOWN_DIMENSIONS, toHundredths, type BreakdownDimension } from "./limits";

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToUndefined = (v: unknown) => {
  const s = trimmed(v);
  return s === "" || s === null ? undefined : s;
};
const numberToString = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v);


const uuid = (key: string) => z.preprocess(trimmed, safeText(key).regex(UUID_PATTERN, key).transform((s) => s.toLowerCase()));

/**
 * A quantity as typed ("1200", "3.5", "1,200"): a number, not negative, at most two decimals. A minus sign
 * gets its own message so "-5" does not read as a typing mistake.
 */
export const quantityField = z.preprocess(
  (v) => {
    const s = numberToString(v);
    return typeof s === "string" ? s.trim().replace(/,/g, "") : s;
  },
  safeText("reporting.errors.valueNotNumber").superRefine((s, ctx) => {
    if (s === "") ctx.addIssue({ code: "custom", message: "reporting.errors.valueRequired" });
    else if (/^-\s*\d/.test(s)) ctx.addIssue({ code: "custom", message: "reporting.errors.valueNegative" });
    else if (!DECIMAL.test(s)) ctx.addIssue({ code: "custom", message: "reporting.errors.valueNotNumber" });
  }),
);

/** Expenditure to date in US dollars, not negative; blank while a draft. */
export const expenditureField = z.preprocess(
  (v) => {
    const s = numberToString(v);
    return typeof s === "string" ? (s.trim().replace(/,/g, "") === "" ? undefined : s.trim().replace(/,/g, "")) : s;
  },
  safeText("reporting.errors.expenditureFormat")
    .superRefine((s, ctx) => {
      if (/^-\s*\d/.test(s)) ctx.addIssue({ code: "custom", message: "reporting.errors.expenditureNegative" });
      else if (!MONEY.test(s)) ctx.addIssue({ code: "custom", message: "reporting.errors.expenditureFormat" });
    })
    .optional(),
);

const narrative = z.preprocess(
  blankToUndefined,
  safeText("reporting.errors.narrativeTooLong").max(REPORTING_LIMITS.narrativeMax, "reporting.errors.narrativeTooLong").optional(),
);

export const breakdownRowSchema = z.strictObject({
  dimension: z.enum(BREAKDOWN_DIMENSIONS, "reporting.errors.breakdownDimension"),
  label: z.preprocess(
    trimmed,
    safeText("reporting.errors.breakdownLabelRequired")
      .min(1, "reporting.errors.breakdownLabelRequired")
      .max(REPORTING_LIMITS.breakdownLabelMax, "reporting.errors.breakdownLabelTooLong"),
  ),
  value: quantityField,
});

/** A quantity that may be left blank (an indicator not measured this period). */
const optionalQuantity = z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v), quantityField.optional());

export const actualSchema = z
  .strictObject({
    awardIndicatorId: uuid("reporting.errors.indicatorNotTracked"),
    value: optionalQuantity,
    breakdown: z.array(breakdownRowSchema).max(REPORTING_LIMITS.breakdownRowsMax, "reporting.errors.breakdownTooMany").default([]),
  })
  .superRefine((actual, ctx) => {
    if (actual.value === undefined) {
      if (actual.breakdown.length > 0) ctx.addIssue({ code: "custom", path: ["value"], message: "reporting.errors.valueRequired" });
      return;
    }
    if (actual.breakdown.length === 0 || !DECIMAL.test(actual.value)) return;
    if (!actual.breakdown.every((row) => DECIMAL.test(row.value))) return;
    const sum = actual.breakdown.reduce((total, row) => total + toHundredths(row.value), 0);
    if (sum !== toHundredths(actual.value)) ctx.addIssue({ code: "custom", path: ["breakdown"], message: "reporting.errors.breakdownSum" });
  });

export const deliverableUpdateSchema = z.strictObject({
  deliverableId: uuid("reporting.errors.deliverableNotOfAward"),
  // Blank: no update on this deliverable in this report.
  note: z.preprocess(
    blankToUndefined,
    safeText("reporting.errors.noteRequired")
      .min(REPORTING_LIMITS.deliverableNoteMin, "reporting.errors.noteRequired")
      .max(REPORTING_LIMITS.deliverableNoteMax, "reporting.errors.noteTooLong")
      .optional(),
  ),
});

/**
 * A report's content, as a draft: narratives (English and/or Spanish), expenditure to date (US dollars),
 * indicator actuals (optionally broken down; a breakdown adds up to its value) and deliverable notes.
 * Rows the form leaves blank (no value, no note) are not part of the report. What depends on the
 * database (the award's indicators, deliverables and amount) is checked by the mutation.
 */
export const reportDraftShape = {
  narrativeEn: narrative,
  narrativeEs: narrative,
  expenditureToDate: expenditureField,
  // Error paths keep the form's row numbers: blank rows are dropped only after validation.
  actuals: z.array(actualSchema).max(REPORTING_LIMITS.actualsMax, "reporting.errors.tooManyActuals").default([]),
  deliverableUpdates: z.array(deliverableUpdateSchema).max(REPORTING_LIMITS.actualsMax, "reporting.errors.tooManyActuals").default([]),
};

type ReportDraftFields = z.output<z.ZodObject<typeof reportDraftShape>>;
type Actual = ReportDraftFields["actuals"][number];
type DeliverableUpdate = ReportDraftFields["deliverableUpdates"][number];
interface ReportRows {
  actuals: (Actual & { value: string; row: number })[];
  deliverableUpdates: (DeliverableUpdate & { note: string; row: number })[];
}

/** Each indicator and each deliverable once per report (rows left blank do not count). */
export function refineReportDraft(value: ReportDraftFields, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  value.actuals.forEach((a, i) => {
    if (a.value === undefined) return;
    if (seen.has(a.awardIndicatorId)) ctx.addIssue({ code: "custom", path: ["actuals", i, "awardIndicatorId"], message: "reporting.errors.duplicateIndicator" });
    seen.add(a.awardIndicatorId);
  });
  const notes = new Set<string>();
  value.deliverableUpdates.forEach((d, i) => {
    if (d.note === undefined) return;
    if (notes.has(d.deliverableId)) ctx.addIssue({ code: "custom", path: ["deliverableUpdates", i, "deliverableId"], message: "reporting.errors.duplicateDeliverable" });
    notes.add(d.deliverableId);
  });
}

/**
 * Rows left blank are indicators not measured and deliverables without news this period; `row` is the
 * form's row number, for messages about what only the server can check.
 */
export function dropBlankRows<T extends ReportDraftFields>(value: T): Omit<T, "actuals" | "deliverableUpdates"> & ReportRows {
  return {
    ...(value as Omit<T, "actuals" | "deliverableUpdates">),
    actuals: value.actuals.flatMap((a, row) => (a.value === undefined ? [] : [{ ...a, value: a.value, row }])),
    deliverableUpdates: value.deliverableUpdates.flatMap((d, row) => (d.note === undefined ? [] : [{ ...d, note: d.note, row }])),
  };
}

export const reportDraftSchema = z.strictObject(reportDraftShape).superRefine(refineReportDraft).transform(dropBlankRows);
export type ReportDraftInput = z.output<typeof reportDraftSchema>;

/** What submitting adds to a draft: a narrative in at least one language and the expenditure to date. */
export function submitIssues(value: Pick<ReportDraftFields, "narrativeEn" | "narrativeEs" | "expenditureToDate">): { path: string; key: string }[] {
  const issues: { path: string; key: string }[] = [];
  if (!value.narrativeEn && !value.narrativeEs) issues.push({ path: "narrativeEn", key: "reporting.errors.narrativeRequired" });
  if (value.expenditureToDate === undefined) issues.push({ path: "expenditureToDate", key: "reporting.errors.expenditureRequired" });
  return issues;
}

/** A record's version as the form read it (the conditional UPDATE compares it). */
const expectedVersion = z
  .number("reporting.errors.version")
  .int("reporting.errors.version")
  .min(1, "reporting.errors.version")
  .max(2_147_483_647, "reporting.errors.version");

/**
 * Saving a period's report: its content, the period's number (from the page's URL), whether it is
 * submitted, and the report's version the form was opened with (none for a new report). Submitting
 * also needs what submitIssues names, checked once the content itself is valid.
 */
export const saveReportSchema = z
  .strictObject({
    ...reportDraftShape,
    periodNumber: z.number("reporting.errors.periodNotFound"),
    submit: z.boolean(),
    expectedVersion: expectedVersion.nullish().transform((v) => v ?? undefined),
  })
  .superRefine(refineReportDraft)
  .transform((value, ctx) => {
    const issues = value.submit ? submitIssues(value) : [];
    for (const issue of issues) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.key });
    return issues.length > 0 ? z.NEVER : dropBlankRows(value);
  });

/** An officer's decision on a submitted report: accept it, or return it with a comment. */
export const reportDecisionShape = {
  decision: z.enum(["accept", "return"], "reporting.errors.decisionRequired"),
  comment: z.preprocess(blankToUndefined, safeText("reporting.errors.commentTooLong").max(REPORTING_LIMITS.returnCommentMax, "reporting.errors.commentTooLong").optional()),
  expectedVersion,
};

/** Returning a report needs a comment the submitter can act on. */
export function refineReportDecision(value: { decision: "accept" | "return"; comment?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.decision === "return" && (value.comment ?? "").length < REPORTING_LIMITS.returnCommentMin) {
    ctx.addIssue({ code: "custom", path: ["comment"], message: "reporting.errors.commentRequired" });
  }
}

export const reportDecisionSchema = z.strictObject(reportDecisionShape).superRefine(refineReportDecision);
export type ReportDecisionInput = z.output<typeof reportDecisionSchema>;

export const awardIndicatorRowSchema = z.strictObject({
  indicatorId: uuid("reporting.errors.indicatorUnknown"),
  baseline: z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "0" : v), quantityField),
  target: quantityField,
});

/** The indicators an award tracks, each once, with baseline and target. */
export const setAwardIndicatorsSchema = z
  .array(awardIndicatorRowSchema, "reporting.errors.invalidIndicators")
  .max(REPORTING_LIMITS.indicatorsMax, "reporting.errors.tooManyIndicators")
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.indicatorId)) ctx.addIssue({ code: "custom", path: [i, "indicatorId"], message: "reporting.errors.duplicateIndicator" });
      seen.add(row.indicatorId);
    });
  });
export type SetAwardIndicatorsInput = z.output<typeof setAwardIndicatorsSchema>;

/** The indicators form wraps the list in an object (react-hook-form needs one at the root). */
export const indicatorsFormSchema = z.strictObject({ indicators: setAwardIndicatorsSchema });
export type IndicatorsFormValues = z.input<typeof indicatorsFormSchema>;

/** An award's reporting frequency in months, from the calendar's choices (select values arrive as text). */
export const reportingFrequencySchema = z.strictObject({
  frequencyMonths: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number("reporting.errors.frequencyInvalid")
      .int("reporting.errors.frequencyInvalid")
      .refine((n) => (FREQUENCIES as readonly number[]).includes(n), "reporting.errors.frequencyInvalid"),
  ),
});
export type ReportingFrequencyInput = z.output<typeof reportingFrequencySchema>;
export type ReportingFrequencyValues = z.input<typeof reportingFrequencySchema>;

/** Changing the frequency, on the frequency the page showed (the conditional change compares it). */
export const setReportingFrequencySchema = reportingFrequencySchema.extend({
  expectedFrequencyMonths: z.number("reporting.errors.version").int("reporting.errors.version"),
});
