// Issue messages in the user's language, with no zod import: client components show them without
// loading zod (which the forms fetch only when they first check their values).
import type { MessageKey, Translate } from "@/lib/i18n/translate";

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
