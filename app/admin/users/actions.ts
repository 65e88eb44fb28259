"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { deactivateUser, inviteUser, reactivateUser, resetUserPasskeys, updateUser } from "@/lib/users/mutations";

// Administrators (users.manage): each mutation parses its input and checks who may act; after success
// the user's page opens with a notice.

type Notice = "invited" | "updated" | "deactivated" | "reactivated" | "passkeysReset";

function toUserPage(notice: Notice) {
  return (_result: unknown, input: { userId: string }): never => {
    revalidatePath("/admin/users", "layout");
    redirect(`/admin/users/${encodeURIComponent(input.userId)}?notice=${notice}`);
  };
}

export const inviteUserAction = serverAction(inviteUser, (created) => toUserPage("invited")(created, { userId: created.id }));

export const updateUserAction = serverAction(updateUser, toUserPage("updated"));

export const deactivateUserAction = serverAction(deactivateUser, toUserPage("deactivated"));

export const reactivateUserAction = serverAction(reactivateUser, toUserPage("reactivated"));

/** Resets a user's lost passkeys: removes them, ends the user's sessions and mails the user. */
export const resetUserPasskeysAction = serverAction(resetUserPasskeys, toUserPage("passkeysReset"));
