import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, visitorLocale, type Locale } from "./config";
import { richTranslator, type RichTranslate } from "./rich";
import { createTranslator, type Translate } from "./translate";

/** The language of this request: the signed-in user's choice, else the cookie, else the browser's. */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser().catch(() => null);
  if (user) return user.locale;
  return visitorLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
});

/** The language of this request, its translator, and the same for messages with markup (see rich.tsx). */
export async function getI18n(): Promise<{ locale: Locale; t: Translate; tRich: RichTranslate }> {
  const locale = await getLocale();
  const t = createTranslator(locale);
  return { locale, t, tRich: richTranslator(t) };
}
