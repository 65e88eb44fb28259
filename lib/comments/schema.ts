import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";
import "@/lib/forms/zod";
import { trimToUndefined } from "@/lib/screening/schema";
import { COMMENT_VISIBILITIES, COMMENT_LIMITS } from "./limits";

export { COMMENT_VISIBILITIES, COMMENT_LIMITS, type CommentVisibility } from "./limits";

/** A comment on a request: internal (staff only) or shared with the state. Who may post which is the data layer's rule. */
export const addCommentSchema = z.strictObject({
  visibility: z.enum(COMMENT_VISIBILITIES, "officer.errors.chooseVisibility"),
  body: z.preprocess(
    trimToUndefined,
    safeText("officer.errors.commentRequired").min(1, "officer.errors.commentRequired").max(COMMENT_LIMITS.bodyMax, "officer.errors.commentTooLong"),
  ),
});
export type AddCommentFormInput = z.input<typeof addCommentSchema>;
export type AddCommentInput = z.output<typeof addCommentSchema>;
