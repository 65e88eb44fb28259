"use server";

import { revalidatePath } from "next/cache";
import type { ZodError } from "zod";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { getRequestContext } from "@/lib/auth/request-context";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { getBaseUrl } from "@/lib/http/base-url";
import { getI18n } from "@/lib/i18n/server";
import { isUserId } from "@/lib/ids";
import type { MessageKey } from "@/lib/i18n/translate";
import { deactivateUser, inviteUser, reactivateUser, updateUser } from "@/lib/users/mutations";
import { inviteUserSchema, updateUserSchema } from "@/lib/users/schema";

type Failure = Extract<ActionResult, { ok: false }>;
const NOT_FOUND = Symbol("not-found");

/** Who may call these actions: administrators; for anyone else the page does not exist. */
async function requireAdminActor() {
  const actor = await requireUser();
  if (!hasPermission(actor, "users.manage")) notFound();
  return actor;
}

/** Turns a known domain error into the form's result, translated; anything else is a real error. */
async function failureFrom(error: unknown, conflictKey: MessageKey): Promise<Failure | typeof NOT_FOUND> {
  if (error instanceof NotFoundError) return NOT_FOUND;
  const { t } = await getI18n();
  if (error instanceof ValidationError) {
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, e]) => [field, t(e.key, e.params)]),
    );
    const formError = error.formError
      ? t(error.formError.key, error.formError.params)
      : Object.keys(fieldErrors).length > 0
        ? t("common.errors.invalidInput")
        : undefined;
    return { ok: false, formError, fieldErrors };
  }
  if (error instanceof ConflictError) return { ok: false, formError: t(conflictKey) };
  throw error;
}

async function invalidInput(error: ZodError): Promise<Failure> {
  const { t } = await getI18n();
  return { ok: false, formError: t("common.errors.invalidInput"), fieldErrors: fieldErrorsFromZod(error, t) };
}

export async function inviteUserAction(values: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  const parsed = inviteUserSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: { id: string } | Failure | typeof NOT_FOUND;
  try {
    outcome = await inviteUser(actor, parsed.data, { ...(await getRequestContext()), baseUrl: await getBaseUrl() });
  } catch (error) {
    outcome = await failureFrom(error, "admin.errors.conflict");
  }
  if (outcome === NOT_FOUND) notFound();
  if ("ok" in outcome) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(outcome.id)}?notice=invited`);
}

export async function updateUserAction(userId: unknown, values: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();
  const parsed = updateUserSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await updateUser(actor, userId, parsed.data, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error, "admin.errors.conflict");
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=updated`);
}

export async function deactivateUserAction(userId: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await deactivateUser(actor, userId, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error, "admin.errors.alreadyInactive");
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=deactivated`);
}

export async function reactivateUserAction(userId: unknown): Promise<ActionResult> {
  const actor = await requireAdminActor();
  if (!isUserId(userId)) notFound();

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await reactivateUser(actor, userId, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error, "admin.errors.alreadyActive");
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;

  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=reactivated`);
}
