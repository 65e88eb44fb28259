import { z } from "zod";
import type { Translate } from "@/lib/i18n/translate";
import { translateIssue } from "./issues";

export { translateIssue };

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

