import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "./cookies";
import { loadActiveUserBySession, type CurrentUser } from "./queries";
import { hasPermission, type Permission } from "./policies";
import { NotFoundError } from "@/lib/errors";

export type { CurrentUser };

/**
 * The signed-in user with roles read from the database on every request (never from a token);
 * null when there is no session, it has expired, or the account is deactivated. Cached per request.
 * It reads the Auth.js session row itself (rather than through auth(), which swallows database
 * errors as "no session"), so that a database outage shows the outage page instead of sign-in.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  return loadActiveUserBySession(token);
});

/** For pages and actions that need a session: visitors without one go to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages and actions behind a permission: without it the page does not exist (404). */
export async function requireUserWithPermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasPermission(user, permission)) throw new NotFoundError();
  return user;
}
