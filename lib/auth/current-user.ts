import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "./cookies";
import { resolveSession, type SessionResolution } from "./mutations";
import type { CurrentUser } from "./queries";
import { hasPermission, type Permission } from "./policies";
import { getRequestContext } from "./request-context";
import { NotFoundError } from "@/lib/errors";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { safeCallbackPath } from "./schema";

export type { CurrentUser };

/**
 * The session behind this request's cookie, with the lifetime and second-factor rules applied
 * (resolveSession: an expired session is deleted, last_seen_at moved at most once a minute). Cached per
 * request. It reads the Auth.js session row itself (rather than through auth(), which swallows database
 * errors as "no session"), so that a database outage shows the outage page instead of sign-in.
 */
export const getSessionResolution = cache(async (): Promise<SessionResolution & { token: string | null }> => {
  const token = (await cookies()).get(sessionCookieName())?.value ?? null;
  if (!token) return { status: "none", token };
  return { ...(await resolveSession(token, await getRequestContext())), token };
});

/**
 * The signed-in user with roles read from the database on every request (never from a token);
 * null when there is no session, it has expired, the account is deactivated, or the session still
 * waits for its second factor (a partial session sees no data). Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const resolution = await getSessionResolution();
  return resolution.status === "active" ? resolution.user : null;
});

/**
 * For pages and actions that need a session: visitors without one go to sign-in; a staff user who has
 * signed in by e-mail link but not yet with a passkey goes to the passkey step.
 */
export async function requireUser(): Promise<CurrentUser> {
  const resolution = await getSessionResolution();
  if (resolution.status === "active") return resolution.user;
  // Back to this page afterwards (the proxy names it; the sign-in pages keep only same-site paths).
  const back = safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER));
  const query = back === "/" ? "" : `?callbackUrl=${encodeURIComponent(back)}`;
  if (resolution.status === "partial") redirect(`/sign-in/passkey${query}`);
  redirect(`/sign-in${query}`);
}

/** For pages and actions behind a permission: without it the page does not exist (404). */
export async function requireUserWithPermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasPermission(user, permission)) throw new NotFoundError();
  return user;
}
