import { render, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n/config";
import { catalogs } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
// Forms import zod's resolver on demand (use-action-form.ts); loaded here once, so that a test's first
// check does not wait for it to be transformed.
import "@/components/forms/zod-resolver";

/** Renders a component into the test's DOM (happy-dom) inside the app's i18n provider. */
export function renderUi(node: ReactNode, locale: Locale = "en"): RenderResult {
  return render(
    <I18nProvider locale={locale} messages={catalogs[locale]}>
      {node}
    </I18nProvider>,
  );
}

export const tEn = createTranslator("en");
