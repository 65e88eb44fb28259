"use client";

import { useId } from "react";
import { Controller } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DateField } from "@/components/ui/date-field";
import type { ProgramFormValues } from "@/lib/programs/schema";

/** The program's period: start and end dates under one legend (awards must fall within it). */
export function ProgramPeriod({ form }: { form: ActionForm<ProgramFormValues> }) {
  const { t } = useI18n();
  const hintId = `${useId()}-period-hint`;
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend>{t("programs.form.periodLegend")}</legend>
      <span className="hint" id={hintId}>
        {t("programs.form.periodHint")}
      </span>
      <div className="row items-start">
        <Controller
          control={form.control}
          name="startsOn"
          render={({ field }) => <DateField {...field} label={t("programs.form.startsOnLabel")} required error={form.fieldError("startsOn")} />}
        />
        <Controller
          control={form.control}
          name="endsOn"
          render={({ field }) => <DateField {...field} label={t("programs.form.endsOnLabel")} required error={form.fieldError("endsOn")} />}
        />
      </div>
    </fieldset>
  );
}
