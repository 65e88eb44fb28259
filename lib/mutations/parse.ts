import { z } from "zod";
import { NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { INTEGER_MAX, isUserId, UUID_PATTERN } from "@/lib/ids";
import type { MessageKey } from "@/lib/i18n/translate";

/** The issue message of an id that names nothing: the whole input answers not found, never "invalid". */
export const NOT_FOUND_ISSUE = "common.errors.notFoundId";

const MESSAGE_KEY = /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/;

/** A record's id in a mutation's input: a malformed one is a record this user cannot see (404). */
export const recordId = () => z.string({ error: NOT_FOUND_ISSUE }).regex(UUID_PATTERN, { error: NOT_FOUND_ISSUE });

/**
 * A user's id in a mutation's input. User ids are text (Auth.js), not always UUIDs: any bounded,
 * non-empty string PostgreSQL can compare (lib/ids.ts isUserId); anything else names no user (404).
 */
export const userId = () => z.string({ error: NOT_FOUND_ISSUE }).refine(isUserId, { error: NOT_FOUND_ISSUE });

/** A record's version as the form read it (the conditional UPDATE compares it). */
export const version = () => z.number().int().min(1).max(INTEGER_MAX);

/**
 * The one parse of a mutation's input. Zod messages are message keys (lib/forms/zod.ts); an issue on
 * a record id throws NotFoundError; anything else is a ValidationError with one message per field and
 * the generic form message, translated where it is shown.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  if (result.error.issues.some((issue) => issue.message === NOT_FOUND_ISSUE)) throw new NotFoundError();
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
