import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { fieldErrorsFromZod } from "./zod";
import { isSafeText, safeText } from "./safe-text";

describe("isSafeText", () => {
  it.each([
    ["plain text", "Vehicle inspection report"],
    ["accents and ñ", "Inspección de vehículos, año 2026"],
    ["tab, newline and carriage return", "line one\r\n\tline two"],
    ["a surrogate pair (emoji)", "done \uD83D\uDE00"],
    ["bidi marks", "\u200Fالعربية\u200E"],
    ["20,000 characters", "a".repeat(20_000)],
  ])("keeps %s", (_name, s) => {
    expect(isSafeText(s)).toBe(true);
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["bell", "a\u0007b"],
    ["escape", "a\u001Bb"],
    ["DEL", "a\u007Fb"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone high surrogate at the end", "a\uD83D"],
    ["a lone low surrogate", "a\uDE00b"],
    ["a right-to-left override", "invoice\u202Efdp.exe"],
    ["a left-to-right embedding", "a\u202Ab"],
    ["a first-strong isolate", "a\u2068b"],
  ])("refuses %s", (_name, s) => {
    expect(isSafeText(s)).toBe(false);
  });
});

describe("safeText", () => {
  it("gives a field message in the user's language and keeps the chained limits", () => {
    const schema = safeText("common.errors.required").min(1).max(5);
    const result = schema.safeParse("a\u0000");
    expect(result.success).toBe(false);
    if (result.success) return;
    const en = fieldErrorsFromZod(result.error, createTranslator("en"))._form;
    const es = fieldErrorsFromZod(result.error, createTranslator("es"))._form;
    expect(en).toMatch(/null character/);
    expect(es).toMatch(/carácter nulo/);
    expect(schema.safeParse("abcdef").success).toBe(false);
    expect(schema.safeParse(42).error?.issues[0].message).toBe("common.errors.required");
    expect(schema.safeParse("abc").data).toBe("abc");
  });
});
