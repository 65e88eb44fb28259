import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditEvents, sessions, users } from "@/db/schema";
import { execRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";
import { hitRateLimit, checkSignInRateLimit, SIGN_IN_LIMITS } from "./rate-limit";
import { findActiveUserByEmail, listDemoAccounts, loadActiveUser } from "./queries";
import { createDemoSession } from "./mutations";
import { NotFoundError } from "@/lib/errors";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});

const ctx = { ip: "203.0.113.7", userAgent: "vitest" };

async function idOf(email: string) {
  const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row.id;
}

describe("rate limits for sign-in links", () => {
  it("allows up to the limit in a window, then refuses with a retry time", async () => {
    const rule = { key: "test:fixed", limit: 3, windowSeconds: 600 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimit(rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[4].retryAfterSeconds).toBeGreaterThan(500);
  });

  it("counts parallel hits exactly", async () => {
    const rule = { key: "test:parallel", limit: 10, windowSeconds: 600 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(Math.max(...results.map((r) => r.count))).toBe(25);
  });

  it("starts a new window once the old one has passed", async () => {
    const rule = { key: "test:window", limit: 1, windowSeconds: 60 };
    expect((await hitRateLimit(rule)).allowed).toBe(true);
    expect((await hitRateLimit(rule)).allowed).toBe(false);
    await db.db.execute(sql`UPDATE rate_limits SET window_start = now() - interval '61 seconds' WHERE key = 'test:window'`);
    expect((await hitRateLimit(rule)).allowed).toBe(true);
  });

  it("limits per address and per IP independently", async () => {
    const email = "limit.me@example.org";
    const outcomes = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit + 1; i++) {
      // a different IP each time: only the per-address counter can refuse
      outcomes.push((await checkSignInRateLimit(email, `198.51.100.${i}`)).allowed);
    }
    expect(outcomes.at(-1)).toBe(false);
    expect(outcomes.slice(0, -1).every(Boolean)).toBe(true);

    const ip = "192.0.2.200";
    let refused = false;
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit + 1; i++) {
      const r = await checkSignInRateLimit(`someone${i}@example.org`, ip);
      if (!r.allowed) refused = true;
      expect(r.allowed).toBe(i < SIGN_IN_LIMITS.perIp.limit);
    }
    expect(refused).toBe(true);
  });
});

describe("accounts", () => {
  it("finds active pre-provisioned accounts by email, case-insensitively, and nobody else", async () => {
    expect(await findActiveUserByEmail("Focal.GT@Example.org ")).toMatchObject({ locale: "es" });
    expect(await findActiveUserByEmail("nobody@example.org")).toBeNull();
  });

  it("loads roles, country and organization from the database", async () => {
    const gt = await loadActiveUser(await idOf("focal.gt@example.org"));
    expect(gt).toMatchObject({ roles: ["focal_point"], countryIso2: "GT", country: { nameEs: "Guatemala" } });
    const oas = await loadActiveUser(await idOf("partner.oas@example.org"));
    expect(oas?.organization).toMatchObject({ key: "oas", type: "implementing_partner" });
  });

  it("treats a deactivated account as signed out", async () => {
    const id = await idOf("reviewer@example.org");
    await db.db.update(users).set({ isActive: false }).where(eq(users.id, id));
    expect(await loadActiveUser(id)).toBeNull();
    expect(await findActiveUserByEmail("reviewer@example.org")).toBeNull();
    await db.db.update(users).set({ isActive: true }).where(eq(users.id, id));
  });
});

describe("demo one-click sign-in", () => {
  const saved = process.env.DEMO_MODE;
  beforeEach(() => {
    delete process.env.DEMO_MODE;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = saved;
  });

  it("does not exist outside demo mode: no session, no demo accounts listed", async () => {
    const id = await idOf("officer@example.org");
    const before = await db.db.select().from(sessions);
    await expect(createDemoSession(id, ctx)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.db.select().from(sessions)).toEqual(before);
    expect(await listDemoAccounts()).toEqual([]);
  });

  it("in demo mode creates a database session for a seeded account, with an audit event", async () => {
    process.env.DEMO_MODE = "1";
    const id = await idOf("officer@example.org");
    const { token, expires } = await createDemoSession(id, ctx);
    const [row] = await db.db.select().from(sessions).where(eq(sessions.sessionToken, token));
    expect(row.userId).toBe(id);
    expect(expires.getTime()).toBeGreaterThan(Date.now());
    const events = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.demoSignIn"));
    expect(events.some((e) => e.actorUserId === id && e.ip === ctx.ip)).toBe(true);
    expect(await listDemoAccounts()).toHaveLength(12);
  });

  it("refuses accounts that are not seeded demo accounts, even in demo mode", async () => {
    process.env.DEMO_MODE = "1";
    const [other] = await db.db.insert(users).values({ email: "real.person@example.org", name: "Real" }).returning();
    await expect(createDemoSession(other.id, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createDemoSession("no-such-id", ctx)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("audit trail", () => {
  it("is append-only: the database refuses updates and deletes", async () => {
    const count = async () => (await execRows<{ n: number }>(db.db, sql`select count(*)::int as n from audit_events`))[0].n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(db.db.execute(sql`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow();
    await expect(db.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    expect(await count()).toBe(before);
    const tampered = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "tampered"));
    expect(tampered).toHaveLength(0);
  });
});
