"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { TextField } from "@/components/ui/text-field";
import { formatNumber } from "@/lib/i18n/format";
import { BREAKDOWN_DIMENSIONS, toHundredths } from "@/lib/reporting/limits";
import { unitLabel } from "@/lib/reporting/units";
import { listError } from "./form-paths";
import type { ReportFormIndicator, ReportFormValues } from "./report-form";

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

/** The sum of the breakdown's values as typed (rows not yet a number count nothing), in hundredths. */
function breakdownTotal(rows: { value?: unknown }[] | undefined): number {
  return (rows ?? []).reduce((sum, r) => {
    const s = typeof r?.value === "string" ? r.value.trim().replace(/,/g, "") : "";
    return DECIMAL.test(s) ? sum + toHundredths(s) : sum;
  }, 0);
}

/** One tracked indicator's actual: its value and an optional breakdown whose total is shown as it is typed. */
export function ActualRow({ form, index, indicator }: { form: ActionForm<ReportFormValues>; index: number; indicator: ReportFormIndicator }) {
  const { t } = useI18n();
  const base = `actuals.${index}` as const;
  const breakdown = useFieldArray({ control: form.control, name: `${base}.breakdown` });
  const indicatorError = form.fieldError(`${base}.awardIndicatorId`);
  return (
    <div className="card stack" data-testid={`actual-${indicator.id}`}>
      <TextField
        label={`${indicator.name} — ${t("reporting.report.value", { unit: unitLabel(indicator.unit, t) })}`}
        hint={t("reporting.report.baselineTarget", { baseline: indicator.baseline, target: indicator.target })}
        inputMode="decimal"
        {...form.field(`${base}.value`)}
      />
      {indicatorError ? <p className="field-error">{indicatorError}</p> : null}
      {breakdown.fields.length > 0 ? (
        <fieldset className="field">
          <legend>{t("reporting.report.breakdown")}</legend>
          {breakdown.fields.map((field, j) => (
            <BreakdownRow key={field.id} form={form} path={`${base}.breakdown.${j}`} onRemove={() => breakdown.remove(j)} />
          ))}
          <BreakdownTotal form={form} index={index} />
          {listError(form, `${base}.breakdown`) ? <p className="field-error">{listError(form, `${base}.breakdown`)}</p> : null}
        </fieldset>
      ) : null}
      <div>
        <Button onClick={() => breakdown.append({ dimension: "agency", label: "", value: "" })}>{t("reporting.report.addBreakdown")}</Button>
      </div>
    </div>
  );
}

/** One row of a breakdown: the dimension, the label (an agency, a weapon type…) and its value. */
function BreakdownRow({ form, path, onRemove }: { form: ActionForm<ReportFormValues>; path: `actuals.${number}.breakdown.${number}`; onRemove: () => void }) {
  const { t } = useI18n();
  const dimensions = BREAKDOWN_DIMENSIONS.map((d) => ({ value: d, label: t(`reporting.dimension.${d}`) }));
  return (
    <div className="row">
      <NativeSelect label={t("reporting.report.breakdownDimension")} options={dimensions} {...form.field(`${path}.dimension`)} />
      <TextField label={t("reporting.report.breakdownLabel")} {...form.field(`${path}.label`)} />
      <TextField label={t("reporting.report.breakdownValue")} inputMode="decimal" {...form.field(`${path}.value`)} />
      <Button onClick={onRemove}>{t("reporting.report.removeBreakdown")}</Button>
    </div>
  );
}

/** The running total of a breakdown, announced politely as it changes. */
function BreakdownTotal({ form, index }: { form: ActionForm<ReportFormValues>; index: number }) {
  const { t, locale } = useI18n();
  const rows = useWatch({ control: form.control, name: `actuals.${index}.breakdown` });
  const total = breakdownTotal(rows);
  return (
    <p className="hint" role="status">
      {t("reporting.report.breakdownTotal", { total: formatNumber(total / 100, locale, { maximumFractionDigits: 2 }) })}
    </p>
  );
}
