"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { removeRequestAttachment } from "@/lib/attachments/mutations";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { attempt } from "@/lib/forms/action-errors";

/** Removes one file from a request the user files for; anything it may not touch is a 404. */
export async function removeAttachmentAction(requestId: unknown, attachmentId: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (typeof requestId !== "string" || typeof attachmentId !== "string") notFound();

  const outcome = await attempt(async () => removeRequestAttachment(user, requestId, attachmentId, await getRequestContext()));
  if (!outcome.ok) return outcome;

  revalidatePath(`/requests/${requestId}`);
  return { ok: true, data: undefined };
}
