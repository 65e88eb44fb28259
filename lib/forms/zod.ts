import { z } from "zod";
import type { Translate, MessageKey } from "@/lib/i18n/translate";

/**
 * Zod schemas in this project use message keys (e.g. "admin.errors.countryRequired") as issue messages,
 * so the same schema serves the browser (react-hook-form) and the server action, each translating
 * the key into the user's language.
 */
// zod's built-in messages are English sentences; every issue without an explicit key gets the
// generic translated one instead, in the browser and on the server alike.
z.config({ customError: () => "common.errors.invalidInput" });

export function fieldErrorsFromZod(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    if (!out[path]) out[path] = translateIssue(issue.message, t);
  }
  return out;
}

const KEY_SHAPE = /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/;

/**
 * Translates a message key. A message that is not a key is already a sentence (a server error copied
 * back into the form) and is shown as it is; a missing message gets the generic one.
 */
export function translateIssue(message: string | undefined, t: Translate): string {
  if (!message) return t("common.errors.invalidInput");
  if (KEY_SHAPE.test(message)) {
    const text = t(message as MessageKey);
    return text !== message ? text : t("common.errors.invalidInput");
  }
  return message;
}
