// The characters no form field accepts, and the checks on them, with no zod: client code (ids, uploads)
// uses them without loading it; lib/forms/safe-text.ts builds the zod string on them.
/**
 * Characters no form field accepts: C0 controls other than tab, line feed and carriage return
 * (PostgreSQL refuses NUL in text outright, the others only ever arrive by mistake or on purpose),
 * DEL, lone UTF-16 surrogates (not encodable as UTF-8, PostgreSQL refuses them too), and the
 * explicit bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 * nobody types them in English or Spanish, and they can make a file name or a sentence read
 * differently from what is stored ("invoice‮fdp.exe"). Bidi marks (U+200E/U+200F) stay allowed.
 */
const UNSAFE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is free of the characters above. Checks nothing else. */
export function isSafeText(s: string): boolean {
  return !UNSAFE_TEXT.test(s);
}

const UNSAFE_TEXT_EVERYWHERE = new RegExp(UNSAFE_TEXT.source, "g");

/** The string with those characters taken out, for text that is cleaned rather than refused (a device's name). */
export function withoutUnsafeText(s: string): string {
  return s.replace(UNSAFE_TEXT_EVERYWHERE, "");
}

/** The message key shown for a field holding one of those characters. */
export const UNSAFE_TEXT_KEY = "common.errors.unsafeText";
