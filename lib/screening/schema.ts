import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import "@/lib/forms/zod";
import { isChecklistComplete } from "./checks";
import { SCREENING_OUTCOMES, SCREENING_LIMITS } from "./limits";

export { SCREENING_OUTCOMES, SCREENING_LIMITS, type ScreeningOutcome } from "./limits";

// Messages are i18n keys (lib/i18n/messages/officer.ts); one schema serves the form and the server.

/** "" or whitespace from an input means "not given"; text is kept trimmed. */
export const trimToUndefined = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v === null ? undefined : v);

/**
 * The request version the form was rendered with: a number, or the digits a hidden input sends. Not any
 * value JavaScript turns into a number: true, [3] and "" are no version.
 */
export const expectedVersionSchema = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d{1,10}\s*$/.test(v) ? Number(v) : v),
  z
    .number("requests.errors.conflict")
    .int("requests.errors.conflict")
    .min(1, "requests.errors.conflict")
    .max(2_147_483_647, "requests.errors.conflict"),
);

const tick = z.boolean("officer.errors.checklistValue").default(false);

/** The manual checklist: the four known items, nothing else (an unknown item is refused). */
export const checklistSchema = z.strictObject(
  { narrativeClear: tick, costReasonable: tick, noProhibitedData: tick, nationalOwnership: tick },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "officer.errors.checklistUnknown" : "officer.errors.checklistValue") },
);

export const startScreeningSchema = z.strictObject({ expectedVersion: expectedVersionSchema });
export type StartScreeningInput = z.input<typeof startScreeningSchema>;

/**
 * The outcome of a screening. Sending to review needs a program that funds the request's country and
 * category (checked against the database by the mutation) and every checklist item ticked; requesting
 * changes and rejecting need a message to the state (10 to 5,000 characters).
 */
export const completeScreeningSchema = z
  .strictObject({
    programId: z.preprocess(trimToUndefined, z.uuid("officer.errors.programNotEligible").optional()),
    checklist: z.preprocess((v) => (v === undefined || v === null ? {} : v), checklistSchema),
    outcome: z.enum(SCREENING_OUTCOMES, "officer.errors.chooseOutcome"),
    message: z.preprocess(trimToUndefined, safeText("officer.errors.messageRequired").max(SCREENING_LIMITS.messageMax, "officer.errors.messageTooLong").optional()),
    expectedVersion: expectedVersionSchema,
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "send_to_review") {
      if (!value.programId) ctx.addIssue({ code: "custom", path: ["programId"], message: "officer.errors.programRequired" });
      if (!isChecklistComplete(value.checklist)) ctx.addIssue({ code: "custom", path: ["checklist"], message: "officer.errors.checklistIncomplete" });
    } else if (!value.message) {
      ctx.addIssue({ code: "custom", path: ["message"], message: "officer.errors.messageRequired" });
    }
    if (value.message !== undefined && value.message.length < SCREENING_LIMITS.messageMin) {
      ctx.addIssue({ code: "custom", path: ["message"], message: "officer.errors.messageTooShort" });
    }
  });
export type CompleteScreeningFormInput = z.input<typeof completeScreeningSchema>;
export type CompleteScreeningInput = z.output<typeof completeScreeningSchema>;
