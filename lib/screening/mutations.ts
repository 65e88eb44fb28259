import "server-only";
import { getDb } from "@/db/client";
import { requestScreenings } from "@/db/schema";
import type { RequestStatus } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { notifyChangesRequested, recordDecisionLetter } from "@/lib/decisions/mutations";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { checkedRequestOf, loadProgramCandidates } from "@/lib/matching/queries";
import { applyTransition, type MutationContext } from "@/lib/requests/mutations";
import { getVisibleRequest } from "@/lib/requests/queries";
import { canTransition, type RequestEvent } from "@/lib/requests/workflow";
import { automaticChecks, isEligible, type AutomaticChecks } from "./checks";
import { completeScreeningSchema, startScreeningSchema, type ScreeningOutcome } from "./schema";
import { parseInput } from "./validation";

/** The screener's request, or NotFoundError for anyone who is not an officer able to see it. */
async function requestForScreener(user: CurrentUser, requestId: string, ctx: Pick<MutationContext, "ip" | "userAgent">) {
  if (!hasPermission(user, "requests.screen")) throw new NotFoundError("request");
  return getVisibleRequest(user, requestId, { ctx, action: "request.screen" });
}

/** An older version than the current one: someone else moved the request first. */
function assertVersion(request: { version: number }, expectedVersion: number) {
  if (request.version !== expectedVersion) throw new ConflictError("request changed");
}

function assertAllowed(user: CurrentUser, status: RequestStatus, event: RequestEvent) {
  if (!canTransition(user.roles, status, event)) throw new ValidationError({}, { key: "requests.errors.notAllowed" });
}

/**
 * Takes a submitted request into screening, on the version the officer saw: one transaction with its
 * audit event; of two officers starting at once one wins, the other gets ConflictError. Program officers;
 * anyone else NotFoundError.
 */
export async function startScreening(
  user: CurrentUser,
  requestId: string,
  expectedVersion: unknown,
  ctx: Pick<MutationContext, "ip" | "userAgent">,
): Promise<{ status: RequestStatus; version: number }> {
  const request = await requestForScreener(user, requestId, ctx);
  const value = parseInput(startScreeningSchema, { expectedVersion });
  assertVersion(request, value.expectedVersion);
  assertAllowed(user, request.status, "startScreening");
  const db = await getDb();
  return db.transaction((tx) => applyTransition(tx, user, request, "startScreening", value.expectedVersion, ctx));
}

const OUTCOME_EVENTS: Record<ScreeningOutcome, RequestEvent> = {
  send_to_review: "sendToReview",
  request_changes: "requestChanges",
  reject: "reject",
};

/**
 * Records the screening of a request in screening and applies its outcome, in one transaction: the
 * conditional update with its audit event, the screening row (automatic checks computed here, never
 * taken from the client; the manual checklist), and by outcome: for request changes the message as a
 * shared comment and a "changes-requested" mail to each focal point of the country; for reject a
 * decision (memo = message) and a "decision-letter" mail to each. Sending to review needs a program
 * that funds the request's country and category and a complete checklist. Two officers completing at
 * once: one wins, the other gets ConflictError and nothing of it is written. Program officers;
 * anyone else NotFoundError.
 */
export async function completeScreening(
  user: CurrentUser,
  requestId: string,
  input: unknown,
  ctx: MutationContext,
): Promise<{ status: RequestStatus; version: number; screeningId: string }> {
  const request = await requestForScreener(user, requestId, ctx);
  const value = parseInput(completeScreeningSchema, input);
  const event = OUTCOME_EVENTS[value.outcome];
  assertVersion(request, value.expectedVersion);
  // requestChanges and reject are also open from in_review, but there they are a decision.
  if (request.status !== "screening") throw new ValidationError({}, { key: "requests.errors.notAllowed" });
  assertAllowed(user, request.status, event);

  let checks: AutomaticChecks | Record<string, never> = {};
  if (value.programId) {
    const program = (await loadProgramCandidates(user, request)).find((p) => p.id === value.programId);
    const programChecks = program ? automaticChecks({ request: checkedRequestOf(request), program }) : null;
    // Any outcome may name a program that funds the country; sending to review needs the category too.
    if (!programChecks || (value.outcome === "send_to_review" && !isEligible(programChecks))) {
      throw new ValidationError({ programId: { key: "officer.errors.programNotEligible" } }, { key: "common.errors.invalidInput" });
    }
    checks = programChecks;
  }

  const db = await getDb();
  return db.transaction(async (tx) => {
    const screeningId = crypto.randomUUID();
    const moved = await applyTransition(tx, user, request, event, value.expectedVersion, ctx, {
      outcome: value.outcome,
      screeningId,
      programId: value.programId ?? null,
    });
    await tx.insert(requestScreenings).values({
      id: screeningId,
      requestId: request.id,
      programId: value.programId ?? null,
      automaticChecks: checks,
      checklist: value.checklist,
      outcome: value.outcome,
      note: value.message ?? null,
      screenedById: user.id,
    });
    if (value.outcome === "request_changes") await notifyChangesRequested(tx, user, request, value.message!, ctx);
    if (value.outcome === "reject") await recordDecisionLetter(tx, user, request, "reject", value.message!, ctx);
    return { ...moved, screeningId };
  });
}
