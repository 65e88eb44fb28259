"use client";

import { useFieldArray } from "react-hook-form";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormAlert, FormSaved } from "@/components/ui/form-alert";
import { NativeSelect } from "@/components/ui/native-select";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors";
import { REPORTING_LIMITS } from "@/lib/reporting/limits";
import { listError, rowPaths } from "./form-paths";

const loadIndicatorsSchema = () => import("@/lib/reporting/schema").then((m) => m.indicatorsFormSchema);

interface IndicatorRow {
  indicatorId: string;
  baseline: string;
  target: string;
}
type IndicatorsFormValues = {
  indicators: IndicatorRow[];
};

/** The server action that replaces the award's indicators. */
export type SetIndicatorsAction = (input: IndicatorsFormValues & { awardId: string }) => Promise<ActionResult<unknown>>;

// Every row the form can have: the server's messages arrive as `indicators.N.field`.
const PLACED = ["indicators", ...rowPaths("indicators", REPORTING_LIMITS.indicatorsMax, ["indicatorId", "baseline", "target"])];

/**
 * The officer's editor of an award's indicators: one row per indicator from the library, with baseline
 * and target. Checked with the same schema as the server; removing an indicator with actuals is refused
 * there with a message.
 */
export function IndicatorsEditor({
  awardId,
  library,
  defaultValues,
  action,
}: {
  awardId: string;
  library: { id: string; name: string; unit: string }[];
  defaultValues: IndicatorsFormValues;
  action: SetIndicatorsAction;
}) {
  const { t } = useI18n();
  const form = useActionForm<IndicatorsFormValues>({
    schema: loadIndicatorsSchema,
    action: (values) => action({ ...values, awardId }),
    defaultValues,
    fields: PLACED,
    raw: true,
  });
  const rows = useFieldArray({ control: form.control, name: "indicators" });
  const options = [{ value: "", label: t("reporting.indicators.choose") }, ...library.map((l) => ({ value: l.id, label: `${l.name} (${l.unit})` }))];

  return (
    <form className="stack" data-testid="indicators-editor" {...form.formProps}>
      <p className="muted">{t("reporting.indicators.intro")}</p>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <FormSaved saved={form.saved}>{t("reporting.indicators.saved")}</FormSaved>
      {rows.fields.length === 0 ? <p className="muted">{t("reporting.indicators.none")}</p> : null}
      {rows.fields.map((field, i) => (
        <IndicatorRowFields key={field.id} form={form} index={i} options={options} onRemove={() => rows.remove(i)} />
      ))}
      {listError(form, "indicators") ? <p className="field-error">{listError(form, "indicators")}</p> : null}
      <div className="row">
        <Button onClick={() => rows.append({ indicatorId: "", baseline: "0", target: "" })}>{t("reporting.indicators.add")}</Button>
        <SubmitButton busy={form.busy} busyLabel={t("reporting.report.saving")}>
          {t("reporting.indicators.save")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** One tracked indicator: which one, its baseline and its target, each with its own message. */
function IndicatorRowFields({
  form,
  index,
  options,
  onRemove,
}: {
  form: ActionForm<IndicatorsFormValues>;
  index: number;
  options: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field" data-testid={`indicator-row-${index}`}>
      <legend>
        {t("reporting.indicators.indicator")} {index + 1}
      </legend>
      <div className="row">
        <NativeSelect label={t("reporting.indicators.indicator")} options={options} {...form.field(`indicators.${index}.indicatorId`)} />
        <TextField label={t("reporting.indicators.baseline")} inputMode="decimal" {...form.field(`indicators.${index}.baseline`)} />
        <TextField label={t("reporting.indicators.target")} inputMode="decimal" {...form.field(`indicators.${index}.target`)} />
        <Button onClick={onRemove}>{t("reporting.indicators.remove")}</Button>
      </div>
    </fieldset>
  );
}
