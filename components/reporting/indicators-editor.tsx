"use client";

import { useId, useMemo, useState, useTransition } from "react";
import { get, useFieldArray, useForm, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { setAwardIndicatorsAction } from "@/app/awards/[id]/reports/actions";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { indicatorsFormSchema } from "@/lib/reporting/schema";

interface IndicatorRow {
  indicatorId: string;
  baseline: string;
  target: string;
}
interface IndicatorsFormValues {
  indicators: IndicatorRow[];
}

/**
 * The officer's editor of an award's indicators: one row per indicator from the library, with baseline
 * and target. Checked with the same schema as the server; removing an indicator with actuals is refused
 * there with a message.
 */
export function IndicatorsEditor({
  awardId,
  library,
  defaultValues,
}: {
  awardId: string;
  library: { id: string; name: string; unit: string }[];
  defaultValues: IndicatorsFormValues;
}) {
  const { t } = useI18n();
  const uid = useId();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const resolver = useMemo(() => zodResolver(indicatorsFormSchema, undefined, { raw: true }) as unknown as Resolver<IndicatorsFormValues>, []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<IndicatorsFormValues>({ resolver, defaultValues });
  const rows = useFieldArray({ control, name: "indicators" });
  const errorText = (path: string) => {
    const node = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
    const message = node?.message ?? node?.root?.message;
    return message ? translateIssue(message, t) : undefined;
  };
  const idOf = (path: string) => `${uid}-${path.replace(/\./g, "-")}`;

  function submit(values: IndicatorsFormValues) {
    setFormError(null);
    setSaved(false);
    startTransition(async () => {
      const result = await setAwardIndicatorsAction({ ...values, awardId });
      if (result.ok) {
        setSaved(true);
        return;
      }
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        setError(path as FieldPath<IndicatorsFormValues>, { type: "server", message: text });
      }
      setFormError(result.formError ?? t("common.errors.invalidInput"));
    });
  }

  const busy = isPending || isSubmitting;
  return (
    <form className="stack" noValidate onSubmit={handleSubmit(submit)} data-hydrated={hydrated ? "true" : undefined} data-testid="indicators-editor">
      <p className="muted">{t("reporting.indicators.intro")}</p>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      {saved ? (
        <div className="alert alert-success" role="status">
          {t("reporting.indicators.saved")}
        </div>
      ) : null}
      {rows.fields.length === 0 ? <p className="muted">{t("reporting.indicators.none")}</p> : null}
      {rows.fields.map((field, i) => {
        const base = `indicators.${i}`;
        return (
          <fieldset key={field.id} className="field">
            <legend>
              {t("reporting.indicators.indicator")} {i + 1}
            </legend>
            <div className="row">
              <div className="field">
                <label htmlFor={idOf(`${base}.indicatorId`)}>{t("reporting.indicators.indicator")}</label>
                <select id={idOf(`${base}.indicatorId`)} aria-invalid={errorText(`${base}.indicatorId`) ? true : undefined} {...register(`indicators.${i}.indicatorId`)}>
                  <option value="">{t("reporting.indicators.choose")}</option>
                  {library.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name} ({l.unit})
                    </option>
                  ))}
                </select>
                {errorText(`${base}.indicatorId`) ? <p className="field-error">{errorText(`${base}.indicatorId`)}</p> : null}
              </div>
              <div className="field">
                <label htmlFor={idOf(`${base}.baseline`)}>{t("reporting.indicators.baseline")}</label>
                <input id={idOf(`${base}.baseline`)} inputMode="decimal" aria-invalid={errorText(`${base}.baseline`) ? true : undefined} {...register(`indicators.${i}.baseline`)} />
                {errorText(`${base}.baseline`) ? <p className="field-error">{errorText(`${base}.baseline`)}</p> : null}
              </div>
              <div className="field">
                <label htmlFor={idOf(`${base}.target`)}>{t("reporting.indicators.target")}</label>
                <input id={idOf(`${base}.target`)} inputMode="decimal" aria-invalid={errorText(`${base}.target`) ? true : undefined} {...register(`indicators.${i}.target`)} />
                {errorText(`${base}.target`) ? <p className="field-error">{errorText(`${base}.target`)}</p> : null}
              </div>
              <button type="button" className="btn" onClick={() => rows.remove(i)}>
                {t("reporting.indicators.remove")}
              </button>
            </div>
          </fieldset>
        );
      })}
      {errorText("indicators") ? <p className="field-error">{errorText("indicators")}</p> : null}
      <div className="row">
        <button type="button" className="btn" onClick={() => rows.append({ indicatorId: "", baseline: "0", target: "" })}>
          {t("reporting.indicators.add")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("reporting.report.saving") : t("reporting.indicators.save")}
        </button>
      </div>
    </form>
  );
}
