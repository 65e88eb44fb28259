import { z } from "zod";
import { UNSAFE_TEXT_KEY, isSafeText } from "./unsafe-text";

export { UNSAFE_TEXT_KEY, isSafeText, withoutUnsafeText } from "./unsafe-text";

/**
 * The one text type of the zod schemas: a string (with the given message key when it is not one)
 * refusing the characters of lib/forms/unsafe-text.ts with a field message. Chain `.min`, `.max`, `.trim` as on `z.string`.
 */
export function safeText(key?: string) {
  return (key === undefined ? z.string() : z.string(key)).refine(isSafeText, UNSAFE_TEXT_KEY);
}
