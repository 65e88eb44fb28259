import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import "@/lib/forms/zod";
import { expectedVersionSchema, trimToUndefined } from "@/lib/screening/schema";
import { DECISIONS, DECISION_LIMITS } from "./limits";

export { DECISIONS, DECISION_LIMITS, type Decision } from "./limits";

/** A decision on a request in review, with the memo the state receives as a letter. */
export const decideRequestSchema = z.strictObject({
  decision: z.enum(DECISIONS, "officer.errors.chooseDecision"),
  memo: z.preprocess(
    trimToUndefined,
    safeText("officer.errors.memoRequired")
      .min(DECISION_LIMITS.memoMin, "officer.errors.memoTooShort")
      .max(DECISION_LIMITS.memoMax, "officer.errors.memoTooLong"),
  ),
  expectedVersion: expectedVersionSchema,
});
export type DecideRequestFormInput = z.input<typeof decideRequestSchema>;
export type DecideRequestInput = z.output<typeof decideRequestSchema>;
