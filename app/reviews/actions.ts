"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { assignReviewers, declareConflict, submitReview } from "@/lib/reviews/mutations";
import type { AssignReviewersOutcome } from "@/lib/reviews/schema";

/** Assigns reviewers to a request (program officers); the panel shows the outcome and refreshes. */
export const assignReviewersAction = serverAction(assignReviewers, (result, { requestId }): AssignReviewersOutcome => {
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/reviews", "layout");
  return {
    assigned: result.assigned.filter((a) => a.status !== "recused").length,
    recused: result.assigned.filter((a) => a.status === "recused").length,
    skipped: result.skipped.length,
  };
});

/** Records the reviewer's conflict-of-interest declaration (the assigned reviewer). */
export const declareConflictAction = serverAction(declareConflict, (result, { assignmentId }) => {
  revalidatePath("/reviews", "layout");
  redirect(`/reviews/${encodeURIComponent(assignmentId)}?notice=${result.status === "recused" ? "recused" : "declared"}`);
});

/** Submits the reviewer's scores and recommendation (the assigned reviewer, once). */
export const submitReviewAction = serverAction(submitReview, (_result, { assignmentId }) => {
  revalidatePath("/reviews", "layout");
  redirect(`/reviews/${encodeURIComponent(assignmentId)}?notice=submitted`);
});
