"use client";

import { useId } from "react";
import { useFieldArray } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { AWARD_LIMITS } from "@/lib/awards/limits";
import type { AwardFormValues } from "@/lib/awards/schema";

type Form = ActionForm<AwardFormValues>;

/** One deliverable: its title and due date (within the award's period), and its remove button. */
function DeliverableRow({ form, index, startsOn, endsOn, onRemove }: { form: Form; index: number; startsOn: string; endsOn: string; onRemove: () => void }) {
  const { t } = useI18n();
  const legendId = `${useId()}-legend`;
  const number = index + 1;
  return (
    <div className="card p-3" role="group" aria-labelledby={legendId}>
      <p id={legendId} className="m-0 mb-2 text-strong">
        {t("awards.form.deliverable", { number })}
      </p>
      <div className="row items-end">
        <TextField
          label={t("awards.form.deliverableTitleLabel")}
          maxLength={AWARD_LIMITS.deliverableTitleMax}
          fieldClassName="field-width-lg"
          {...form.field(`deliverables.${index}.title`)}
        />
        <TextField
          type="date"
          label={t("awards.form.deliverableDueOnLabel")}
          min={startsOn || undefined}
          max={endsOn || undefined}
          {...form.field(`deliverables.${index}.dueOn`)}
        />
        <Button onClick={onRemove} disabled={form.busy}>
          {t("awards.form.removeDeliverable", { number })}
        </Button>
      </div>
    </div>
  );
}

/** The first deliverables: none to 20 rows, each a title and a due date. */
export function DeliverablesFieldset({ form, startsOn, endsOn }: { form: Form; startsOn: string; endsOn: string }) {
  const { t } = useI18n();
  const id = useId();
  const deliverables = useFieldArray({ control: form.control, name: "deliverables" });
  const error = form.fieldError("deliverables");
  return (
    <fieldset className="field stack" aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}>
      <legend>{t("awards.form.deliverablesLegend")}</legend>
      <span className="hint" id={`${id}-hint`}>
        {t("awards.form.deliverablesHint")}
      </span>
      {deliverables.fields.length === 0 ? <p className="muted">{t("awards.form.deliverablesNone")}</p> : null}
      {deliverables.fields.map((field, index) => (
        <DeliverableRow key={field.id} form={form} index={index} startsOn={startsOn} endsOn={endsOn} onRemove={() => deliverables.remove(index)} />
      ))}
      <FieldError id={`${id}-error`}>{error}</FieldError>
      <div>
        <Button onClick={() => deliverables.append({ title: "", dueOn: "" })} disabled={deliverables.fields.length >= AWARD_LIMITS.deliverablesMax || form.busy}>
          {t("awards.form.addDeliverable")}
        </Button>
      </div>
    </fieldset>
  );
}
