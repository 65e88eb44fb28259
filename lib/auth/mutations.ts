import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-data";
import { recordAudit } from "@/lib/audit/mutations";
import { isDemoMode } from "@/lib/demo";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { isUserId } from "@/lib/ids";
import { SESSION_MAX_AGE_SECONDS } from "./cookies";
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
    await tx.insert(sessions).values({ sessionToken: token, userId: user.id, expires });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "auth.demoSignIn",
      entityType: "user",
      entityId: user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
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
