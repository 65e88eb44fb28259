import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export interface AuditInput {
  actorUserId: string | null;
  action: string; // e.g. "user.invite", "auth.signIn"
  entityType: string;
  entityId?: string | null;
  outcome?: "success" | "denied" | "failed";
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** Appends an audit event; call it inside the transaction of the change it records. */
export async function recordAudit(tx: DbOrTx, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: event.actorUserId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? "success",
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 500) ?? null,
    details: event.details ?? null,
  });
}
