"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { attempt, invalidInput } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUserId } from "@/lib/ids";
import { deactivateUser, inviteUser, reactivateUser, resetUserPasskeys, updateUser } from "@/lib/users/mutations";
import { inviteUserSchema, updateUserSchema } from "@/lib/users/schema";

/** Who may call these actions: administrators; for anyone else the page does not exist. */
async function requireAdminActor() {
  const actor = await requireUser();
  if (!hasPermission(actor, "users.manage")) notFound();
  return actor;
}

export async function inviteUserAction(values: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  const parsed = inviteUserSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  const outcome = await attempt(async () => inviteUser(actor, parsed.data, { ...(await getRequestContext()), baseUrl: await getBaseUrl() }));
  if (!outcome.ok) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(outcome.value.id)}?notice=invited`);
}

export async function updateUserAction(userId: unknown, values: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();
  const parsed = updateUserSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  const outcome = await attempt(async () => updateUser(actor, userId, parsed.data, await getRequestContext()));
  if (!outcome.ok) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=updated`);
}

export async function deactivateUserAction(userId: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();

  const outcome = await attempt(async () => deactivateUser(actor, userId, await getRequestContext()));
  if (!outcome.ok) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=deactivated`);
}

export async function reactivateUserAction(userId: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();

  const outcome = await attempt(async () => reactivateUser(actor, userId, await getRequestContext()));
  if (!outcome.ok) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=reactivated`);
}

/** Resets a user's lost passkeys: removes them, ends the user's sessions and mails the user. */
export async function resetUserPasskeysAction(userId: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();

  const outcome = await attempt(async () => resetUserPasskeys(actor, userId, { ...(await getRequestContext()), baseUrl: await getBaseUrl() }));
  if (!outcome.ok) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=passkeysReset`);
}
