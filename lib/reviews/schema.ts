// Shared by the review forms (react-hook-form, in the browser) and the server actions and mutations.
// Issue messages are message keys (lib/i18n/messages/reviews.ts), translated where they are shown.
import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import { RECOMMENDATIONS } from "@/lib/enums";
import "@/lib/forms/zod";
import { SCORE_MAX, SCORE_MIN } from "./scoring";
import { UUID_PATTERN } from "@/lib/ids";
import { REVIEW_LIMITS } from "./limits";

export { REVIEW_LIMITS } from "./limits";

export { RECOMMENDATIONS };
export type Recommendation = (typeof RECOMMENDATIONS)[number];

const uuidField = (message: string) =>
  safeText(message)
    .trim()
    .regex(UUID_PATTERN, message)
    .transform((v) => v.toLowerCase());

/** Empty form inputs ("" or whitespace) mean "not given". */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

// User ids are text (Auth.js); the portal generates UUIDs, but any non-empty bounded id is accepted here
// and checked against the database by the mutation.
const reviewerIdField = safeText("reviews.errors.reviewerInvalid")
  .trim()
  .min(1, "reviews.errors.reviewerInvalid")
  .max(200, "reviews.errors.reviewerInvalid");

export const assignReviewersSchema = z.strictObject({
  // Duplicates are harmless (one assignment per reviewer), so they are folded rather than refused.
  reviewerIds: z
    .array(reviewerIdField, "reviews.errors.reviewersRequired")
    .min(1, "reviews.errors.reviewersRequired")
    .max(REVIEW_LIMITS.reviewersMax, "reviews.errors.tooManyReviewers")
    .transform((ids) => [...new Set(ids)]),
  programId: z.preprocess(blankToUndefined, uuidField("reviews.errors.programRequired")),
  proposedPartnerId: z.preprocess(blankToUndefined, uuidField("reviews.errors.partnerInvalid").optional()),
});

// Radio buttons post "true"/"false": both those and real booleans are accepted.
const yesNo = z.preprocess(
  (v) => (v === "true" ? true : v === "false" ? false : blankToUndefined(v)),
  z.boolean("reviews.errors.conflictChoice"),
);

export const declareConflictSchema = z
  .strictObject({
    hasConflict: yesNo,
    reason: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : blankToUndefined(v)),
      safeText("reviews.errors.reasonRequired").optional(),
    ),
  })
  .superRefine((value, ctx) => {
    if (!value.hasConflict) return;
    const reason = value.reason ?? "";
    if (reason.length === 0) ctx.addIssue({ code: "custom", path: ["reason"], message: "reviews.errors.reasonRequired" });
    else if (reason.length < REVIEW_LIMITS.reasonMin) ctx.addIssue({ code: "custom", path: ["reason"], message: "reviews.errors.reasonTooShort" });
    else if (reason.length > REVIEW_LIMITS.reasonMax) ctx.addIssue({ code: "custom", path: ["reason"], message: "reviews.errors.reasonTooLong" });
  })
  // A reason given with "no conflict" is not kept: there is nothing it would explain.
  .transform((value) => ({ hasConflict: value.hasConflict, reason: value.hasConflict ? (value.reason ?? "") : null }));

const scoreField = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    return typeof b === "string" ? Number(b.trim()) : b;
  },
  z
    .number("reviews.errors.scoreRequired")
    .int("reviews.errors.scoreWhole")
    .min(SCORE_MIN, "reviews.errors.scoreRange")
    .max(SCORE_MAX, "reviews.errors.scoreRange"),
);

export const criterionScoreSchema = z.strictObject({
  criterionId: uuidField("reviews.errors.criterionUnknown"),
  score: scoreField,
  comment: safeText("reviews.errors.scoreCommentRequired")
    .trim()
    .min(1, "reviews.errors.scoreCommentRequired")
    .max(REVIEW_LIMITS.scoreCommentMax, "reviews.errors.scoreCommentTooLong"),
});

export const submitReviewSchema = z.strictObject({
  scores: z
    .array(criterionScoreSchema, "reviews.errors.scoresRequired")
    .min(1, "reviews.errors.scoresRequired")
    .max(REVIEW_LIMITS.criteriaMax, "reviews.errors.criterionUnknown")
    .superRefine((scores, ctx) => {
      const seen = new Set<string>();
      scores.forEach((s, index) => {
        if (seen.has(s.criterionId)) ctx.addIssue({ code: "custom", path: [index, "criterionId"], message: "reviews.errors.criterionDuplicate" });
        seen.add(s.criterionId);
      });
    }),
  recommendation: z.preprocess(blankToUndefined, z.enum(RECOMMENDATIONS, "reviews.errors.recommendationRequired")),
  comment: z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    safeText("reviews.errors.commentTooLong").trim().max(REVIEW_LIMITS.commentMax, "reviews.errors.commentTooLong"),
  ),
});

export type AssignReviewersInput = z.infer<typeof assignReviewersSchema>;
export type DeclareConflictInput = z.infer<typeof declareConflictSchema>;
export type SubmitReviewInput = z.infer<typeof submitReviewSchema>;

/** What the forms hold before parsing (radios and selects hold strings). */
export interface AssignReviewersFormValues {
  reviewerIds: string[];
  programId: string;
  proposedPartnerId: string;
}
export interface DeclareConflictFormValues {
  hasConflict: "true" | "false" | "";
  reason: string;
}
export interface SubmitReviewFormValues {
  scores: { criterionId: string; score: string; comment: string }[];
  recommendation: string;
  comment: string;
}

/** What the assignment form is told on success: assigned, recused automatically, already assigned and left as they were. */
export interface AssignReviewersOutcome {
  assigned: number;
  recused: number;
  skipped: number;
}
