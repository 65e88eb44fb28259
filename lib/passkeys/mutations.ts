import "server-only";
// The sign-in ceremonies (start/finish registration and authentication) are steps of WebAuthn driven by
// the browser for the session's own signer, not form mutations: they keep their own shape (the session
// token, the challenge, denials audited as such). Only removePasskey, a form's action, is declared with
// the mutation kit.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { passkeys, sessions, users, webauthnChallenges } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { isSafeText } from "@/lib/forms/safe-text";
import type { RequestContext } from "@/lib/auth/request-context";
import { NotFoundError } from "@/lib/errors";
import { audit, defineMutation } from "@/lib/mutations/define";
import { recordId, refused } from "@/lib/mutations/parse";
import { getEnv } from "@/lib/config/env";
import { canRemovePasskey, challengeExpiry, checkConsumedChallenge, passkeyName, relyingPartyFrom } from "./rules";

export type { Signer };
export type PasskeyDenial = "challenge_missing" | "challenge_expired" | "unknown_credential" | "bad_response" | "second_factor_required";
export class PasskeyDeniedError extends Error {
  constructor(readonly reason: PasskeyDenial) {
    super(`passkey denied: ${reason}`);
    this.name = "PasskeyDeniedError";
  }
}

interface Signer {
  userId: string;
  email: string;
  name: string | null;
  sessionToken: string;
}

function relyingParty() {
  return relyingPartyFrom(getEnv().AUTH_URL || "http://localhost:3000");
}

async function issueChallenge(sessionToken: string, purpose: "register" | "authenticate", challenge: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // One open challenge per session and purpose: a new ceremony voids the previous one.
    await tx.delete(webauthnChallenges).where(and(eq(webauthnChallenges.sessionToken, sessionToken), eq(webauthnChallenges.purpose, purpose)));
    await tx.insert(webauthnChallenges).values({ sessionToken, purpose, challenge, expiresAt: challengeExpiry() });
  });
}

/** Deletes and returns the session's open challenge: a second use (a replay) finds none. */
async function consumeChallenge(sessionToken: string, purpose: "register" | "authenticate"): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.sessionToken, sessionToken), eq(webauthnChallenges.purpose, purpose)))
    .returning({ challenge: webauthnChallenges.challenge, expiresAt: webauthnChallenges.expiresAt });
  const check = checkConsumedChallenge(row ?? null);
  if (!check.ok) throw new PasskeyDeniedError(check.reason);
  return check.challenge;
}

async function auditCeremony(signer: Signer, action: string, ctx: Partial<RequestContext>, outcome: "success" | "denied", details?: Record<string, unknown>) {
  const db = await getDb();
  await recordAudit(db, { actorUserId: signer.userId, action, entityType: "user", entityId: signer.userId, outcome, ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null, details });
}

/**
 * A session may register a passkey once it has its second factor, or, still partial, only while the user
 * has none (the first enrolment after the e-mail link). Otherwise the e-mail link alone could add a
 * passkey and so pass the second factor.
 */
async function assertMayRegister(db: DbOrTx, signer: Signer): Promise<void> {
  const [session] = await db.select({ secondFactorAt: sessions.secondFactorAt }).from(sessions).where(eq(sessions.sessionToken, signer.sessionToken)).limit(1);
  if (session?.secondFactorAt) return;
  const [own] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, signer.userId)).limit(1);
  if (!session || own) throw new PasskeyDeniedError("second_factor_required");
}

/**
 * Registration options for the signed-in staff user's session: a complete one, or a partial one while the
 * user has no passkey yet. The user themself.
 */
export async function startPasskeyRegistration(signer: Signer, ctx: Partial<RequestContext> = {}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const db = await getDb();
  try {
    await assertMayRegister(db, signer);
  } catch (error) {
    if (error instanceof PasskeyDeniedError) await auditCeremony(signer, "auth.passkey.register", ctx, "denied", { reason: error.reason });
    throw error;
  }
  const existing = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, signer.userId));
  const { rpId } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: "Firearms Assistance Portal",
    rpID: rpId,
    userName: signer.email,
    userDisplayName: signer.name ?? signer.email,
    userID: new TextEncoder().encode(signer.userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  await issueChallenge(signer.sessionToken, "register", options.challenge);
  return options;
}

/**
 * Verifies a registration, stores the passkey and completes the session's second factor, in one
 * transaction with its audit event. Denials are audited and thrown as PasskeyDeniedError. The user themself.
 */
export async function finishPasskeyRegistration(signer: Signer, response: RegistrationResponseJSON, name: unknown, ctx: RequestContext): Promise<{ id: string }> {
  try {
    const expectedChallenge = await consumeChallenge(signer.sessionToken, "register");
    const { rpId, origin } = relyingParty();
    let verification;
    try {
      verification = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: origin, expectedRPID: rpId, requireUserVerification: true });
    } catch {
      throw new PasskeyDeniedError("bad_response");
    }
    if (!verification.verified) throw new PasskeyDeniedError("bad_response");
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    const db = await getDb();
    return await db.transaction(async (tx) => {
      // One registration at a time per user, so that two parallel first enrolments cannot both pass.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, signer.userId)).for("update");
      await assertMayRegister(tx, signer);
      const [created] = await tx
        .insert(passkeys)
        .values({
          userId: signer.userId,
          credentialId: credential.id,
          publicKey: isoBase64URL.fromBuffer(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          deviceType: credentialDeviceType,
          isBackedUp: credentialBackedUp,
          name: passkeyName(name, "Passkey"),
        })
        .onConflictDoNothing({ target: passkeys.credentialId })
        .returning({ id: passkeys.id });
      if (!created) throw new PasskeyDeniedError("bad_response");
      await tx.update(sessions).set({ secondFactorAt: sql`coalesce(${sessions.secondFactorAt}, now())` }).where(eq(sessions.sessionToken, signer.sessionToken));
      await recordAudit(tx, { actorUserId: signer.userId, action: "auth.passkey.register", entityType: "user", entityId: signer.userId, ip: ctx.ip, userAgent: ctx.userAgent, details: { passkeyId: created.id } });
      return created;
    });
  } catch (error) {
    if (error instanceof PasskeyDeniedError) await auditCeremony(signer, "auth.passkey.register", ctx, "denied", { reason: error.reason });
    throw error;
  }
}

/** Authentication options listing the user's passkeys, for a partial session. The user themself. */
export async function startPasskeyAuthentication(signer: Signer): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const db = await getDb();
  const own = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, signer.userId));
  const { rpId } = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID: rpId,
    userVerification: "required",
    allowCredentials: own.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransport[] })),
  });
  await issueChallenge(signer.sessionToken, "authenticate", options.challenge);
  return options;
}

/**
 * Verifies an assertion by one of the user's own passkeys (another user's credential is unknown), moves its
 * counter and completes the session's second factor, with its audit event. The user themself.
 */
export async function finishPasskeyAuthentication(signer: Signer, response: AuthenticationResponseJSON, ctx: RequestContext): Promise<void> {
  try {
    const expectedChallenge = await consumeChallenge(signer.sessionToken, "authenticate");
    // The id is the browser's: one PostgreSQL cannot even compare (a NUL, not text) is no credential of ours.
    const credentialId = typeof response?.id === "string" && isSafeText(response.id) ? response.id : null;
    if (!credentialId) throw new PasskeyDeniedError("unknown_credential");
    const db = await getDb();
    const [stored] = await db
      .select()
      .from(passkeys)
      .where(and(eq(passkeys.userId, signer.userId), eq(passkeys.credentialId, credentialId)))
      .limit(1);
    if (!stored) throw new PasskeyDeniedError("unknown_credential");
    const { rpId, origin } = relyingParty();
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: true,
        credential: {
          id: stored.credentialId,
          publicKey: isoBase64URL.toBuffer(stored.publicKey),
          counter: stored.counter,
          transports: stored.transports as AuthenticatorTransport[],
        },
      });
    } catch {
      throw new PasskeyDeniedError("bad_response");
    }
    if (!verification.verified) throw new PasskeyDeniedError("bad_response");
    await db.transaction(async (tx) => {
      await tx.update(passkeys).set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: sql`now()` }).where(eq(passkeys.id, stored.id));
      await tx.update(sessions).set({ secondFactorAt: sql`now()` }).where(eq(sessions.sessionToken, signer.sessionToken));
      await recordAudit(tx, { actorUserId: signer.userId, action: "auth.passkey.verify", entityType: "user", entityId: signer.userId, ip: ctx.ip, userAgent: ctx.userAgent, details: { passkeyId: stored.id } });
    });
  } catch (error) {
    if (error instanceof PasskeyDeniedError) await auditCeremony(signer, "auth.passkey.verify", ctx, "denied", { reason: error.reason });
    throw error;
  }
}

/**
 * Removes one of the signed-in user's own passkeys, only while another remains (decision 0016); another
 * user's passkey, or an unknown id, is not found. With its audit event. The user themself (staff, who
 * sign in with a passkey: passkeys.manage).
 */
export const removePasskey = defineMutation({
  permission: "passkeys.manage",
  input: z.strictObject({ passkeyId: recordId() }),
  run: async (tx, { actor, input: { passkeyId } }): Promise<void> => {
    const me = actor.user.id;
    // Serializes removals by the same user, so that two parallel removals cannot take the last two.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, me)).for("update");
    const own = await tx.select({ id: passkeys.id, name: passkeys.name }).from(passkeys).where(eq(passkeys.userId, me));
    const target = own.find((p) => p.id === passkeyId);
    if (!target) throw new NotFoundError("passkey");
    if (!canRemovePasskey(own.length)) throw refused("passkeys.errors.lastPasskey");
    await tx.delete(passkeys).where(and(eq(passkeys.id, target.id), eq(passkeys.userId, me)));
    await audit(tx, actor, {
      action: "auth.passkey.remove",
      entityType: "user",
      entityId: me,
      details: { passkeyId: target.id, name: target.name, remaining: own.length - 1 },
    });
  },
});
