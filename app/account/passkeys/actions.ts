"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { attempt } from "@/lib/forms/action-errors";
import { isUuid } from "@/lib/ids";
import { removePasskey } from "@/lib/passkeys/mutations";

/** Removes one of the signed-in user's own passkeys, while another remains. */
export async function removePasskeyAction(passkeyId: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(passkeyId)) notFound();
  const ctx = await getRequestContext();
  const outcome = await attempt(() => removePasskey(user, passkeyId, ctx));
  if (!outcome.ok) return outcome;
  redirect("/account/passkeys?notice=removed");
}
