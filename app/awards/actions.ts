"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { approveAward, createAward, type MutationContext } from "@/lib/awards/mutations";
import { createAwardSchema } from "@/lib/awards/schema";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUuid, isVersion } from "@/lib/ids";
import { getI18n } from "@/lib/i18n/server";

type Failure = Extract<ActionResult, { ok: false }>;
const NOT_FOUND = Symbol("not-found");

/** Turns a known domain error into the form's result, translated; anything else is a real error. */
async function failureFrom(error: unknown): Promise<Failure | typeof NOT_FOUND> {
  if (error instanceof NotFoundError) return NOT_FOUND;
  const { t } = await getI18n();
  if (error instanceof ValidationError) {
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, e]) => [field, t(e.key, e.params)]));
    const formError = error.formError
      ? t(error.formError.key, error.formError.params)
      : Object.keys(fieldErrors).length > 0
        ? t("common.errors.invalidInput")
        : undefined;
    return { ok: false, formError, fieldErrors };
  }
  if (error instanceof ConflictError) return { ok: false, formError: t("awards.errors.conflict") };
  throw error;
}

async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

/** Creates an award from an approved request (the mutation checks who and what again). Program officers. */
export async function createAwardAction(values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = createAwardSchema.safeParse(values);
  if (!parsed.success) {
    const { t } = await getI18n();
    return { ok: false, formError: t("common.errors.invalidInput"), fieldErrors: fieldErrorsFromZod(parsed.error, t) };
  }

  let outcome: { id: string; status: string } | Failure | typeof NOT_FOUND;
  try {
    // The mutation parses the raw values itself with the same schema: it never trusts its caller.
    outcome = await createAward(user, values, await mutationContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if ("ok" in outcome) return outcome;

  revalidatePath("/awards", "layout");
  revalidatePath("/requests", "layout");
  revalidatePath("/programs");
  redirect(`/awards/${encodeURIComponent(outcome.id)}?notice=${outcome.status === "active" ? "created" : "createdPending"}`);
}

/** The second approval of an award, on the version the page showed. Approvers (segregation of duties applies). */
export async function approveAwardAction(awardId: unknown, expectedVersion: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(awardId)) notFound();
  if (!isVersion(expectedVersion)) {
    const { t } = await getI18n();
    return { ok: false, formError: t("awards.errors.version") };
  }

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await approveAward(user, awardId, expectedVersion, await mutationContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;

  revalidatePath("/awards", "layout");
  revalidatePath("/approvals");
  revalidatePath("/programs");
  redirect(`/awards/${encodeURIComponent(awardId)}?notice=approved`);
}
