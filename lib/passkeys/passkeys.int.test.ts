import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvents, passkeys, sessions, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { SoftwareAuthenticator } from "@/test/software-authenticator";
import { finishPasskeyAuthentication, finishPasskeyRegistration, PasskeyDeniedError, startPasskeyAuthentication, startPasskeyRegistration } from "./mutations";

process.env.AUTH_URL = "http://localhost:3700";
const ctx = { ip: "203.0.113.9", userAgent: "vitest" };

let db: TestDb;
let officer: { userId: string; email: string; name: string | null; sessionToken: string };
beforeAll(async () => {
  db = await createTestDb();
  const [u] = await db.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, "officer@example.org"));
  officer = { userId: u.id, email: u.email, name: u.name, sessionToken: await newSession(u.id) };
});
afterAll(async () => {
  await db.drop();
});

async function newSession(userId: string): Promise<string> {
  const token = `tok_${Math.random().toString(36).slice(2)}`;
  await db.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) });
  return token;
}

async function secondFactorAt(token: string) {
  const [row] = await db.db.select({ at: sessions.secondFactorAt }).from(sessions).where(eq(sessions.sessionToken, token));
  return row.at;
}

async function denials(reason: string) {
  const rows = await db.db
    .select({ ip: auditEvents.ip, actor: auditEvents.actorUserId })
    .from(auditEvents)
    .where(and(eq(auditEvents.outcome, "denied"), sql`${auditEvents.details}->>'reason' = ${reason}`));
  return rows;
}

const authenticator = new SoftwareAuthenticator("http://localhost:3700");

describe("passkey ceremonies on a real database", () => {
  it("registers a passkey, which completes the session's second factor", async () => {
    expect(await secondFactorAt(officer.sessionToken)).toBeNull();
    const options = await startPasskeyRegistration(officer);
    expect(options.rp.id).toBe("localhost");
    await finishPasskeyRegistration(officer, authenticator.register(options), " Work laptop ", ctx);
    expect(await secondFactorAt(officer.sessionToken)).toBeInstanceOf(Date);
    const stored = await db.db.select().from(passkeys).where(eq(passkeys.userId, officer.userId));
    expect(stored).toMatchObject([{ credentialId: authenticator.id, name: "Work laptop" }]);
  });

  it("verifies the passkey in a new e-mail-link session and moves its counter", async () => {
    const signer = { ...officer, sessionToken: await newSession(officer.userId) };
    const options = await startPasskeyAuthentication(signer);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    await finishPasskeyAuthentication(signer, authenticator.assert(options), ctx);
    expect(await secondFactorAt(signer.sessionToken)).toBeInstanceOf(Date);
    const [row] = await db.db.select({ counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt }).from(passkeys).where(eq(passkeys.userId, officer.userId));
    expect(row.counter).toBe(authenticator.counter);
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a replayed assertion (its challenge was used), audited with the client address", async () => {
    const signer = { ...officer, sessionToken: await newSession(officer.userId) };
    const response = authenticator.assert(await startPasskeyAuthentication(signer));
    await finishPasskeyAuthentication(signer, response, ctx);
    await expect(finishPasskeyAuthentication(signer, response, ctx)).rejects.toThrow(PasskeyDeniedError);
    expect(await denials("challenge_missing")).toContainEqual({ ip: ctx.ip, actor: officer.userId });
  });

  it("refuses an expired challenge and leaves the session partial", async () => {
    const signer = { ...officer, sessionToken: await newSession(officer.userId) };
    const options = await startPasskeyAuthentication(signer);
    await db.db.execute(sql`UPDATE webauthn_challenges SET expires_at = now() - interval '1 second' WHERE session_token = ${signer.sessionToken}`);
    await expect(finishPasskeyAuthentication(signer, authenticator.assert(options), ctx)).rejects.toMatchObject({ reason: "challenge_expired" });
    expect(await secondFactorAt(signer.sessionToken)).toBeNull();
  });

  it("refuses a credential the user does not own, and an assertion for another origin", async () => {
    const signer = { ...officer, sessionToken: await newSession(officer.userId) };
    const stranger = new SoftwareAuthenticator("http://localhost:3700");
    await expect(finishPasskeyAuthentication(signer, stranger.assert(await startPasskeyAuthentication(signer)), ctx)).rejects.toMatchObject({ reason: "unknown_credential" });
    const phished = authenticator.assert(await startPasskeyAuthentication(signer), { origin: "https://evil.example" });
    await expect(finishPasskeyAuthentication(signer, phished, ctx)).rejects.toMatchObject({ reason: "bad_response" });
    expect(await secondFactorAt(signer.sessionToken)).toBeNull();
    expect((await denials("unknown_credential")).length).toBeGreaterThan(0);
  });

  it("a challenge belongs to its session: another session cannot use it", async () => {
    const a = { ...officer, sessionToken: await newSession(officer.userId) };
    const b = { ...officer, sessionToken: await newSession(officer.userId) };
    const response = authenticator.assert(await startPasskeyAuthentication(a));
    await expect(finishPasskeyAuthentication(b, response, ctx)).rejects.toMatchObject({ reason: "challenge_missing" });
  });
});
