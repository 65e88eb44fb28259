"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { ZodError } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { addComment } from "@/lib/comments/mutations";
import { addCommentSchema } from "@/lib/comments/schema";
import { decideRequest } from "@/lib/decisions/mutations";
import { decideRequestSchema, type Decision } from "@/lib/decisions/schema";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { getBaseUrl } from "@/lib/http/base-url";
import { getI18n } from "@/lib/i18n/server";
import { isUuid } from "@/lib/ids";
import type { MutationContext } from "@/lib/requests/mutations";
import { completeScreening, startScreening } from "@/lib/screening/mutations";
import { completeScreeningSchema, startScreeningSchema, type ScreeningOutcome } from "@/lib/screening/schema";
import type { OfficerNotice } from "@/components/officer/notices";

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
  if (error instanceof ConflictError) return { ok: false, formError: t("requests.errors.conflict") };
  throw error;
}

async function invalidInput(error: ZodError): Promise<Failure> {
  const { t } = await getI18n();
  return { ok: false, formError: t("common.errors.invalidInput"), fieldErrors: fieldErrorsFromZod(error, t) };
}

async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

/** Back to the request, showing what happened (the page shows `notice` with OfficerNoticeBanner). */
function done(requestId: string, notice: OfficerNotice): never {
  revalidatePath("/requests", "layout");
  redirect(`/requests/${encodeURIComponent(requestId)}?notice=${notice}`);
}

/** Runs a mutation and maps its known errors; NotFoundError becomes the 404 page. */
async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | Failure> {
  let outcome: { ok: true; value: T } | Failure | typeof NOT_FOUND;
  try {
    outcome = { ok: true, value: await run() };
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  return outcome;
}

/** Takes a submitted request into screening, on the version the page showed. Program officers. */
export async function startScreeningAction(requestId: unknown, expectedVersion: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = startScreeningSchema.safeParse({ expectedVersion });
  if (!parsed.success) return invalidInput(parsed.error);
  const ctx = await mutationContext();
  const result = await attempt(() => startScreening(user, requestId, parsed.data.expectedVersion, ctx));
  if (!result.ok) return result;
  done(requestId, "screeningStarted");
}

const SCREENING_NOTICES: Record<ScreeningOutcome, OfficerNotice> = {
  send_to_review: "sentToReview",
  request_changes: "changesRequested",
  reject: "rejected",
};

/** Records a screening and its outcome (send to review, request changes, reject). Program officers. */
export async function completeScreeningAction(requestId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = completeScreeningSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const ctx = await mutationContext();
  const result = await attempt(() => completeScreening(user, requestId, parsed.data, ctx));
  if (!result.ok) return result;
  done(requestId, SCREENING_NOTICES[parsed.data.outcome]);
}

const DECISION_NOTICES: Record<Decision, OfficerNotice> = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changesRequested",
};

/** Decides on a request in review, with the memo the state receives as a letter. Program officers. */
export async function decideRequestAction(requestId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = decideRequestSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const ctx = await mutationContext();
  const result = await attempt(() => decideRequest(user, requestId, parsed.data, ctx));
  if (!result.ok) return result;
  done(requestId, DECISION_NOTICES[parsed.data.decision]);
}

/**
 * Adds a comment (internal or shared, as this user may). Stays on the page: the list refreshes and
 * the form clears. Officers, assigned reviewers, the request's focal points.
 */
export async function addCommentAction(requestId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = addCommentSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await attempt(async () => addComment(user, requestId, parsed.data, await getRequestContext()));
  if (!result.ok) return result;
  revalidatePath(`/requests/${requestId}`);
  return { ok: true, data: undefined };
}
