"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { ZodError } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { fieldErrorsFromZod } from "@/lib/forms/zod";
import { getBaseUrl } from "@/lib/http/base-url";
import { getI18n } from "@/lib/i18n/server";
import { isUuid } from "@/lib/ids";
import { assignReviewers, declareConflict, submitReview } from "@/lib/reviews/mutations";
import { assignReviewersSchema, declareConflictSchema, submitReviewSchema } from "@/lib/reviews/schema";

type Failure = Extract<ActionResult, { ok: false }>;
const NOT_FOUND = Symbol("not-found");

export interface AssignReviewersOutcome {
  assigned: number;
  recused: number;
  skipped: number;
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

async function invalidInput(error: ZodError): Promise<Failure> {
  const { t } = await getI18n();
  return { ok: false, formError: t("common.errors.invalidInput"), fieldErrors: fieldErrorsFromZod(error, t) };
}

/** Assigns reviewers to a request (program officers); the panel shows the outcome and refreshes. */
export async function assignReviewersAction(requestId: unknown, values: unknown): Promise<ActionResult<AssignReviewersOutcome>> {
  const user = await requireUser();
  if (!isUuid(requestId)) notFound();
  const parsed = assignReviewersSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: AssignReviewersOutcome | Failure | typeof NOT_FOUND;
  try {
    const result = await assignReviewers(user, requestId, parsed.data, { ...(await getRequestContext()), baseUrl: await getBaseUrl() });
    outcome = {
      assigned: result.assigned.filter((a) => a.status !== "recused").length,
      recused: result.assigned.filter((a) => a.status === "recused").length,
      skipped: result.skipped.length,
    };
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if ("ok" in outcome) return outcome;
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/reviews", "layout");
  return { ok: true, data: outcome };
}

/** Records the reviewer's conflict-of-interest declaration (the assigned reviewer). */
export async function declareConflictAction(assignmentId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(assignmentId)) notFound();
  const parsed = declareConflictSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: { status: string } | Failure | typeof NOT_FOUND;
  try {
    outcome = await declareConflict(user, assignmentId, parsed.data, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if ("ok" in outcome) return outcome;
  revalidatePath("/reviews", "layout");
  redirect(`/reviews/${encodeURIComponent(assignmentId)}?notice=${outcome.status === "recused" ? "recused" : "declared"}`);
}

/** Submits the reviewer's scores and recommendation (the assigned reviewer, once). */
export async function submitReviewAction(assignmentId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(assignmentId)) notFound();
  const parsed = submitReviewSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let outcome: Failure | typeof NOT_FOUND | null = null;
  try {
    await submitReview(user, assignmentId, parsed.data, await getRequestContext());
  } catch (error) {
    outcome = await failureFrom(error);
  }
  if (outcome === NOT_FOUND) notFound();
  if (outcome) return outcome;
  revalidatePath("/reviews", "layout");
  redirect(`/reviews/${encodeURIComponent(assignmentId)}?notice=submitted`);
}
