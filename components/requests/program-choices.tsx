"use client";

import { Controller } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { CheckboxGroup } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field";
import type { AssistanceCategory } from "@/lib/enums";
import { formatMoney } from "@/lib/i18n/format";
import { errorOf, type RequestSectionProps } from "./request-form-parts";

/** A program the form may offer, with its remaining funds (from listEligiblePrograms). */
export interface RequestFormProgram {
  id: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  remainingMinor: number;
  isDemoFigures: boolean;
}

/** The programs the request applies to: those open to the country for the chosen category. */
export function ProgramChoices({
  form,
  idOf,
  category,
  programs,
  countryName,
}: RequestSectionProps & { category: AssistanceCategory | null; programs: RequestFormProgram[]; countryName: string }) {
  const { t, locale } = useI18n();
  const legend = t("requests.form.programsLegend");
  const hint = t("requests.form.programsHint", { country: countryName });
  const error = errorOf(form, "programIds", t);

  if (!category || programs.length === 0) {
    const errorId = idOf("programIds.error");
    return (
      <fieldset className="field" aria-describedby={[idOf("programIds.hint"), error ? errorId : null].filter(Boolean).join(" ")}>
        <legend>{legend}</legend>
        <span className="hint" id={idOf("programIds.hint")}>
          {hint}
        </span>
        <p className="hint">{!category ? t("requests.form.programsChooseCategory") : t("requests.form.programsNone", { country: countryName })}</p>
        <FieldError id={errorId}>{error}</FieldError>
      </fieldset>
    );
  }

  const options = programs.map((program) => ({
    value: program.id,
    label: (
      <>
        {locale === "es" ? program.nameEs : program.nameEn}{" "}
        <span className="muted small">({t("requests.form.programRemaining", { amount: formatMoney(program.remainingMinor, program.currency, locale) })})</span>{" "}
        {program.isDemoFigures ? <Badge>{t("requests.form.demoFigures")}</Badge> : null}
      </>
    ),
  }));
  return (
    <Controller
      control={form.control}
      name="programIds"
      render={({ field }) => (
        <CheckboxGroup {...field} value={Array.isArray(field.value) ? field.value : []} label={legend} hint={hint} error={error} boxed options={options} />
      )}
    />
  );
}
