// The signed-in user of route-handler tests, and the module mocks that read it. vi.mock is hoisted per
// file, so each test file keeps its own one-line vi.mock whose factory imports these:
//   vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
// The test file's static import of `session` and the factory's dynamic import share one module instance.
import type { CurrentUser } from "@/lib/auth/queries";
import { richTranslator } from "@/lib/i18n/rich";
import { createTranslator } from "@/lib/i18n/translate";

/** `token` is the session row behind the user, for what needs one (the passkey ceremonies); it is active. */
export const session = { user: null as CurrentUser | null, token: null as string | null };

/** Replaces @/lib/auth/current-user: the cookie lookup becomes `session.user`. */
export function currentUserMock() {
  return {
    getSessionResolution: async () =>
      session.user ? { status: "active" as const, user: session.user, token: session.token } : { status: "none" as const, token: null },
    getCurrentUser: async () => session.user,
    requireUser: async () => {
      if (!session.user) throw new Error("redirect to sign-in");
      return session.user;
    },
  };
}

/** Replaces @/lib/i18n/server: the request's language is the session user's, else English. */
export function i18nServerMock() {
  return {
    getI18n: async () => {
      const locale = session.user?.locale ?? "en";
      const t = createTranslator(locale);
      return { locale, t, tRich: richTranslator(t) };
    },
  };
}
