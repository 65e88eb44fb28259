// Session enforcement on a real database (decisions 0016 and 0017): what the current-user helper makes of
// a session row, by its second factor, its idle and absolute lifetimes and the user's current roles.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvents, sessions, userRoles, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { SESSION_MAX_AGE_SECONDS } from "./cookies";

// The request the helper reads: its session cookie and its client address.
const request = { token: null as string | null, ip: "198.51.100.23" };
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name.endsWith("authjs.session-token") && request.token ? { name, value: request.token } : undefined) }),
  headers: async () => new Headers({ "x-forwarded-for": request.ip, "user-agent": "vitest" }),
}));

const { getCurrentUser, requireUser } = await import("./current-user");
const { createDemoSession, endSession, resolveSession } = await import("./mutations");

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(() => {
  request.token = null;
});

async function idOf(email: string) {
  const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row.id;
}

/** A session row as the e-mail link leaves it, aged as asked; `complete` sets its second factor. */
/** Its row expiry is what Auth.js writes: SESSION_MAX_AGE_SECONDS from the sign-in. */
async function session(email: string, age: { createdAgo?: number; idleFor?: number; complete?: boolean } = {}): Promise<string> {
  const token = `tok_${Math.random().toString(36).slice(2)}`;
  const now = Date.now();
  const createdAt = new Date(now - (age.createdAgo ?? 0));
  await db.db.insert(sessions).values({
    sessionToken: token,
    userId: await idOf(email),
    expires: new Date(createdAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    createdAt,
    lastSeenAt: new Date(now - (age.idleFor ?? 0)),
    secondFactorAt: age.complete ? createdAt : null,
  });
  return token;
}

async function rowExists(token: string) {
  return (await db.db.select({ t: sessions.sessionToken }).from(sessions).where(eq(sessions.sessionToken, token))).length === 1;
}

async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

describe("the second factor", () => {
  it("a staff session from the e-mail link alone is not signed in: no user, and pages go to the passkey step", async () => {
    request.token = await session("officer@example.org");
    expect(await getCurrentUser()).toBeNull();
    expect(await redirectOf(requireUser)).toBe("/sign-in/passkey");
    expect(await rowExists(request.token)).toBe(true);
  });

  it("the same session once the passkey is confirmed is signed in", async () => {
    request.token = await session("officer@example.org", { complete: true });
    expect(await getCurrentUser()).toMatchObject({ email: "officer@example.org", roles: ["program_officer"] });
    expect(await redirectOf(requireUser)).toBeNull();
  });

  it("approvers and administrators need it too; focal points, reviewers, partners and donors do not", async () => {
    for (const email of ["approver@example.org", "admin@example.org"]) {
      request.token = await session(email);
      expect(await getCurrentUser(), email).toBeNull();
    }
    for (const email of ["focal.gt@example.org", "reviewer@example.org", "partner.oas@example.org", "donor.inl@example.org"]) {
      request.token = await session(email);
      expect((await getCurrentUser())?.email, email).toBe(email);
    }
  });

  it("is read from the current roles: a reviewer who becomes a program officer needs it in the session they have", async () => {
    const token = await session("reviewer@example.org");
    expect((await resolveSession(token, {})).status).toBe("active");
    const reviewer = await idOf("reviewer@example.org");
    await db.db.insert(userRoles).values({ userId: reviewer, role: "program_officer" });
    try {
      expect((await resolveSession(token, {})).status).toBe("partial");
    } finally {
      await db.db.delete(userRoles).where(and(eq(userRoles.userId, reviewer), eq(userRoles.role, "program_officer")));
    }
  });

  it("demo one-click sign-in marks the session complete", async () => {
    const saved = process.env.DEMO_MODE;
    process.env.DEMO_MODE = "1";
    try {
      const { token } = await createDemoSession(await idOf("officer@example.org"), { ip: request.ip, userAgent: "vitest" });
      request.token = token;
      expect((await getCurrentUser())?.email).toBe("officer@example.org");
    } finally {
      if (saved === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = saved;
    }
  });
});

describe("session lifetimes", () => {
  it("staff: 31 minutes idle is expired: refused, the row deleted and the refusal audited with the client address", async () => {
    request.token = await session("officer@example.org", { complete: true, idleFor: 31 * MINUTE });
    expect(await getCurrentUser()).toBeNull();
    expect(await redirectOf(requireUser)).toBe("/sign-in");
    expect(await rowExists(request.token)).toBe(false);
    const events = await db.db
      .select({ actor: auditEvents.actorUserId, ip: auditEvents.ip, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sessionExpired"));
    expect(events).toContainEqual({ actor: await idOf("officer@example.org"), ip: request.ip, outcome: "denied" });
  });

  it("parallel requests with the same expired session record one refusal", async () => {
    const token = await session("approver@example.org", { complete: true, idleFor: 45 * MINUTE });
    const results = await Promise.all(Array.from({ length: 5 }, () => resolveSession(token, { ip: "192.0.2.77" })));
    // Each is refused: as expired, or (once another has deleted it) as no session at all.
    expect(results.every((r) => r.status === "expired" || r.status === "none")).toBe(true);
    expect(results.some((r) => r.status === "expired")).toBe(true);
    const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sessionExpired"), eq(auditEvents.ip, "192.0.2.77")));
    expect(events).toHaveLength(1);
  });

  it("staff: 29 minutes idle is still active", async () => {
    request.token = await session("officer@example.org", { complete: true, idleFor: 29 * MINUTE });
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("staff: 12 hours after the e-mail sign-in it is over, however active; 11 h 59 is not", async () => {
    const old = await session("approver@example.org", { complete: true, createdAgo: 12 * HOUR });
    expect((await resolveSession(old, {})).status).toBe("expired");
    expect(await rowExists(old)).toBe(false);
    const recent = await session("approver@example.org", { complete: true, createdAgo: 12 * HOUR - MINUTE });
    expect((await resolveSession(recent, {})).status).toBe("active");
  });

  it("a partial staff session expires by the same rules", async () => {
    const token = await session("admin@example.org", { idleFor: 31 * MINUTE });
    expect((await resolveSession(token, {})).status).toBe("expired");
  });

  it("others: 2 hours idle and 8 hours absolute (31 minutes idle is fine)", async () => {
    const cases: [Parameters<typeof session>[1], string][] = [
      [{ idleFor: 31 * MINUTE }, "active"],
      [{ idleFor: 2 * HOUR - MINUTE }, "active"],
      [{ idleFor: 2 * HOUR }, "expired"],
      [{ createdAgo: 8 * HOUR - MINUTE }, "active"],
      [{ createdAgo: 8 * HOUR }, "expired"],
    ];
    for (const [age, expected] of cases) {
      const token = await session("focal.gt@example.org", age);
      expect((await resolveSession(token, {})).status, JSON.stringify(age)).toBe(expected);
    }
  });

  it("moves last_seen_at at most once a minute", async () => {
    const lastSeen = async (token: string) =>
      (await db.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.sessionToken, token)))[0].at.getTime();
    const fresh = await session("focal.jm@example.org", { idleFor: 30_000 });
    const before = await lastSeen(fresh);
    await Promise.all([resolveSession(fresh, {}), resolveSession(fresh, {})]);
    expect(await lastSeen(fresh)).toBe(before);

    const stale = await session("focal.jm@example.org", { idleFor: 5 * MINUTE });
    const now = new Date();
    await Promise.all(Array.from({ length: 5 }, () => resolveSession(stale, {}, now)));
    expect(await lastSeen(stale)).toBe(now.getTime());
  });

  it("a staff session kept busy stays signed in past 30 minutes of age", async () => {
    const token = await session("officer@example.org", { complete: true, createdAgo: 50 * MINUTE, idleFor: 2 * MINUTE });
    expect((await resolveSession(token, {})).status).toBe("active");
  });
});

describe("a cookie no session has", () => {
  it("is no session, whatever it holds, and signing it out does nothing", async () => {
    for (const token of ["", "no-such-token", "tok\u0000en", "tok\uD800en", "x".repeat(20_000)]) {
      expect((await resolveSession(token, {})).status, JSON.stringify(token.slice(0, 20))).toBe("none");
      await endSession(token, { ip: null, userAgent: null });
    }
  });
});

describe("sign-out", () => {
  it("deletes the session and records who signed out, from where", async () => {
    const token = await session("officer@example.org", { complete: true });
    await endSession(token, { ip: "192.0.2.44", userAgent: "vitest" });
    expect(await rowExists(token)).toBe(false);
    const [event] = await db.db
      .select({ actor: auditEvents.actorUserId, ip: auditEvents.ip })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.signOut"), sql`${auditEvents.ip} = '192.0.2.44'`));
    expect(event).toEqual({ actor: await idOf("officer@example.org"), ip: "192.0.2.44" });
  });
});
