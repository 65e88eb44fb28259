import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { loadActiveUser, type CurrentUser } from "./queries";
import { hasPermission, type Permission } from "./policies";
import { NotFoundError } from "@/lib/errors";

export type { CurrentUser };

/**
 * The signed-in user with roles read from the database on every request (never from a token);
 * null when there is no session or the account is deactivated. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActiveUser(userId);
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
