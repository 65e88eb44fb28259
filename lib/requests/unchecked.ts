import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assistanceRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import type { RequestStatus } from "@/lib/enums";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { MutationContext } from "@/lib/mutations/define";
import { recipientsOf } from "@/lib/users/recipients";
import { canTransition, nextStatus, type RequestEvent } from "./workflow";

/**
 * Checks nothing of who may act on this particular record (assignment, own country): the caller has.
 * Moves a request along the workflow inside the caller's transaction: checks the role and state with
 * the pure workflow, then a conditional UPDATE on the version the user saw (zero rows: someone else
 * acted first -> ConflictError, nothing applied), then the audit event. The caller adds its own rows
 * (screening, decision, mails) in the same transaction.
 */
export async function applyTransition(
  tx: Tx,
  user: CurrentUser,
  request: { id: string; status: RequestStatus; reference: string; version: number },
  event: RequestEvent,
  expectedVersion: number,
  ctx: Pick<MutationContext, "ip" | "userAgent">,
  details: Record<string, unknown> = {},
): Promise<{ status: RequestStatus; version: number }> {
  // The user acted on an older state of the request: someone else moved it first.
  if (request.version !== expectedVersion) throw new ConflictError("request changed");
  if (!canTransition(user.roles, request.status, event)) throw new ValidationError({}, { key: "requests.errors.notAllowed" });
  const to = nextStatus(request.status, event)!;
  const updated = await tx
    .update(assistanceRequests)
    .set({ status: to, version: sql`${assistanceRequests.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(assistanceRequests.id, request.id),
        eq(assistanceRequests.version, expectedVersion),
        eq(assistanceRequests.status, request.status),
      ),
    )
    .returning({ status: assistanceRequests.status, version: assistanceRequests.version });
  if (updated.length === 0) throw new ConflictError("request changed");
  await recordAudit(tx, {
    actorUserId: user.id,
    action: `request.${event}`,
    entityType: "request",
    entityId: request.id,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: { from: request.status, to, reference: request.reference, ...details },
  });
  return updated[0];
}

/** Checks nothing. The active focal points of a country, to whom the program office writes about its requests. */
export async function focalPointsOf(tx: Tx, countryIso2: string): Promise<{ email: string; locale: "en" | "es"; name: string | null }[]> {
  return recipientsOf(tx, { role: "focal_point", country: countryIso2 });
}
