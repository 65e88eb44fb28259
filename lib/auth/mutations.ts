import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-data";
import { recordAudit } from "@/lib/audit/mutations";
import { isDemoMode } from "@/lib/demo";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { isSafeText } from "@/lib/forms/safe-text";
import { isUserId } from "@/lib/ids";
import { SESSION_MAX_AGE_SECONDS } from "./cookies";
import { loadSessionWithUser, type CurrentUser, type SessionRow } from "./queries";
import { LAST_SEEN_WRITE_INTERVAL_MS, sessionStatus, shouldTouchSession } from "./session-rules";
import type { RequestContext } from "./request-context";

/**
 * Demo mode only: creates a database session for a seeded demo account, as the one-click sign-in.
 * Outside demo mode, or for any other account, the path does not exist (NotFoundError).
 */
export async function createDemoSession(userId: string, ctx: RequestContext): Promise<{ token: string; expires: Date }> {
  if (!isDemoMode()) throw new NotFoundError("demo sign-in");
  // The id comes from the sign-in page's form: one no user can have is an unknown demo user.
  if (!isUserId(userId)) throw new NotFoundError("demo user");
  const db = await getDb();
  const demoEmails = DEMO_USERS.map((u) => u.email);
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true), inArray(users.email, demoEmails)))
    .limit(1);
  if (!user) throw new NotFoundError("demo user");
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.transaction(async (tx) => {
    // Demo sign-in skips the second factor (decision 0016): the session is complete at once, and the
    // sign-in page and the banner say so.
    await tx.insert(sessions).values({ sessionToken: token, userId: user.id, expires, secondFactorAt: new Date() });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "auth.demoSignIn",
      entityType: "user",
      entityId: user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { secondFactor: "skipped in demo mode" },
    });
  });
  return { token, expires };
}

/** The signed-in user changes their own language. */
export async function setOwnLocale(userId: string, locale: Locale): Promise<void> {
  if (!isLocale(locale)) throw new ValidationError({}, { key: "common.errors.invalidInput" });
  const db = await getDb();
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Records a sign-in or sign-out event (called from Auth.js events and the sign-in action). */
export async function recordAuthEvent(
  action: string,
  userId: string | null,
  ctx: Partial<RequestContext>,
  outcome: "success" | "denied" | "failed" = "success",
  details?: Record<string, unknown>,
): Promise<void> {
  const db = await getDb();
  await recordAudit(db, {
    actorUserId: userId,
    action,
    entityType: "user",
    entityId: userId,
    outcome,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    details,
  });
}

/** Whether a cookie value can be a session token: Auth.js and the demo make 32-byte hex or UUID tokens. */
function isSessionToken(value: string): boolean {
  return value.length > 0 && value.length <= 200 && isSafeText(value);
}

export type SessionResolution =
  | { status: "none" }
  | { status: "expired" }
  | { status: "partial" | "active"; user: CurrentUser; session: SessionRow };

/**
 * What the session behind a cookie is worth now (decisions 0016 and 0017), read with the user's current
 * roles: none (no row, or a deactivated account), expired (idle or absolute lifetime over: the row is
 * deleted and the refusal audited), partial (a staff user without the second factor: not signed in for
 * any data access) or active. Moves last_seen_at at most once per LAST_SEEN_WRITE_INTERVAL_MS.
 * Anyone (the session lookup of every request).
 */
export async function resolveSession(sessionToken: string, ctx: Partial<RequestContext>, now: Date = new Date()): Promise<SessionResolution> {
  // A cookie no session could have (what PostgreSQL cannot even compare) is no session.
  if (!isSessionToken(sessionToken)) return { status: "none" };
  const found = await loadSessionWithUser(sessionToken);
  if (!found) return { status: "none" };
  const { session, user } = found;
  const status = sessionStatus(session, user.roles, now);
  const db = await getDb();
  if (status === "expired") {
    await db.transaction(async (tx) => {
      const ended = await tx.delete(sessions).where(eq(sessions.sessionToken, sessionToken)).returning({ userId: sessions.userId });
      // Parallel requests may all find it expired; only the one that deleted it records the refusal.
      if (ended.length === 0) return;
      await recordAudit(tx, {
        actorUserId: user.id,
        action: "auth.sessionExpired",
        entityType: "user",
        entityId: user.id,
        outcome: "denied",
        ip: ctx.ip ?? null,
        userAgent: ctx.userAgent ?? null,
        details: { createdAt: session.createdAt, lastSeenAt: session.lastSeenAt },
      });
    });
    return { status: "expired" };
  }
  if (shouldTouchSession(session.lastSeenAt, now)) {
    // Conditional, so that parallel requests write it once per interval.
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.sessionToken, sessionToken), lt(sessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_WRITE_INTERVAL_MS))));
  }
  return { status, user, session };
}

/** Signs a session out: deletes its row and records who signed out, from where. The session's owner. */
export async function endSession(sessionToken: string, ctx: RequestContext): Promise<void> {
  if (!isSessionToken(sessionToken)) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [ended] = await tx.delete(sessions).where(eq(sessions.sessionToken, sessionToken)).returning({ userId: sessions.userId });
    if (!ended) return;
    await recordAudit(tx, { actorUserId: ended.userId, action: "auth.signOut", entityType: "user", entityId: ended.userId, ip: ctx.ip, userAgent: ctx.userAgent });
  });
}
