"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { removeRequestAttachment } from "@/lib/attachments/mutations";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";

type Failure = Extract<ActionResult, { ok: false }>;
const NOT_FOUND = Symbol("not-found");

/** Removes one file from a request the user files for; anything it may not touch is a 404. */
export async function removeAttachmentAction(requestId: unknown, attachmentId: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (typeof requestId !== "string" || typeof attachmentId !== "string") notFound();

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await removeRequestAttachment(user, requestId, attachmentId, await getRequestContext());
  } catch (error) {
    if (error instanceof NotFoundError) outcome = NOT_FOUND;
    else if (error instanceof ValidationError) {
      const { t } = await getI18n();
      outcome = {
        ok: false,
        formError: error.formError ? t(error.formError.key, error.formError.params) : t("common.errors.invalidInput"),
      };
    } else throw error;
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;

  revalidatePath(`/requests/${requestId}`);
  return { ok: true, data: undefined };
}
