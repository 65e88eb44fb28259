"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { getI18n } from "@/lib/i18n/server";
import { isUuid, isVersion } from "@/lib/ids";
import { createRequest, saveRequest, withdrawRequest, type MutationContext } from "@/lib/requests/mutations";

type Failure = Extract<ActionResult, { ok: false }>;
const NOT_FOUND = Symbol("not-found");

// The content itself is parsed by the mutation with the same zod schema the form uses; these
// actions only check the shape of the ids and options, which come from the client too.
function optionsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

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
  if (error instanceof ConflictError) return { ok: false, formError: t("requests.errors.conflict") };
  throw error;
}

async function invalidOptions(): Promise<Failure> {
  const { t } = await getI18n();
  return { ok: false, formError: t("common.errors.invalidInput") };
}

async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

function done(id: string, notice: "saved" | "submitted" | "withdrawn"): never {
  revalidatePath("/requests", "layout");
  redirect(`/requests/${encodeURIComponent(id)}?notice=${notice}`);
}

/**
 * Creates a request for the focal point's country, as a draft or submitted. The form generates
 * `creationKey` once, so a double click or a retried POST yields one request.
 */
export async function createRequestAction(values: unknown, options: unknown): Promise<ActionResult> {
  const user = await requireUser();
  const { submit, creationKey } = optionsOf(options);
  if (!isUuid(creationKey)) return invalidOptions();
  const ctx = await mutationContext();

  let outcome: { id: string; status: string } | Failure | typeof NOT_FOUND;
  try {
    outcome = await createRequest(user, values, { submit: submit === true, creationKey }, ctx);
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if ("ok" in outcome) return outcome;
  done(outcome.id, outcome.status === "submitted" ? "submitted" : "saved");
}

/** Saves a draft (or a request with changes requested), optionally submitting it, on the version the form opened. */
export async function saveRequestAction(requestId: unknown, values: unknown, options: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const { submit, expectedVersion } = optionsOf(options);
  if (!isVersion(expectedVersion)) return invalidOptions();
  const ctx = await mutationContext();

  let outcome: { id: string; status: string } | Failure | typeof NOT_FOUND;
  try {
    outcome = await saveRequest(user, requestId, values, { submit: submit === true, expectedVersion }, ctx);
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if ("ok" in outcome) return outcome;
  done(outcome.id, outcome.status === "submitted" && submit === true ? "submitted" : "saved");
}

/** Withdraws a draft or a submitted request, on the version the page showed. */
export async function withdrawRequestAction(requestId: unknown, expectedVersion: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  if (!isVersion(expectedVersion)) return invalidOptions();
  const ctx = await mutationContext();

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await withdrawRequest(user, requestId, expectedVersion, ctx);
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;
  done(requestId, "withdrawn");
}
