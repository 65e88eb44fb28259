"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addComment } from "@/lib/comments/mutations";
import { decideRequest } from "@/lib/decisions/mutations";
import type { Decision } from "@/lib/decisions/schema";
import { serverAction } from "@/lib/mutations/server-action";
import { completeScreening, startScreening } from "@/lib/screening/mutations";
import type { ScreeningOutcome } from "@/lib/screening/schema";
import type { OfficerNotice } from "@/components/requests/notices";

/** Back to the request, showing what happened (the page shows `notice` with OfficerNoticeBanner). */
function done(requestId: string, notice: OfficerNotice): never {
  revalidatePath("/requests", "layout");
  redirect(`/requests/${encodeURIComponent(requestId)}?notice=${notice}`);
}

/** Takes a submitted request into screening, on the version the page showed. Program officers. */
export const startScreeningAction = serverAction(startScreening, (_result, { requestId }) => done(requestId, "screeningStarted"));

const SCREENING_NOTICES: Record<ScreeningOutcome, OfficerNotice> = {
  send_to_review: "sentToReview",
  request_changes: "changesRequested",
  reject: "rejected",
};

/** Records a screening and its outcome (send to review, request changes, reject). Program officers. */
export const completeScreeningAction = serverAction(completeScreening, (_result, input) => done(input.requestId, SCREENING_NOTICES[input.outcome]));

const DECISION_NOTICES: Record<Decision, OfficerNotice> = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changesRequested",
};

/** Decides on a request in review, with the memo the state receives as a letter. Program officers. */
export const decideRequestAction = serverAction(decideRequest, (_result, input) => done(input.requestId, DECISION_NOTICES[input.decision]));

/**
 * Adds a comment (internal or shared, as this user may). Stays on the page: the list refreshes and
 * the form clears. Officers, assigned reviewers, the request's focal points.
 */
export const addCommentAction = serverAction(addComment, (_result, { requestId }) => {
  revalidatePath(`/requests/${requestId}`);
});
