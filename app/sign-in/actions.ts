"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { sessionCookieName, isSecureCookieMode } from "@/lib/auth/cookies";
import { createDemoSession, recordAuthEvent } from "@/lib/auth/mutations";
import { checkSignInRateLimit } from "@/lib/auth/rate-limit";
import { getRequestContext } from "@/lib/auth/request-context";
import { safeCallbackPath, signInSchema } from "@/lib/auth/schema";
import type { ActionResult } from "@/lib/errors";
import { NotFoundError } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { getI18n } from "@/lib/i18n/server";

/** Requests a sign-in link. Known and unknown addresses get the same answer; only known ones get mail. */
export async function requestSignInLinkAction(input: { email: string; callbackUrl?: string }): Promise<ActionResult> {
  const { t } = await getI18n();
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFromZod(parsed.error, t) };
  const { email } = parsed.data;
  const ctx = await getRequestContext();

  const limit = await checkSignInRateLimit(email, ctx.ip);
  if (!limit.allowed) {
    await recordAuthEvent("auth.signInLinkRequest", null, ctx, "denied", { reason: "rate_limited" });
    return { ok: false, formError: t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) };
  }

  try {
    await signIn("email", { email, redirect: false, redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
  } catch (error) {
    // AccessDenied: not a pre-provisioned active account. No token, no mail, the same screen.
    if (!(error instanceof AuthError && error.type === "AccessDenied")) throw error;
  }
  return { ok: true, data: undefined };
}

/** Demo mode only: one-click sign-in as a seeded demo account. */
export async function demoSignInAction(formData: FormData): Promise<void> {
  const userId = String(formData.get("userId") ?? "");
  let session;
  try {
    session = await createDemoSession(userId, await getRequestContext());
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const secure = isSecureCookieMode();
  (await cookies()).set(sessionCookieName(secure), session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: session.expires,
  });
  redirect("/");
}

/** Signs out: Auth.js deletes the session row and the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
