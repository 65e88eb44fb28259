"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { addComment } from "@/lib/comments/mutations";
import { addCommentSchema } from "@/lib/comments/schema";
import { decideRequest } from "@/lib/decisions/mutations";
import { decideRequestSchema, type Decision } from "@/lib/decisions/schema";
import type { ActionResult } from "@/lib/errors";
import { attempt, invalidInput } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUuid } from "@/lib/ids";
import type { MutationContext } from "@/lib/requests/mutations";
import { completeScreening, startScreening } from "@/lib/screening/mutations";
import { completeScreeningSchema, startScreeningSchema, type ScreeningOutcome } from "@/lib/screening/schema";
import type { OfficerNotice } from "@/components/requests/notices";


async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

/** Back to the request, showing what happened (the page shows `notice` with OfficerNoticeBanner). */
function done(requestId: string, notice: OfficerNotice): never {
  revalidatePath("/requests", "layout");
  redirect(`/requests/${encodeURIComponent(requestId)}?notice=${notice}`);
}

/** Takes a submitted request into screening, on the version the page showed. Program officers. */
export async function startScreeningAction(requestId: unknown, expectedVersion: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = startScreeningSchema.safeParse({ expectedVersion });
  if (!parsed.success) return invalidInput(parsed.error);
  const ctx = await mutationContext();
  const result = await attempt(() => startScreening(user, requestId, parsed.data.expectedVersion, ctx));
  if (!result.ok) return result;
  done(requestId, "screeningStarted");
}

const SCREENING_NOTICES: Record<ScreeningOutcome, OfficerNotice> = {
  send_to_review: "sentToReview",
  request_changes: "changesRequested",
  reject: "rejected",
};

/** Records a screening and its outcome (send to review, request changes, reject). Program officers. */
export async function completeScreeningAction(requestId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = completeScreeningSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const ctx = await mutationContext();
  const result = await attempt(() => completeScreening(user, requestId, parsed.data, ctx));
  if (!result.ok) return result;
  done(requestId, SCREENING_NOTICES[parsed.data.outcome]);
}

const DECISION_NOTICES: Record<Decision, OfficerNotice> = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changesRequested",
};

/** Decides on a request in review, with the memo the state receives as a letter. Program officers. */
export async function decideRequestAction(requestId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = decideRequestSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const ctx = await mutationContext();
  const result = await attempt(() => decideRequest(user, requestId, parsed.data, ctx));
  if (!result.ok) return result;
  done(requestId, DECISION_NOTICES[parsed.data.decision]);
}

/**
 * Adds a comment (internal or shared, as this user may). Stays on the page: the list refreshes and
 * the form clears. Officers, assigned reviewers, the request's focal points.
 */
export async function addCommentAction(requestId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = addCommentSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await attempt(async () => addComment(user, requestId, parsed.data, await getRequestContext()));
  if (!result.ok) return result;
  revalidatePath(`/requests/${requestId}`);
  return { ok: true, data: undefined };
}
