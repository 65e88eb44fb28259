import "server-only";
import { requestScreenings } from "@/db/schema";
import type { RequestStatus } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/queries";
import { notifyChangesRequested, recordDecisionLetter } from "@/lib/decisions/unchecked";
import { ConflictError, ValidationError } from "@/lib/errors";
import { checkedRequestOf, loadProgramCandidates } from "@/lib/matching/queries";
import { defineMutation, type Actor } from "@/lib/mutations/define";
import { recordId } from "@/lib/mutations/parse";
import { applyTransition } from "@/lib/requests/unchecked";
import { getVisibleRequest } from "@/lib/requests/queries";
import { canTransition, type RequestEvent } from "@/lib/requests/workflow";
import { automaticChecks, isEligible, type AutomaticChecks } from "./checks";
import { completeScreeningSchema, startScreeningSchema, type ScreeningOutcome } from "./schema";

/** The screener's request, or NotFoundError for anyone who may not see it (the permission is checked first). */
function requestForScreener(actor: Actor, { requestId }: { requestId: string }) {
  return getVisibleRequest(actor.user, requestId, { ctx: actor, action: "request.screen" });
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
export const startScreening = defineMutation({
  permission: "requests.screen",
  input: startScreeningSchema.extend({ requestId: recordId() }),
  load: requestForScreener,
  run: async (tx, { actor, input, record: request }): Promise<{ status: RequestStatus; version: number }> => {
    assertVersion(request, input.expectedVersion);
    assertAllowed(actor.user, request.status, "startScreening");
    return applyTransition(tx, actor.user, request, "startScreening", input.expectedVersion, actor);
  },
});

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
export const completeScreening = defineMutation({
  permission: "requests.screen",
  input: completeScreeningSchema.safeExtend({ requestId: recordId() }),
  load: async (actor, input) => {
    const request = await requestForScreener(actor, input);
    const event = OUTCOME_EVENTS[input.outcome];
    assertVersion(request, input.expectedVersion);
    // requestChanges and reject are also open from in_review, but there they are a decision.
    if (request.status !== "screening") throw new ValidationError({}, { key: "requests.errors.notAllowed" });
    assertAllowed(actor.user, request.status, event);

    let checks: AutomaticChecks | Record<string, never> = {};
    if (input.programId) {
      const program = (await loadProgramCandidates(actor.user, request)).find((p) => p.id === input.programId);
      const programChecks = program ? automaticChecks({ request: checkedRequestOf(request), program }) : null;
      // Any outcome may name a program that funds the country; sending to review needs the category too.
      if (!programChecks || (input.outcome === "send_to_review" && !isEligible(programChecks))) {
        throw new ValidationError({ programId: { key: "officer.errors.programNotEligible" } }, { key: "common.errors.invalidInput" });
      }
      checks = programChecks;
    }
    return { request, event, checks };
  },
  run: async (tx, { actor, input, record: { request, event, checks } }): Promise<{ status: RequestStatus; version: number; screeningId: string }> => {
    const screeningId = crypto.randomUUID();
    const moved = await applyTransition(tx, actor.user, request, event, input.expectedVersion, actor, {
      outcome: input.outcome,
      screeningId,
      programId: input.programId ?? null,
    });
    await tx.insert(requestScreenings).values({
      id: screeningId,
      requestId: request.id,
      programId: input.programId ?? null,
      automaticChecks: checks,
      checklist: input.checklist,
      outcome: input.outcome,
      note: input.message ?? null,
      screenedById: actor.user.id,
    });
    if (input.outcome === "request_changes") await notifyChangesRequested(tx, actor.user, request, input.message!, actor);
    if (input.outcome === "reject") await recordDecisionLetter(tx, actor.user, request, "reject", input.message!, actor);
    return { ...moved, screeningId };
  },
});
