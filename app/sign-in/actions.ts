"use server";

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { sessionCookieName, isSecureCookieMode } from "@/lib/auth/cookies";
import { createDemoSession, endSession, recordAuthEvent } from "@/lib/auth/mutations";
import { checkSignInRateLimit } from "@/lib/auth/rate-limit";
import { getRequestContext } from "@/lib/auth/request-context";
import { issueSignInLink } from "@/lib/auth/sign-in-mail";
import { safeCallbackPath, signInSchema } from "@/lib/auth/schema";
import type { ActionResult } from "@/lib/errors";
import { NotFoundError } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { getBaseUrl } from "@/lib/http/base-url";
import { plural } from "@/lib/i18n/plural";
import { getI18n } from "@/lib/i18n/server";

/** Requests a sign-in link. Known, unknown and deactivated addresses get the same answer; only active accounts get mail. */
export async function requestSignInLinkAction(input: { email: string; callbackUrl?: string }): Promise<ActionResult> {
  const { t, locale } = await getI18n();
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFromZod(parsed.error, t) };
  const { email } = parsed.data;
  const ctx = await getRequestContext();

  const limit = await checkSignInRateLimit(email, ctx.ip);
  if (!limit.allowed) {
    await recordAuthEvent("auth.signInLinkRequest", null, ctx, "denied", { reason: "rate_limited" });
    return { ok: false, formError: plural(t, locale, "auth.signIn.rateLimited", Math.ceil(limit.retryAfterSeconds / 60)) };
  }

  // The answer must not tell whether the address has an account: the same bytes, no cookie, the same
  // work before answering. Looking the account up and issuing its link happen after the answer is sent.
  const link = { email, callbackPath: safeCallbackPath(parsed.data.callbackUrl), baseUrl: await getBaseUrl(), ctx };
  after(() => issueSignInLink(link).catch((error) => console.error("[sign-in] could not issue a sign-in link", error)));
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

/** Signs out (a complete or a partial session): the row is deleted, the event audited, the cookie removed. */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const secure = isSecureCookieMode();
  const token = jar.get(sessionCookieName(secure))?.value;
  if (token) await endSession(token, await getRequestContext());
  jar.delete({ name: sessionCookieName(secure), path: "/", secure, httpOnly: true, sameSite: "lax" });
  redirect("/sign-in");
}
