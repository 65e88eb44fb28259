// Managing passkeys on a real database (decision 0016): who may register one, removing one while another
// remains, and an administrator's reset of a lost one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, outbox, passkeys, sessions, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { renderStoredMail } from "@/lib/email/render";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { resetUserPasskeys } from "@/lib/users/mutations";
import { createTestDb, type TestDb } from "@/test/db";
import { SoftwareAuthenticator } from "@/test/software-authenticator";
import { finishPasskeyRegistration, PasskeyDeniedError, removePasskey, startPasskeyRegistration } from "./mutations";
import { listOwnPasskeys } from "./queries";

process.env.AUTH_URL = "http://localhost:3700";
const ctx = { ip: "203.0.113.41", userAgent: "vitest" };
const baseUrl = "http://localhost:3700";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});

async function userByEmail(email: string): Promise<CurrentUser> {
  const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActiveUser(row.id))!;
}

async function newSession(userId: string, complete = false): Promise<string> {
  const token = `tok_${Math.random().toString(36).slice(2)}`;
  await db.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000), secondFactorAt: complete ? new Date() : null });
  return token;
}

/** Stores passkeys for a user directly (the ceremony itself is tested in passkeys.int.test.ts). */
async function givePasskeys(userId: string, names: string[]): Promise<string[]> {
  const rows = await db.db
    .insert(passkeys)
    .values(names.map((name) => ({ userId, name, credentialId: `cred_${Math.random().toString(36).slice(2)}`, publicKey: "pk", deviceType: "singleDevice" })))
    .returning({ id: passkeys.id });
  return rows.map((r) => r.id);
}

async function passkeyIds(userId: string) {
  return (await db.db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId))).map((r) => r.id).sort();
}

describe("registering", () => {
  it("the e-mail link alone cannot add a passkey once the user has one (that would skip the second factor)", async () => {
    const approver = await userByEmail("approver@example.org");
    await givePasskeys(approver.id, ["Laptop"]);
    const signer = { userId: approver.id, email: approver.email, name: approver.name, sessionToken: await newSession(approver.id) };
    await expect(startPasskeyRegistration(signer, ctx)).rejects.toMatchObject({ reason: "second_factor_required" });

    // Nor by finishing a ceremony begun in a complete session, from a partial one.
    const complete = { ...signer, sessionToken: await newSession(approver.id, true) };
    const authenticator = new SoftwareAuthenticator(baseUrl);
    const response = authenticator.register(await startPasskeyRegistration(complete, ctx));
    await db.db.update(sessions).set({ secondFactorAt: null }).where(eq(sessions.sessionToken, complete.sessionToken));
    await expect(finishPasskeyRegistration(complete, response, "Sneaky", ctx)).rejects.toBeInstanceOf(PasskeyDeniedError);
    expect(await listOwnPasskeys(approver)).toHaveLength(1);
    const [session] = await db.db.select({ at: sessions.secondFactorAt }).from(sessions).where(eq(sessions.sessionToken, complete.sessionToken));
    expect(session.at).toBeNull();

    const denials = await db.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.passkey.register"), eq(auditEvents.outcome, "denied"), eq(auditEvents.actorUserId, approver.id)));
    expect(denials.length).toBe(2);
    expect(denials.every((d) => d.ip === ctx.ip)).toBe(true);
  });

  it("a complete session adds a second passkey", async () => {
    const approver = await userByEmail("approver@example.org");
    const signer = { userId: approver.id, email: approver.email, name: approver.name, sessionToken: await newSession(approver.id, true) };
    const authenticator = new SoftwareAuthenticator(baseUrl);
    await finishPasskeyRegistration(signer, authenticator.register(await startPasskeyRegistration(signer, ctx)), "Security key", ctx);
    expect((await listOwnPasskeys(approver)).map((p) => p.name)).toEqual(["Laptop", "Security key"]);
  });
});

describe("removing a passkey", () => {
  it("removes one of two, audited; the last one is refused and stays", async () => {
    const officer = await userByEmail("officer@example.org");
    const [first, second] = await givePasskeys(officer.id, ["Office laptop", "Blue key"]);
    await removePasskey(officer, { passkeyId: first }, { ...ctx, baseUrl });
    expect(await passkeyIds(officer.id)).toEqual([second]);
    const [event] = await db.db
      .select({ actor: auditEvents.actorUserId, ip: auditEvents.ip, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.passkey.remove"));
    expect(event).toMatchObject({ actor: officer.id, ip: ctx.ip, details: { passkeyId: first, remaining: 1 } });

    await expect(removePasskey(officer, { passkeyId: second }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(ValidationError);
    expect(await passkeyIds(officer.id)).toEqual([second]);
  });

  it("parallel removals of the last two: exactly one succeeds, every time", async () => {
    const admin = await userByEmail("admin@example.org");
    for (let round = 0; round < 15; round++) {
      await db.db.delete(passkeys).where(eq(passkeys.userId, admin.id));
      const ids = await givePasskeys(admin.id, ["A", "B"]);
      const results = await Promise.allSettled([...ids, ...ids].map((id) => removePasskey(admin, { passkeyId: id }, { ...ctx, baseUrl })));
      expect(results.filter((r) => r.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      expect(await passkeyIds(admin.id)).toHaveLength(1);
    }
  });

  it("another user's passkey, an unknown id, or a user whose roles need none: not found, nothing changed", async () => {
    const officer = await userByEmail("officer@example.org");
    const approver = await userByEmail("approver@example.org");
    const before = await passkeyIds(approver.id);
    await expect(removePasskey(officer, { passkeyId: before[0] }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removePasskey(officer, { passkeyId: "00000000-0000-4000-8000-000000000000" }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(NotFoundError);
    const reviewer = await userByEmail("reviewer@example.org");
    const [own] = await givePasskeys(reviewer.id, ["x", "y"]);
    await expect(removePasskey(reviewer, { passkeyId: own }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(NotFoundError);
    expect(await passkeyIds(approver.id)).toEqual(before);
    expect(await passkeyIds(reviewer.id)).toHaveLength(2);
  });
});

describe("an administrator resets a user's passkeys", () => {
  it("removes them and all the user's sessions, audited with the admin and the address, and mails the user in their language", async () => {
    const admin = await userByEmail("admin@example.org");
    const officer = await userByEmail("officer@example.org");
    await givePasskeys(officer.id, ["Spare"]);
    const [a, b] = [await newSession(officer.id, true), await newSession(officer.id)];
    const otherSession = await newSession(admin.id, true);

    const result = await resetUserPasskeys(admin, { userId: officer.id }, { ...ctx, baseUrl });
    expect(result.passkeysRemoved).toBe(2);
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect(await passkeyIds(officer.id)).toEqual([]);
    const left = await db.db.select({ t: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, officer.id));
    expect(left).toEqual([]);
    expect(left.map((s) => s.t)).not.toContain(a);
    expect(left.map((s) => s.t)).not.toContain(b);
    expect((await db.db.select().from(sessions).where(eq(sessions.sessionToken, otherSession))).length).toBe(1);

    const [event] = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "user.passkeysReset"));
    expect(event).toMatchObject({ actorUserId: admin.id, entityId: officer.id, ip: ctx.ip, details: { passkeysRemoved: 2 } });

    const [mail] = await db.db.select().from(outbox).where(and(eq(outbox.template, "passkeys-reset"), eq(outbox.toEmail, officer.email)));
    expect(mail.locale).toBe("en");
    const rendered = await renderStoredMail(mail.template, mail.locale, mail.payload);
    expect(rendered.subject).toBe("Your passkeys for the Firearms Assistance Portal were reset");
    expect(rendered.text).toContain("Paula Ortiz, an administrator of the portal, removed the passkeys");
    expect(rendered.text).toContain(`${baseUrl}/sign-in`);
    const es = await renderStoredMail(mail.template, "es", mail.payload);
    expect(es.subject).toBe("Se restablecieron sus llaves de acceso al Portal de Asistencia sobre Armas de Fuego");
  });

  it("is refused to non-administrators, on one's own account, and when there is nothing to reset, with nothing changed", async () => {
    const admin = await userByEmail("admin@example.org");
    const officer = await userByEmail("officer@example.org");
    const approver = await userByEmail("approver@example.org");
    const before = await passkeyIds(approver.id);
    const mailsBefore = (await db.db.select().from(outbox).where(eq(outbox.template, "passkeys-reset"))).length;
    await expect(resetUserPasskeys(officer, { userId: approver.id }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetUserPasskeys(admin, { userId: admin.id }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(ValidationError);
    await expect(resetUserPasskeys(admin, { userId: officer.id }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(ConflictError);
    await expect(resetUserPasskeys(admin, { userId: "no-such-user" }, { ...ctx, baseUrl })).rejects.toBeInstanceOf(NotFoundError);
    expect(await passkeyIds(approver.id)).toEqual(before);
    expect((await db.db.select().from(outbox).where(eq(outbox.template, "passkeys-reset"))).length).toBe(mailsBefore);
  });
});
