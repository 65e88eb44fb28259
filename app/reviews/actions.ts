"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { failureFrom, invalidInput, type ActionFailure } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUuid } from "@/lib/ids";
import { assignReviewers, declareConflict, submitReview } from "@/lib/reviews/mutations";
import { assignReviewersSchema, declareConflictSchema, submitReviewSchema } from "@/lib/reviews/schema";

type Failure = ActionFailure;

export interface AssignReviewersOutcome {
  assigned: number;
  recused: number;
  skipped: number;
}

/** Assigns reviewers to a request (program officers); the panel shows the outcome and refreshes. */
export async function assignReviewersAction(requestId: unknown, values: unknown): Promise<ActionResult<AssignReviewersOutcome>> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = assignReviewersSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: AssignReviewersOutcome | Failure;
  try {
    const result = await assignReviewers(user, requestId, parsed.data, { ...(await getRequestContext()), baseUrl: await getBaseUrl() });
    outcome = {
      assigned: result.assigned.filter((a) => a.status !== "recused").length,
      recused: result.assigned.filter((a) => a.status === "recused").length,
      skipped: result.skipped.length,
    };
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if ("ok" in outcome) return outcome;
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/reviews", "layout");
  return { ok: true, data: outcome };
}

/** Records the reviewer's conflict-of-interest declaration (the assigned reviewer). */
export async function declareConflictAction(assignmentId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(assignmentId)) notFound();
  const parsed = declareConflictSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: { status: string } | Failure;
  try {
    outcome = await declareConflict(user, assignmentId, parsed.data, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if ("ok" in outcome) return outcome;
  revalidatePath("/reviews", "layout");
  redirect(`/reviews/${encodeURIComponent(assignmentId)}?notice=${outcome.status === "recused" ? "recused" : "declared"}`);
}

/** Submits the reviewer's scores and recommendation (the assigned reviewer, once). */
export async function submitReviewAction(assignmentId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(assignmentId)) notFound();
  const parsed = submitReviewSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: Failure | null = null;
  try {
    await submitReview(user, assignmentId, parsed.data, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome) return outcome;
  revalidatePath("/reviews", "layout");
  redirect(`/reviews/${encodeURIComponent(assignmentId)}?notice=submitted`);
}
