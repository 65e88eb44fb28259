import { z } from "zod";
import { safeText } from "@/lib/forms/safe-text";

/** The sign-in form: one email address. Messages are i18n keys. */
export const signInSchema = z
  .object({
    email: safeText()
      .trim()
      .toLowerCase()
      .min(1, "auth.signIn.invalidEmail")
      .max(254, "auth.signIn.invalidEmail")
      .pipe(z.email("auth.signIn.invalidEmail")),
    callbackUrl: safeText().max(2000).optional(),
  })
  .strict();
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths are accepted as a post-sign-in destination (no open redirect). */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://portal.local");
    if (url.origin !== "http://portal.local") return "/";
    if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
