import "server-only";
import { notFound } from "next/navigation";
import type { ZodError } from "zod";
import { ConflictError, NotFoundError, ValidationError, type ActionResult } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { fieldErrorsFromZod } from "./zod";

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/**
 * The one mapping from domain errors to what a form shows, translated into the user's language:
 * ValidationError -> field and form messages, ConflictError -> "this record has changed", NotFoundError
 * -> the 404 page. Anything else is a real error and propagates to the error page.
 */
export async function failureFrom(error: unknown): Promise<ActionFailure> {
  if (error instanceof NotFoundError) notFound();
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
  if (error instanceof ConflictError) return { ok: false, formError: t(error.messageKey) };
  throw error;
}

/** A form's input that failed its schema on the server: the same messages the browser shows. */
export async function invalidInput(error: ZodError): Promise<ActionFailure> {
  const { t } = await getI18n();
  return { ok: false, formError: t("common.errors.invalidInput"), fieldErrors: fieldErrorsFromZod(error, t) };
}
