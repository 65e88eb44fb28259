import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assistanceRequests, auditEvents, awards, programs } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { unstable_rethrow } from "next/navigation";
import { getRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

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

/** What a refused attempt was: the action it tried and the record it aimed at. */
export interface Denial {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends a "denied" audit event in a statement of its own, so that it stays when the refused change
 * rolls back. Never call it inside a transaction callback: it must not depend on that transaction (and
 * on the embedded database, which has one connection, it would wait for it forever). Without `ctx`, the
 * client address and user agent are those of the request being served, if any.
 */
export async function recordDenied(actorUserId: string | null, denial: Denial, ctx?: RequestContext | null): Promise<void> {
  const from = ctx ?? (await requestContextIfAny());
  await recordAudit(await getDb(), { actorUserId, ...denial, outcome: "denied", ip: from.ip, userAgent: from.userAgent });
}

/** The context of the request being served; no address and no agent outside one (scripts, tests). */
async function requestContextIfAny(): Promise<RequestContext> {
  try {
    return await getRequestContext();
  } catch (error) {
    unstable_rethrow(error); // Next.js's own signals (dynamic rendering, prerender) are not ours to swallow
    return { ip: null, userAgent: null };
  }
}

const DENIAL = Symbol("denial");
type TaggedError = Error & { [DENIAL]?: Denial };

/**
 * Marks a refusal thrown inside a transaction as one to audit; `auditingDenials` records it once the
 * transaction has rolled back. The error itself is returned unchanged, so callers still see it as before.
 */
export function denied<E extends Error>(error: E, denial: Denial): E {
  (error as TaggedError)[DENIAL] = denial;
  return error;
}

/**
 * Runs a mutation's transaction; a refusal tagged by `denied` is written as a "denied" audit event
 * after the rollback (see recordDenied), then rethrown as it was.
 */
export async function auditingDenials<T>(actorUserId: string, ctx: RequestContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const denial = error instanceof Error ? (error as TaggedError)[DENIAL] : undefined;
    if (denial) await recordDenied(actorUserId, denial, ctx);
    throw error;
  }
}

/** The records whose visibility rules the lookups of the other domains build on. */
const VISIBLE_ROOTS = { request: assistanceRequests, award: awards, program: programs } as const;
export type VisibleRoot = keyof typeof VISIBLE_ROOTS;

/** How a lookup was reached: the mutation's context and action, and the record aimed at when it is a child. */
export interface Reach {
  ctx?: RequestContext | null;
  /** The action being attempted; a plain lookup is "<type>.view". */
  action?: string;
  /** The record the user named, when it is found through `root` (a deliverable, a report, a file). */
  target?: { entityType: string; entityId: string };
}

/**
 * The one not-found answer of the visibility-checked lookups (`getVisibleRequest`, `getAward`,
 * `findDashboardProgram`). When the record exists but this user may not see it (another country's,
 * another organization's, not yet open to them), the attempt is audited as denied; an id that names
 * nothing is not. Either way the caller gets the same NotFoundError, so existence never leaks. Returns
 * the error for the caller to throw.
 */
export async function notVisible(user: CurrentUser, root: VisibleRoot, id: string, reach: Reach = {}, what: string = root): Promise<NotFoundError> {
  if (isUuid(id)) {
    const target = reach.target ?? { entityType: root, entityId: id };
    const action = reach.action ?? `${target.entityType}.view`;
    await auditUnseen(user.id, root, id, action, target.entityType, target.entityId, reach.ctx?.ip ?? null, reach.ctx?.userAgent ?? null, !reach.ctx);
  }
  return new NotFoundError(what);
}

// Cached per server render: a page whose parallel lookups all refuse the same record writes one event.
const auditUnseen = cache(
  async (
    userId: string,
    root: VisibleRoot,
    id: string,
    action: string,
    entityType: string,
    entityId: string,
    ip: string | null,
    userAgent: string | null,
    isAmbient: boolean,
  ): Promise<void> => {
    const table = VISIBLE_ROOTS[root];
    const db = await getDb();
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
    if (!row) return; // nothing there: nothing was refused
    const details = { reason: "notVisible", ...(entityType !== root ? { [`${root}Id`]: id } : {}) };
    await recordDenied(userId, { action, entityType, entityId, details }, isAmbient ? null : { ip, userAgent });
  },
);
