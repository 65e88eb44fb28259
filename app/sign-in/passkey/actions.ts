"use server";

import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getSessionResolution } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { safeCallbackPath } from "@/lib/auth/schema";
import { needsSecondFactor } from "@/lib/auth/session-rules";
import type { ActionResult } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import {
  finishPasskeyAuthentication,
  finishPasskeyRegistration,
  PasskeyDeniedError,
  startPasskeyAuthentication,
  startPasskeyRegistration,
  type PasskeyDenial,
  type Signer,
} from "@/lib/passkeys/mutations";
import { passkeyNameSchema } from "@/lib/passkeys/schema";
import { invalidInput } from "@/lib/forms/action-errors";

const DENIAL_MESSAGES: Record<PasskeyDenial, MessageKey> = {
  challenge_missing: "passkeys.errors.expired",
  challenge_expired: "passkeys.errors.expired",
  unknown_credential: "passkeys.errors.denied",
  bad_response: "passkeys.errors.denied",
  second_factor_required: "passkeys.errors.notAllowed",
};

/** The staff session of this request (partial or complete) as the ceremonies' signer; anyone else: 404. */
async function currentSigner(): Promise<{ signer: Signer; isComplete: boolean }> {
  const session = await getSessionResolution();
  if ((session.status !== "partial" && session.status !== "active") || !session.token || !needsSecondFactor(session.user.roles)) notFound();
  const { user } = session;
  return { signer: { userId: user.id, email: user.email, name: user.name, sessionToken: session.token }, isComplete: session.status === "active" };
}

async function denied(error: unknown): Promise<Extract<ActionResult, { ok: false }>> {
  if (!(error instanceof PasskeyDeniedError)) throw error;
  const { t } = await getI18n();
  return { ok: false, formError: t(DENIAL_MESSAGES[error.reason]) };
}

/** Options for registering a passkey: the first one (partial session) or another one (complete session). */
export async function passkeyRegistrationOptionsAction(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  const { signer } = await currentSigner();
  try {
    return { ok: true, data: await startPasskeyRegistration(signer, await getRequestContext()) };
  } catch (error) {
    return denied(error);
  }
}

/** Where a completed sign-in continues: the page the user was going to, if it is a same-site path. */
function destination(callbackUrl: unknown): string {
  return safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null);
}

/**
 * Stores the new passkey; a first registration completes the sign-in and goes on to `callbackUrl` (home
 * by default), another one returns to the list.
 */
export async function registerPasskeyAction(response: unknown, values: unknown, callbackUrl?: unknown): Promise<ActionResult> {
  const { signer, isComplete } = await currentSigner();
  const parsed = passkeyNameSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const { t } = await getI18n();
  try {
    await finishPasskeyRegistration(signer, response as RegistrationResponseJSON, parsed.data.name || t("passkeys.name.fallback"), await getRequestContext());
  } catch (error) {
    return denied(error);
  }
  // The session is now signed in: the shared layout (the header) is rendered again with the user.
  if (!isComplete) revalidatePath("/", "layout");
  redirect(isComplete ? "/account/passkeys?notice=added" : destination(callbackUrl));
}

/** Options for confirming the sign-in with one of the user's passkeys (partial session). */
export async function passkeyAuthenticationOptionsAction(): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  const { signer } = await currentSigner();
  return { ok: true, data: await startPasskeyAuthentication(signer) };
}

/** Verifies the assertion; success completes the session and goes on to `callbackUrl` (home by default). */
export async function verifyPasskeyAction(response: unknown, callbackUrl?: unknown): Promise<ActionResult> {
  const { signer } = await currentSigner();
  try {
    await finishPasskeyAuthentication(signer, response as AuthenticationResponseJSON, await getRequestContext());
  } catch (error) {
    return denied(error);
  }
  revalidatePath("/", "layout");
  redirect(destination(callbackUrl));
}
