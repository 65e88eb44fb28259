"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import type { MessageTree } from "@/lib/i18n/define";
import { richTranslator, type RichTranslate } from "@/lib/i18n/rich";
import type { Translate } from "@/lib/i18n/translate";
import { translatorFrom } from "@/lib/i18n/translator";

type I18n = { locale: Locale; t: Translate; tRich: RichTranslate };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: MessageTree; children: ReactNode }) {
  const value = useMemo(() => {
    const t = translatorFrom(messages);
    return { locale, t, tRich: richTranslator(t) };
  }, [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and translators (plain and with markup) in client components. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}
