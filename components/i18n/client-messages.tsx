import type { ReactNode } from "react";
import { clientMessages, type ClientArea } from "@/lib/i18n/client-areas";
import { getI18n } from "@/lib/i18n/server";
import { I18nProvider } from "./i18n-provider";

/**
 * Gives the client components below it this language's messages of the base areas plus `areas`
 * (what they use; lib/i18n/client-areas.test.ts keeps the lists right). The nearest one wins, so a
 * segment's list names every area its client components need beyond the base.
 */
export async function ClientMessages({ areas = [], children }: { areas?: readonly ClientArea[]; children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <I18nProvider locale={locale} messages={clientMessages(locale, areas)}>
      {children}
    </I18nProvider>
  );
}
