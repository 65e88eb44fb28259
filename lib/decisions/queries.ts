import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { requestDecisions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { getVisibleRequest } from "@/lib/requests/queries";
import type { Decision } from "./schema";

export interface DecisionLetter {
  id: string;
  decision: Decision;
  memo: string;
  createdAt: Date;
  /** The officer who decided; null for the state, which reads letters from "the program office". */
  decidedByName: string | null;
}

/**
 * The decisions on a request (approve, reject, changes requested), oldest first: the letters the state
 * received. Anyone who may see the request (its country's focal points, officers, assigned reviewers);
 * others NotFoundError. Only program staff see who decided.
 */
export async function listDecisions(user: CurrentUser, requestId: string): Promise<DecisionLetter[]> {
  const request = await getVisibleRequest(user, requestId);
  const isStaff = hasPermission(user, "requests.readAll");
  const db = await getDb();
  const rows = await db
    .select({
      id: requestDecisions.id,
      decision: requestDecisions.decision,
      memo: requestDecisions.memo,
      createdAt: requestDecisions.createdAt,
      decidedByName: users.name,
    })
    .from(requestDecisions)
    .leftJoin(users, eq(users.id, requestDecisions.decidedById))
    .where(eq(requestDecisions.requestId, request.id))
    .orderBy(asc(requestDecisions.createdAt), asc(requestDecisions.id));
  return rows.map((r) => ({ ...r, decidedByName: isStaff ? (r.decidedByName ?? null) : null }));
}

/**
 * What the decision panel needs: the request's reference, status and version, and whether a decision
 * can be taken now (in review). Officers ("decisions.make"); anyone else NotFoundError.
 */
export async function getDecisionContext(user: CurrentUser, requestId: string) {
  if (!hasPermission(user, "decisions.make")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  return {
    request: { id: request.id, reference: request.reference, status: request.status, version: request.version },
    canDecide: request.status === "in_review",
  };
}
