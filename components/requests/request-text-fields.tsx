"use client";

import { Controller } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { LOCALES, type Locale } from "@/lib/enums";
import { LIMITS } from "@/lib/requests/fields";
import { errorOf, RequiredToSubmit, type RequestSectionProps } from "./request-form-parts";

const TEXT_FIELDS = ["title", "narrative", "justification"] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
const TEXT_LIMITS: Record<TextFieldName, number> = {
  title: LIMITS.titleMax,
  narrative: LIMITS.narrativeMax,
  justification: LIMITS.justificationMax,
};

/** The request's text fields, one per language ("titleEs", "narrativeEn"...). */
export const TEXT_FIELD_PATHS = LOCALES.flatMap((l) => TEXT_FIELDS.map((f) => `${f}${suffixOf(l)}` as const));

function suffixOf(locale: Locale) {
  return locale === "es" ? "Es" : "En";
}

/** The language the request is written in: its texts are required in that one. */
export function LanguageChoice({ form }: RequestSectionProps) {
  const { t } = useI18n();
  return (
    <Controller
      control={form.control}
      name="primaryLocale"
      render={({ field }) => (
        <RadioGroup
          {...field}
          label={t("requests.form.languageLegend")}
          hint={t("requests.form.languageHint")}
          error={errorOf(form, "primaryLocale", t)}
          boxed
          options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{t(`common.languageNames.${l}`)}</span> }))}
        />
      )}
    />
  );
}

/** Title, narrative and justification in one language; required to submit in the primary one. */
export function LocaleTexts({ form, idOf, locale, isPrimary }: RequestSectionProps & { locale: Locale; isPrimary: boolean }) {
  const { t } = useI18n();
  const language = t(`common.languageNames.${locale}`);
  return (
    <fieldset className="field stack">
      <legend lang={locale}>{isPrimary ? language : t("requests.form.textLegendOptional", { language })}</legend>
      {TEXT_FIELDS.map((f) => {
        const path = `${f}${suffixOf(locale)}` as const;
        const common = {
          id: idOf(path),
          lang: locale,
          maxLength: TEXT_LIMITS[f],
          label: (
            <>
              {t(`requests.form.${f}Label`)}
              <RequiredToSubmit when={isPrimary} />
            </>
          ),
          hint: t(`requests.form.${f}Hint`),
          ...form.field(path),
        };
        return f === "title" ? (
          <TextField key={path} autoComplete="off" {...common} />
        ) : (
          <TextArea key={path} rows={f === "narrative" ? 8 : 5} {...common} />
        );
      })}
    </fieldset>
  );
}
