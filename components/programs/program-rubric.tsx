"use client";

import { useId } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { PROGRAM_LIMITS } from "@/lib/programs/limits";
import type { ProgramFormValues } from "@/lib/programs/schema";
import { listError } from "./program-form-errors";

type Form = ActionForm<ProgramFormValues>;

interface CriterionProps {
  form: Form;
  index: number;
  isLocked: boolean;
  /** Removes this criterion; absent while the rubric is locked. */
  onRemove?: () => void;
  canRemove: boolean;
}

/** One criterion: key, names in both languages and weight (read-only once reviews used the rubric). */
function Criterion({ form, index, isLocked, onRemove, canRemove }: CriterionProps) {
  const { t } = useI18n();
  const legendId = `${useId()}-legend`;
  const number = index + 1;
  const path = (cell: "key" | "nameEn" | "nameEs" | "weight") => `rubric.${index}.${cell}` as const;
  return (
    <div className="card p-3" role="group" aria-labelledby={legendId}>
      <p id={legendId} className="m-0 mb-2 text-strong">
        {t("programs.form.criterion", { number })}
      </p>
      <div className="row items-end">
        <TextField
          label={t("programs.form.criterionKeyLabel")}
          hint={t("programs.form.criterionKeyHint")}
          fieldClassName="field-width-sm"
          autoComplete="off"
          readOnly={isLocked}
          {...form.field(path("key"))}
        />
        <TextField label={t("programs.form.criterionNameEnLabel")} fieldClassName="field-width-md" autoComplete="off" readOnly={isLocked} {...form.field(path("nameEn"))} />
        <TextField label={t("programs.form.criterionNameEsLabel")} fieldClassName="field-width-md" autoComplete="off" readOnly={isLocked} {...form.field(path("nameEs"))} />
        <TextField
          label={t("programs.form.criterionWeightLabel")}
          fieldClassName="field-width-xs"
          inputMode="numeric"
          autoComplete="off"
          readOnly={isLocked}
          {...form.field(path("weight"))}
        />
      </div>
      {onRemove ? (
        <Button onClick={onRemove} disabled={!canRemove || form.busy}>
          {t("programs.form.removeCriterion", { number })}
        </Button>
      ) : null}
    </div>
  );
}

/** The scoring rubric: 1 to 10 weighted criteria, their running total, add and remove. */
export function ProgramRubric({ form, isLocked }: { form: Form; isLocked: boolean }) {
  const { t } = useI18n();
  const uid = useId();
  const rubric = useFieldArray({ control: form.control, name: "rubric" });
  const values = useWatch({ control: form.control, name: "rubric" }) ?? [];
  const total = values.reduce((sum, c) => sum + (Number.isInteger(Number(c?.weight)) ? Number(c?.weight) : 0), 0);
  const error = listError(form.form.formState.errors, "rubric", t);
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  return (
    <fieldset className="field stack" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend>{t("programs.form.rubricLegend")}</legend>
      <span className="hint" id={hintId}>
        {t("programs.form.rubricHint")}
      </span>
      {isLocked ? (
        <Notice tone="info" live={false}>
          {t("programs.edit.rubricLocked")}
        </Notice>
      ) : null}
      {rubric.fields.map((field, index) => (
        <Criterion
          key={field.id}
          form={form}
          index={index}
          isLocked={isLocked}
          onRemove={isLocked ? undefined : () => rubric.remove(index)}
          canRemove={rubric.fields.length > PROGRAM_LIMITS.rubricMin}
        />
      ))}
      <p role="status" aria-live="polite" className="muted">
        {t("programs.form.weightsTotal", { total })}
      </p>
      <FieldError id={errorId}>{error}</FieldError>
      {!isLocked ? (
        <div>
          <Button onClick={() => rubric.append({ key: "", nameEn: "", nameEs: "", weight: "" })} disabled={rubric.fields.length >= PROGRAM_LIMITS.rubricMax || form.busy}>
            {t("programs.form.addCriterion")}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
