// Shared by the deliverable forms (browser) and the server. Issue messages are message keys.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { AWARD_LIMITS } from "@/lib/awards/schema";
import { dateField } from "@/lib/dates";
import "@/lib/forms/zod";

export const DELIVERABLE_LIMITS = {
  titleMin: AWARD_LIMITS.deliverableTitleMin,
  titleMax: AWARD_LIMITS.deliverableTitleMax,
  commentMin: 3,
  commentMax: 2000,
} as const;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

const version = z
  .number("delivery.errors.version")
  .int("delivery.errors.version")
  .min(1, "delivery.errors.version")
  .max(2_147_483_647, "delivery.errors.version");

/** A new deliverable: a title and a due date within the award period (checked by the mutation). */
export const addDeliverableSchema = z.strictObject({
  title: z.preprocess(
    trimmed,
    safeText("delivery.errors.titleShort")
      .min(DELIVERABLE_LIMITS.titleMin, "delivery.errors.titleShort")
      .max(DELIVERABLE_LIMITS.titleMax, "delivery.errors.titleLong"),
  ),
  dueOn: dateField,
});
export type AddDeliverableInput = z.output<typeof addDeliverableSchema>;

export const submitDeliverableSchema = z.strictObject({ expectedVersion: version });

/** The office's decision: accept, or return with a comment saying what is missing. */
export const deliverableDecisionSchema = z
  .strictObject({
    decision: z.enum(["accept", "return"], "delivery.errors.decision"),
    comment: z.preprocess(trimmed, safeText().max(DELIVERABLE_LIMITS.commentMax, "delivery.errors.commentLong").default("")),
    expectedVersion: version,
  })
  .superRefine((value, ctx) => {
    if (value.decision === "return" && value.comment.length < DELIVERABLE_LIMITS.commentMin) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "delivery.errors.returnComment" });
    }
  });
export type DeliverableDecisionInput = z.output<typeof deliverableDecisionSchema>;
