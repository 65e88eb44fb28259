import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { session } from "@/test/route-session";
import { failureFrom } from "./action-errors";

vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());

const reader = (locale: "en" | "es") => {
  session.user = { id: "u1", email: "a@example.org", name: "A", locale, roles: [], countryIso2: null, organizationId: null } as unknown as CurrentUser;
};

describe("failureFrom, the one mapping from a domain error to what a form shows", () => {
  it.each(["en", "es"] as const)("gives a ValidationError's field and form messages in the reader's language (%s)", async (locale) => {
    reader(locale);
    const t = createTranslator(locale);
    const result = await failureFrom(
      new ValidationError({ title: { key: "requests.errors.titleTooShort" }, "tranches.0.amount": { key: "awards.errors.money" } }, { key: "attachments.errors.tooMany", params: { max: 10, existing: 9, remaining: 1 } }),
    );
    expect(result).toEqual({
      ok: false,
      formError: t("attachments.errors.tooMany", { max: 10, existing: 9, remaining: 1 }),
      fieldErrors: { title: t("requests.errors.titleTooShort"), "tranches.0.amount": t("awards.errors.money") },
    });
    for (const text of [result.formError, ...Object.values(result.fieldErrors ?? {})]) expect(text).not.toMatch(/\{\w+\}|errors\./);
  });

  it("says the input is invalid when only fields are named", async () => {
    reader("es");
    const result = await failureFrom(new ValidationError({ email: { key: "admin.errors.emailTaken" } }));
    expect(result.formError).toBe(createTranslator("es")("common.errors.invalidInput"));
  });

  it("says which thing changed for a ConflictError, in the reader's language", async () => {
    reader("es");
    expect(await failureFrom(new ConflictError("program changed", "programs.errors.conflict"))).toEqual({
      ok: false,
      formError: createTranslator("es")("programs.errors.conflict"),
    });
    reader("en");
    expect((await failureFrom(new ConflictError())).formError).toBe(createTranslator("en")("requests.errors.conflict"));
  });

  it("answers the 404 page for a NotFoundError, and lets any other error through as the real error it is", async () => {
    reader("en");
    await expect(failureFrom(new NotFoundError("award"))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    const crash = new TypeError("boom");
    await expect(failureFrom(crash)).rejects.toBe(crash);
  });
});
