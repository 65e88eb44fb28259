"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setOwnLocale } from "@/lib/auth/mutations";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/** Switches the language; remembered in a cookie and, for a signed-in user, on the account. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const user = await getCurrentUser();
  if (user) await setOwnLocale(user.id, locale);
  revalidatePath("/", "layout");
}
