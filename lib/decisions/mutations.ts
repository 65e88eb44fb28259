import "server-only";
import { ConflictError, ValidationError } from "@/lib/errors";
import { defineMutation } from "@/lib/mutations/define";
import { recordId } from "@/lib/mutations/parse";
import { applyTransition } from "@/lib/requests/unchecked";
import { getVisibleRequest } from "@/lib/requests/queries";
import type { RequestEvent } from "@/lib/requests/workflow";
import type { RequestStatus } from "@/lib/enums";
import { decideRequestSchema, type Decision } from "./schema";
import { recordDecisionLetter } from "./unchecked";

const DECISION_EVENTS: Record<Decision, RequestEvent> = { approve: "approve", reject: "reject", request_changes: "requestChanges" };

/**
 * Decides on a request in review: approve, reject or request changes, with a memo the state receives
 * as a letter. One transaction: the conditional update on the version the officer saw (a parallel
 * decision makes this one a ConflictError, nothing applied), its audit event, the decision row, the
 * letter mails (and, for changes, the shared comment). Officers ("decisions.make"); anyone else NotFoundError.
 */
export const decideRequest = defineMutation({
  permission: "decisions.make",
  input: decideRequestSchema.extend({ requestId: recordId() }),
  load: (actor, { requestId }) => getVisibleRequest(actor.user, requestId, { ctx: actor, action: "request.decide" }),
  run: async (tx, { actor, input, record: request }): Promise<{ status: RequestStatus; version: number; decisionId: string }> => {
    if (request.version !== input.expectedVersion) throw new ConflictError("request changed");
    // Rejecting or returning a request still in screening is the screening's outcome, not a decision.
    if (request.status !== "in_review") throw new ValidationError({}, { key: "requests.errors.notAllowed" });
    const decisionId = crypto.randomUUID();
    const moved = await applyTransition(tx, actor.user, request, DECISION_EVENTS[input.decision], input.expectedVersion, actor, {
      decision: input.decision,
      decisionId,
    });
    await recordDecisionLetter(tx, actor.user, request, input.decision, input.memo, actor, decisionId);
    return { ...moved, decisionId };
  },
});
