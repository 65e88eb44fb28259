"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { get, useFieldArray, useForm, useWatch, type Control, type FieldPath, type Resolver, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { saveReportAction } from "@/app/awards/[id]/reports/actions";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { formatNumber } from "@/lib/i18n/format";
import { BREAKDOWN_DIMENSIONS, reportDraftSchema, toHundredths } from "@/lib/reporting/schema";
import { unitLabel } from "@/lib/reporting/units";

export interface ReportFormValues {
  narrativeEn: string;
  narrativeEs: string;
  expenditureToDate: string;
  actuals: { awardIndicatorId: string; value: string; breakdown: { dimension: string; label: string; value: string }[] }[];
  deliverableUpdates: { deliverableId: string; note: string }[];
}

export interface ReportFormIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
}

export interface ReportFormDeliverable {
  id: string;
  title: string;
  dueText: string;
}

interface ReportFormProps {
  awardId: string;
  periodNumber: number;
  /** The report's version the form was opened with; null for a new report. */
  version: number | null;
  /** The award amount, formatted for the reader (the ceiling of the expenditure). */
  amountText: string;
  indicators: ReportFormIndicator[];
  deliverables: ReportFormDeliverable[];
  defaultValues: ReportFormValues;
}

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * The submitter's report form: narratives in English and Spanish, expenditure to date, one row per
 * tracked indicator (value and an optional breakdown whose total is shown as it is typed) and a note per
 * deliverable. Saves a draft or submits; the server checks again with the same schema and the award.
 */
export function ReportForm({ awardId, periodNumber, version, amountText, indicators, deliverables, defaultValues }: ReportFormProps) {
  const { t } = useI18n();
  const uid = useId();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const inFlight = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => zodResolver(reportDraftSchema, undefined, { raw: true }) as unknown as Resolver<ReportFormValues>, []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReportFormValues>({ resolver, defaultValues, reValidateMode: "onChange" });

  const idOf = (path: string) => `${uid}-${path.replace(/\./g, "-")}`;
  const errorText = (path: string): string | undefined => {
    const node = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
    const message = node?.message ?? node?.root?.message;
    return message ? translateIssue(message, t) : undefined;
  };

  // The paths the form shows a message at; others (the period, an unknown id) go to the alert.
  function isRendered(path: string): boolean {
    if (["narrativeEn", "narrativeEs", "expenditureToDate"].includes(path)) return true;
    const actual = /^actuals\.(\d+)\.(value|awardIndicatorId|breakdown)(\.(\d+)\.(label|value))?$/.exec(path);
    if (actual) return Number(actual[1]) < indicators.length;
    const note = /^deliverableUpdates\.(\d+)\.note$/.exec(path);
    return note !== null && Number(note[1]) < deliverables.length;
  }

  function send(values: ReportFormValues, submit: boolean) {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    setUnplaced([]);
    startTransition(async () => {
      const result = await saveReportAction({ ...values, awardId, periodNumber, submit, expectedVersion: version });
      if (!result || result.ok) return;
      inFlight.current = false;
      const notShown: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if (!isRendered(path)) {
          notShown.push(text);
          continue;
        }
        setError((path.endsWith(".breakdown") ? `${path}.root` : path) as FieldPath<ReportFormValues>, { type: "server", message: text });
      }
      startTransition(() => {
        setFormError(result.formError ?? t("common.errors.invalidInput"));
        setUnplaced(notShown);
      });
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const busy = isPending || isSubmitting;
  return (
    <form className="stack" noValidate data-hydrated={hydrated ? "true" : undefined} data-testid="report-form" onSubmit={(event) => void handleSubmit((v) => send(v, true))(event)}>
      {formError ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={alertRef}>
          <p className="m-0">{formError}</p>
          {unplaced.length > 0 ? (
            <ul>
              {unplaced.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <fieldset className="field">
        <legend>{t("reporting.report.narrativeHeading")}</legend>
        <p className="hint" id={idOf("narrative.hint")}>
          {t("reporting.report.narrativeHint")}
        </p>
        {(["narrativeEn", "narrativeEs"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={idOf(name)}>{t(`reporting.report.${name}`)}</label>
            <textarea
              id={idOf(name)}
              rows={6}
              lang={name === "narrativeEn" ? "en" : "es"}
              aria-describedby={idOf("narrative.hint")}
              aria-invalid={errorText(name) ? true : undefined}
              {...register(name)}
            />
            {errorText(name) ? <p className="field-error">{errorText(name)}</p> : null}
          </div>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={idOf("expenditureToDate")}>{t("reporting.report.expenditure")}</label>
        <p className="hint" id={idOf("expenditureToDate.hint")}>
          {t("reporting.report.expenditureHint", { amount: amountText })}
        </p>
        <input
          id={idOf("expenditureToDate")}
          inputMode="decimal"
          aria-describedby={idOf("expenditureToDate.hint")}
          aria-invalid={errorText("expenditureToDate") ? true : undefined}
          {...register("expenditureToDate")}
        />
        {errorText("expenditureToDate") ? <p className="field-error">{errorText("expenditureToDate")}</p> : null}
      </div>

      <fieldset className="field">
        <legend>{t("reporting.report.actualsHeading")}</legend>
        {indicators.length === 0 ? <p className="muted">{t("reporting.report.actualsEmpty")}</p> : <p className="hint">{t("reporting.report.actualsHint")}</p>}
        {indicators.map((indicator, i) => (
          <ActualRow key={indicator.id} index={i} indicator={indicator} control={control} register={register} errorText={errorText} idOf={idOf} />
        ))}
      </fieldset>

      <fieldset className="field">
        <legend>{t("reporting.report.deliverablesHeading")}</legend>
        {deliverables.length === 0 ? <p className="muted">{t("reporting.report.deliverablesEmpty")}</p> : null}
        {deliverables.map((d, i) => (
          <div className="field" key={d.id}>
            <label htmlFor={idOf(`deliverableUpdates.${i}.note`)}>{t("reporting.report.deliverableNote", { title: d.title })}</label>
            <p className="hint">{d.dueText}</p>
            <input type="hidden" {...register(`deliverableUpdates.${i}.deliverableId`)} />
            <textarea
              id={idOf(`deliverableUpdates.${i}.note`)}
              rows={3}
              aria-invalid={errorText(`deliverableUpdates.${i}.note`) ? true : undefined}
              {...register(`deliverableUpdates.${i}.note`)}
            />
            {errorText(`deliverableUpdates.${i}.note`) ? <p className="field-error">{errorText(`deliverableUpdates.${i}.note`)}</p> : null}
          </div>
        ))}
      </fieldset>

      <div className="row">
        <button type="button" className="btn" disabled={busy} onClick={(event) => void handleSubmit((v) => send(v, false))(event)} data-testid="report-save-draft">
          {busy ? t("reporting.report.saving") : t("reporting.report.saveDraft")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="report-submit">
          {t("reporting.report.submit")}
        </button>
      </div>
    </form>
  );
}

function ActualRow({
  index,
  indicator,
  control,
  register,
  errorText,
  idOf,
}: {
  index: number;
  indicator: ReportFormIndicator;
  control: Control<ReportFormValues>;
  register: UseFormRegister<ReportFormValues>;
  errorText: (path: string) => string | undefined;
  idOf: (path: string) => string;
}) {
  const { t, locale } = useI18n();
  const breakdown = useFieldArray({ control, name: `actuals.${index}.breakdown` });
  const rows = useWatch({ control, name: `actuals.${index}.breakdown` });
  const base = `actuals.${index}`;
  const total = (rows ?? []).reduce((sum, r) => {
    const s = typeof r?.value === "string" ? r.value.trim().replace(/,/g, "") : "";
    return DECIMAL.test(s) ? sum + toHundredths(s) : sum;
  }, 0);
  return (
    <div className="card stack" data-testid={`actual-${indicator.id}`}>
      <input type="hidden" {...register(`actuals.${index}.awardIndicatorId`)} />
      <div className="field">
        <label htmlFor={idOf(`${base}.value`)}>
          {indicator.name} — {t("reporting.report.value", { unit: unitLabel(indicator.unit, t) })}
        </label>
        <p className="hint">{t("reporting.report.baselineTarget", { baseline: indicator.baseline, target: indicator.target })}</p>
        <input id={idOf(`${base}.value`)} inputMode="decimal" aria-invalid={errorText(`${base}.value`) ? true : undefined} {...register(`actuals.${index}.value`)} />
        {errorText(`${base}.value`) ? <p className="field-error">{errorText(`${base}.value`)}</p> : null}
        {errorText(`${base}.awardIndicatorId`) ? <p className="field-error">{errorText(`${base}.awardIndicatorId`)}</p> : null}
      </div>
      {breakdown.fields.length > 0 ? (
        <fieldset className="field">
          <legend>{t("reporting.report.breakdown")}</legend>
          {breakdown.fields.map((field, j) => {
            const row = `${base}.breakdown.${j}`;
            return (
              <div className="row" key={field.id}>
                <div className="field">
                  <label htmlFor={idOf(`${row}.dimension`)}>{t("reporting.report.breakdownDimension")}</label>
                  <select id={idOf(`${row}.dimension`)} {...register(`actuals.${index}.breakdown.${j}.dimension`)}>
                    {BREAKDOWN_DIMENSIONS.map((d) => (
                      <option key={d} value={d}>
                        {t(`reporting.dimension.${d}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={idOf(`${row}.label`)}>{t("reporting.report.breakdownLabel")}</label>
                  <input id={idOf(`${row}.label`)} aria-invalid={errorText(`${row}.label`) ? true : undefined} {...register(`actuals.${index}.breakdown.${j}.label`)} />
                  {errorText(`${row}.label`) ? <p className="field-error">{errorText(`${row}.label`)}</p> : null}
                </div>
                <div className="field">
                  <label htmlFor={idOf(`${row}.value`)}>{t("reporting.report.breakdownValue")}</label>
                  <input id={idOf(`${row}.value`)} inputMode="decimal" aria-invalid={errorText(`${row}.value`) ? true : undefined} {...register(`actuals.${index}.breakdown.${j}.value`)} />
                  {errorText(`${row}.value`) ? <p className="field-error">{errorText(`${row}.value`)}</p> : null}
                </div>
                <button type="button" className="btn" onClick={() => breakdown.remove(j)}>
                  {t("reporting.report.removeBreakdown")}
                </button>
              </div>
            );
          })}
          <p className="hint" role="status">
            {t("reporting.report.breakdownTotal", { total: formatNumber(total / 100, locale, { maximumFractionDigits: 2 }) })}
          </p>
          {errorText(`${base}.breakdown`) ? <p className="field-error">{errorText(`${base}.breakdown`)}</p> : null}
        </fieldset>
      ) : null}
      <div>
        <button type="button" className="btn" onClick={() => breakdown.append({ dimension: "agency", label: "", value: "" })}>
          {t("reporting.report.addBreakdown")}
        </button>
      </div>
    </div>
  );
}
