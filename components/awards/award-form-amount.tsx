"use client";

import { useId } from "react";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { MoneyField, TextField } from "@/components/ui/text-field";
import type { AwardFormValues } from "@/lib/awards/schema";
import type { AwardFormProgramOption } from "./award-form-types";

/**
 * The amount, with a note when it is more than the program's remaining funds or above its approval
 * threshold (the award then waits for a second approval).
 */
export function AmountField({ form, program, amountMinor }: { form: ActionForm<AwardFormValues>; program: AwardFormProgramOption | null; amountMinor: number }) {
  const { t } = useI18n();
  return (
    <div>
      <MoneyField label={t("awards.form.amountLabel")} hint={t("awards.form.amountHint")} required className="max-w-field" {...form.field("amount")} />
      {program && amountMinor > program.remainingMinor ? (
        <p className="field-error" role="status">
          {t("awards.form.overRemaining")}
        </p>
      ) : program && amountMinor > program.approvalThresholdMinor ? (
        <p className="muted small" role="status">
          {t("awards.form.pendingNote")}
        </p>
      ) : null}
    </div>
  );
}

/** The award's period: native date inputs bounded by the program's period (and the start, for the end). */
export function PeriodFields({ form, program, startsOn }: { form: ActionForm<AwardFormValues>; program: AwardFormProgramOption | null; startsOn: string }) {
  const { t } = useI18n();
  const hintId = `${useId()}-period-hint`;
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend>{t("awards.form.periodLegend")}</legend>
      <span className="hint" id={hintId}>
        {t("awards.form.periodHint")}
      </span>
      <div className="row items-start">
        <TextField type="date" label={t("awards.form.startsOnLabel")} required min={program?.startsOn} max={program?.endsOn} {...form.field("startsOn")} />
        <TextField type="date" label={t("awards.form.endsOnLabel")} required min={startsOn || program?.startsOn} max={program?.endsOn} {...form.field("endsOn")} />
      </div>
    </fieldset>
  );
}
