"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { deactivateUser, inviteUser, reactivateUser, resetUserPasskeys, updateUser } from "@/lib/users/mutations";

// Administrators (users.manage): each mutation parses its input and checks who may act; after success
// the user's page opens with a notice.

function toUserPage(userId: string, notice: "invited" | "updated" | "deactivated" | "reactivated" | "passkeysReset"): never {
  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=${notice}`);
}

export const inviteUserAction = serverAction(inviteUser, ({ id }) => toUserPage(id, "invited"));

export const updateUserAction = serverAction(updateUser, (_result, { userId }) => toUserPage(userId, "updated"));

export const deactivateUserAction = serverAction(deactivateUser, (_result, { userId }) => toUserPage(userId, "deactivated"));

export const reactivateUserAction = serverAction(reactivateUser, (_result, { userId }) => toUserPage(userId, "reactivated"));

/** Resets a user's lost passkeys: removes them, ends the user's sessions and mails the user. */
export const resetUserPasskeysAction = serverAction(resetUserPasskeys, (_result, { userId }) => toUserPage(userId, "passkeysReset"));
