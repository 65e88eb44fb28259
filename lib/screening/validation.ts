import type { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";

/** zod issues (whose messages are message keys) as the domain's field errors, first issue per field. */
export function fieldErrorsFromIssues(issues: readonly { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!out[key]) out[key] = { key: issue.message as MessageKey };
  }
  return out;
}

/**
 * Parses input with a form's schema in the data layer, so that the same rules hold whoever calls the
 * mutation; bad input becomes a ValidationError with message keys and nothing is written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsFromIssues(result.error.issues), { key: "common.errors.invalidInput" });
  return result.data;
}
