import "server-only";
import { getDb, type Tx } from "@/db/client";
import { requestDecisions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { insertComment } from "@/lib/comments/mutations";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { applyTransition, focalPointsOf, type MutationContext } from "@/lib/requests/mutations";
import { getVisibleRequest, type RequestRecord } from "@/lib/requests/queries";
import type { RequestEvent } from "@/lib/requests/workflow";
import type { RequestStatus } from "@/lib/enums";
import { parseInput } from "@/lib/screening/validation";
import { decideRequestSchema, type Decision } from "./schema";

type Letterhead = Pick<RequestRecord, "id" | "reference" | "countryIso2" | "titleEn" | "titleEs" | "primaryLocale">;

/** The request's title for a reader: in their language when given, else the other, else the reference. */
function titleFor(request: Letterhead, locale: Locale): string {
  const own = locale === "es" ? request.titleEs : request.titleEn;
  const other = locale === "es" ? request.titleEn : request.titleEs;
  return own?.trim() || other?.trim() || request.reference;
}

function requestUrl(request: Letterhead, ctx: Pick<MutationContext, "baseUrl">): string {
  return `${ctx.baseUrl}/requests/${request.id}`;
}

/**
 * Inside the caller's transaction: the program office's message to the state as a shared comment,
 * and a "changes-requested" mail to each of the country's active focal points, in their language.
 */
export async function notifyChangesRequested(
  tx: Tx,
  user: CurrentUser,
  request: Letterhead,
  message: string,
  ctx: Pick<MutationContext, "baseUrl">,
): Promise<{ commentId: string; mails: number }> {
  const commentId = await insertComment(tx, { requestId: request.id, authorId: user.id, visibility: "shared", body: message });
  const recipients = await focalPointsOf(tx, request.countryIso2);
  for (const to of recipients) {
    await enqueueMail(tx, {
      template: "changes-requested",
      to: to.email,
      locale: to.locale,
      payload: { reference: request.reference, title: titleFor(request, to.locale), message, url: requestUrl(request, ctx) },
    });
  }
  return { commentId, mails: recipients.length };
}

/**
 * Inside the caller's transaction: records a decision (approve, reject or request changes) with its
 * memo and writes the letter to each of the country's active focal points in their language: a
 * "decision-letter" for approve and reject; for request changes, the memo as a shared comment and a
 * "changes-requested" mail. `decisionId` lets the caller name the row in its audit event first.
 */
export async function recordDecisionLetter(
  tx: Tx,
  user: CurrentUser,
  request: Letterhead,
  decision: Decision,
  memo: string,
  ctx: Pick<MutationContext, "baseUrl">,
  decisionId: string = crypto.randomUUID(),
): Promise<{ decisionId: string }> {
  await tx.insert(requestDecisions).values({ id: decisionId, requestId: request.id, decision, memo, decidedById: user.id });
  if (decision === "request_changes") {
    await notifyChangesRequested(tx, user, request, memo, ctx);
    return { decisionId };
  }
  for (const to of await focalPointsOf(tx, request.countryIso2)) {
    await enqueueMail(tx, {
      template: "decision-letter",
      to: to.email,
      locale: to.locale,
      payload: { reference: request.reference, title: titleFor(request, to.locale), decision, memo, url: requestUrl(request, ctx) },
    });
  }
  return { decisionId };
}

const DECISION_EVENTS: Record<Decision, RequestEvent> = { approve: "approve", reject: "reject", request_changes: "requestChanges" };

/**
 * Decides on a request in review: approve, reject or request changes, with a memo the state receives
 * as a letter. One transaction: the conditional update on the version the officer saw (a parallel
 * decision makes this one a ConflictError, nothing applied), its audit event, the decision row, the
 * letter mails (and, for changes, the shared comment). Officers ("decisions.make"); anyone else NotFoundError.
 */
export async function decideRequest(
  user: CurrentUser,
  requestId: string,
  input: unknown,
  ctx: MutationContext,
): Promise<{ status: RequestStatus; version: number; decisionId: string }> {
  if (!hasPermission(user, "decisions.make")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId, { ctx, action: "request.decide" });
  const value = parseInput(decideRequestSchema, input);
  if (request.version !== value.expectedVersion) throw new ConflictError("request changed");
  // Rejecting or returning a request still in screening is the screening's outcome, not a decision.
  if (request.status !== "in_review") throw new ValidationError({}, { key: "requests.errors.notAllowed" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const decisionId = crypto.randomUUID();
    const moved = await applyTransition(tx, user, request, DECISION_EVENTS[value.decision], value.expectedVersion, ctx, {
      decision: value.decision,
      decisionId,
    });
    await recordDecisionLetter(tx, user, request, value.decision, value.memo, ctx, decisionId);
    return { ...moved, decisionId };
  });
}
