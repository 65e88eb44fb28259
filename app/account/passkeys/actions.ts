"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { removePasskey } from "@/lib/passkeys/mutations";

/** Removes one of the signed-in user's own passkeys, while another remains. */
export const removePasskeyAction = serverAction(removePasskey, () => redirect("/account/passkeys?notice=removed"));
