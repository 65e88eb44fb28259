"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { attempt, type ActionFailure } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { getI18n } from "@/lib/i18n/server";
import { isUuid, isVersion } from "@/lib/ids";
import { createRequest, saveRequest, withdrawRequest, type MutationContext } from "@/lib/requests/mutations";

// The content itself is parsed by the mutation with the same zod schema the form uses; these
// actions only check the shape of the ids and options, which come from the client too.

function optionsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

async function invalidOptions(): Promise<ActionFailure> {
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

  const outcome = await attempt(() => createRequest(user, values, { submit: submit === true, creationKey }, ctx));
  if (!outcome.ok) return outcome;
  done(outcome.value.id, outcome.value.status === "submitted" ? "submitted" : "saved");
}

/** Saves a draft (or a request with changes requested), optionally submitting it, on the version the form opened. */
export async function saveRequestAction(requestId: unknown, values: unknown, options: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const { submit, expectedVersion } = optionsOf(options);
  if (!isVersion(expectedVersion)) return invalidOptions();
  const ctx = await mutationContext();

  const outcome = await attempt(() => saveRequest(user, requestId, values, { submit: submit === true, expectedVersion }, ctx));
  if (!outcome.ok) return outcome;
  done(outcome.value.id, outcome.value.status === "submitted" && submit === true ? "submitted" : "saved");
}

/** Withdraws a draft or a submitted request, on the version the page showed. */
export async function withdrawRequestAction(requestId: unknown, expectedVersion: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  if (!isVersion(expectedVersion)) return invalidOptions();
  const ctx = await mutationContext();

  const outcome = await attempt(() => withdrawRequest(user, requestId, expectedVersion, ctx));
  if (!outcome.ok) return outcome;
  done(requestId, "withdrawn");
}
