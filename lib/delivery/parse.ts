// Parses form input on the server again with the schema the form used; zod messages are message keys.
import type { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";

const MESSAGE_KEY = /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/;

/** The parsed value, or a ValidationError with one message key per bad field (nothing is written). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    const key = (MESSAGE_KEY.test(issue.message) ? issue.message : "common.errors.invalidInput") as MessageKey;
    fieldErrors[path] ??= { key };
  }
  const formError = fieldErrors._form;
  delete fieldErrors._form;
  throw new ValidationError(fieldErrors, formError ?? { key: "common.errors.invalidInput" });
}

/** One bad field, with the generic form message. */
export function invalidField(field: string, key: MessageKey, params?: Record<string, string | number>): ValidationError {
  return new ValidationError({ [field]: { key, params } }, { key: "common.errors.invalidInput" });
}

/** A refusal that concerns the whole form (a state, not a field). */
export function refused(key: MessageKey, params?: Record<string, string | number>): ValidationError {
  return new ValidationError({}, { key, params });
}
