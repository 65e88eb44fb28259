// Behind one trusted proxy (TRUSTED_PROXY_HOPS=1) the client is the address the proxy appended to
// X-Forwarded-For: refused sign-in requests, sign-in and sign-out are audited with it and with the user,
// never with what the client wrote in front of it. (The e2e limits spec runs the same requests through the
// real server for the budget; this reads the audit trail, on either database.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import { auditEvents, sessions, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";

const request = { forwardedFor: "", token: null as string | null };
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  headers: async () => new Headers({ "x-forwarded-for": request.forwardedFor, "user-agent": "vitest" }),
  cookies: async () => ({
    get: (name: string) => (name.endsWith("authjs.session-token") && request.token ? { name, value: request.token } : undefined),
    set: () => {},
    delete: () => {},
  }),
}));
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());
vi.mock("@/lib/http/base-url", () => ({ getBaseUrl: async () => "http://portal.test" }));
// Auth.js itself is not loaded: the actions and events under test do not need it.
vi.mock("@/lib/auth/auth", () => ({ signOut: async () => {} }));
// The link for a registered address is issued after the answer; unknown addresses get none anyway.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));

vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
vi.stubEnv("SIGN_IN_LIMIT_PER_IP", "3");
const { requestSignInLinkAction, signOutAction } = await import("@/app/sign-in/actions");
const { authEvents } = await import("./auth-events");

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
  vi.unstubAllEnvs();
});

async function idOf(email: string) {
  const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row.id;
}

describe("the client address in the audit trail, behind one trusted proxy", () => {
  it("refused sign-in requests carry the proxy's address, however the forged part rotates", async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) {
      request.forwardedFor = `198.51.100.${10 + i}, 203.0.113.7`;
      answers.push(await requestSignInLinkAction({ email: `nobody.${i}@example.org` }));
    }
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false]);
    const denied = await db.db
      .select({ ip: auditEvents.ip, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.signInLinkRequest"));
    expect(denied).toEqual([
      { ip: "203.0.113.7", outcome: "denied" },
      { ip: "203.0.113.7", outcome: "denied" },
    ]);
    expect(await db.db.select().from(auditEvents).where(like(auditEvents.ip, "198.51.100.%"))).toEqual([]);
  });

  it("a sign-in and the sign-out are audited with the user and the proxy's address", async () => {
    const userId = await idOf("focal.hn@example.org");
    request.forwardedFor = "198.51.100.99, 203.0.113.9";
    await authEvents.signIn!({ user: { id: userId, email: "focal.hn@example.org" }, account: null, isNewUser: false });
    request.token = "tok_client_address_audit";
    await db.db.insert(sessions).values({ sessionToken: request.token, userId, expires: new Date(Date.now() + 3_600_000) });
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });

    const events = await db.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, ip: auditEvents.ip })
      .from(auditEvents)
      .where(and(inArray(auditEvents.action, ["auth.signIn", "auth.signOut"]), eq(auditEvents.actorUserId, userId)))
      .orderBy(auditEvents.occurredAt);
    expect(events).toEqual([
      { action: "auth.signIn", actor: userId, ip: "203.0.113.9" },
      { action: "auth.signOut", actor: userId, ip: "203.0.113.9" },
    ]);
  });
});
