// Pure review rules: who is recused automatically, and what an assignment allows in each state.
import type { RequestStatus } from "@/lib/enums";

export type ReviewStatus = "awaiting_declaration" | "active" | "recused" | "submitted";
export type AutoRecusalReason = "country" | "government" | "partner";

/** Request states in which reviewers may be assigned (screening: the officer lines them up early). */
export const ASSIGNABLE_REQUEST_STATUSES: readonly RequestStatus[] = ["screening", "in_review"];

export interface ReviewerBinding {
  countryIso2: string | null;
  organizationId: string | null;
  organizationType: string | null;
  organizationCountryIso2: string | null;
}

/**
 * Why a reviewer must be recused from a request without asking, or null: bound to the requesting
 * country, staff of one of its government organizations, or staff of the proposed implementing partner.
 */
export function autoRecusalReason(
  reviewer: ReviewerBinding,
  request: { countryIso2: string },
  proposedPartnerId?: string | null,
): AutoRecusalReason | null {
  if (reviewer.countryIso2 && reviewer.countryIso2 === request.countryIso2) return "country";
  if (reviewer.organizationType === "government" && reviewer.organizationCountryIso2 === request.countryIso2) return "government";
  if (proposedPartnerId && reviewer.organizationId === proposedPartnerId) return "partner";
  return null;
}

export function canAssign(requestStatus: RequestStatus): boolean {
  return ASSIGNABLE_REQUEST_STATUSES.includes(requestStatus);
}

/** The conflict declaration comes first, once. */
export function canDeclare(status: ReviewStatus, requestStatus: RequestStatus): boolean {
  return status === "awaiting_declaration" && ASSIGNABLE_REQUEST_STATUSES.includes(requestStatus);
}

/** Scoring needs a declared absence of conflict and a request under review. */
export function canScore(status: ReviewStatus, requestStatus: RequestStatus): boolean {
  return status === "active" && requestStatus === "in_review";
}

/**
 * The assignment states that open the request itself (its content, revisions, attachments, comments):
 * only after the reviewer declared no conflict. Awaiting the declaration or recused, the reviewer sees
 * just what judging a conflict needs (title, country, category, the state's agencies).
 */
export const REQUEST_OPENING_REVIEW_STATUSES = ["active", "submitted"] as const satisfies readonly ReviewStatus[];

export function opensRequest(status: ReviewStatus): boolean {
  return (REQUEST_OPENING_REVIEW_STATUSES as readonly ReviewStatus[]).includes(status);
}

/** Peers' scores are shown only after the reviewer has submitted, never to a recused one. */
export function canSeePeerScores(status: ReviewStatus): boolean {
  return status === "submitted";
}
