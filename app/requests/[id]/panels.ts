import "server-only";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { getAwardPanel } from "@/lib/awards/queries";
import { getCommentAccess, listComments } from "@/lib/comments/queries";
import { getDecisionContext, listDecisions } from "@/lib/decisions/queries";
import { NotFoundError } from "@/lib/errors";
import { rankProgramsForRequest } from "@/lib/matching/queries";
import { findVisibleRequest } from "@/lib/requests/queries";
import { getReviewSummary, listAssignableReviewers, listPartnerOptions, listReviewProgramOptions } from "@/lib/reviews/queries";
import { canAssign } from "@/lib/reviews/workflow";
import { getScreeningContext } from "@/lib/screening/queries";
import { loadForPanel } from "./load-for-panel";

/** Statuses in which a program may still be chosen for the request. */
const MATCHING_OPEN = new Set(["submitted", "screening", "in_review", "changes_requested", "approved"]);

/** Program matching: officers who screen, while the request is open; else null. */
function loadMatching(user: CurrentUser, requestId: string) {
  return loadForPanel(user, async () => {
    if (!hasPermission(user, "requests.screen")) return null;
    const request = await findVisibleRequest(user, requestId);
    if (!request || !MATCHING_OPEN.has(request.status)) return null;
    return { reference: request.reference, ranked: await rankProgramsForRequest(user, requestId) };
  });
}

/** The reviews and, while reviewers may be assigned, the form's options: officers who assign; else null. */
async function loadReviews(user: CurrentUser, requestId: string) {
  if (!hasPermission(user, "reviews.assign")) return null;
  const summary = await getReviewSummary(user, requestId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!summary) return null;
  const isOpen = canAssign(summary.request.status);
  const [reviewers, programs, partners] = isOpen
    ? await Promise.all([listAssignableReviewers(user, requestId), listReviewProgramOptions(user, requestId), listPartnerOptions(user)])
    : [[], [], []];
  return { summary, isOpen, reviewers, programs, partners };
}

/**
 * What the program office's panels on a request's page show to this user, each null when that panel
 * shows nothing to them (the queries check who may see what). Anyone the page has shown the request to.
 */
export async function loadRequestPanels(user: CurrentUser, requestId: string) {
  const [screening, matching, reviews, decision, letters, award, comments] = await Promise.all([
    loadForPanel(user, async () => (hasPermission(user, "requests.screen") ? getScreeningContext(user, requestId) : null)),
    loadMatching(user, requestId),
    loadReviews(user, requestId),
    loadForPanel(user, async () => (hasPermission(user, "decisions.make") ? getDecisionContext(user, requestId) : null)),
    loadForPanel(user, () => listDecisions(user, requestId)),
    getAwardPanel(user, requestId),
    loadForPanel(user, async () => {
      const [access, list] = await Promise.all([getCommentAccess(user, requestId), listComments(user, requestId)]);
      return { access, comments: list };
    }),
  ]);
  return { screening, matching, reviews, decision, letters, award, comments };
}

export type RequestPanels = Awaited<ReturnType<typeof loadRequestPanels>>;
