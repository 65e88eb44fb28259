import { LOCALES, type Locale } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";

/** Works without JavaScript: a select and a button posting to the server action the layout passes. */
export function LanguageSwitch({ locale, setLocaleAction }: { locale: Locale; setLocaleAction: (formData: FormData) => Promise<void> }) {
  const t = createTranslator(locale);
  return (
    <form action={setLocaleAction} className="row language-switch">
      <label htmlFor="locale-select">{t("common.language")}</label>
      {/* Keyed by the language: the header outlives client-side navigations, and after a sign-in that
          changes the language an uncontrolled select would keep showing the previous one. */}
      <select key={locale} id="locale-select" name="locale" defaultValue={locale}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`common.languageNames.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn">
        {t("common.changeLanguage")}
      </button>
    </form>
  );
}
