import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, visitorLocale, type Locale } from "./config";
import { createTranslator, type Translate } from "./translate";

/** The language of this request: the signed-in user's choice, else the cookie, else the browser's. */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser().catch(() => null);
  if (user) return user.locale;
  return visitorLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
});

export async function getI18n(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: createTranslator(locale) };
}
