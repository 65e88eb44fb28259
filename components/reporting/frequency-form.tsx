"use client";

import { useId, useMemo, useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { setReportingFrequencyAction } from "@/app/awards/[id]/reports/actions";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { FREQUENCIES } from "@/lib/reporting/calendar";
import { reportingFrequencySchema } from "@/lib/reporting/schema";

interface Values {
  frequencyMonths: string;
}

/**
 * The officer's choice of how often an award reports. Checked with the server's schema; the server also
 * refuses once a report exists or when a tranche waits for a period the new calendar would not have.
 */
export function FrequencyForm({ awardId, current }: { awardId: string; current: number }) {
  const { t } = useI18n();
  const uid = useId();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const resolver = useMemo(() => zodResolver(reportingFrequencySchema, undefined, { raw: true }) as unknown as Resolver<Values>, []);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver, defaultValues: { frequencyMonths: String(current) } });
  const fieldError = errors.frequencyMonths?.message ? translateIssue(errors.frequencyMonths.message, t) : undefined;

  function submit(values: Values) {
    setFormError(null);
    setSaved(false);
    startTransition(async () => {
      const result = await setReportingFrequencyAction({ ...values, awardId, expectedFrequencyMonths: current });
      if (result.ok) {
        setSaved(true);
        return;
      }
      if (result.fieldErrors?.frequencyMonths) setError("frequencyMonths", { type: "server", message: result.fieldErrors.frequencyMonths });
      setFormError(result.formError ?? (result.fieldErrors?.frequencyMonths ? null : t("common.errors.invalidInput")));
    });
  }

  const busy = isPending || isSubmitting;
  return (
    <form className="stack" noValidate onSubmit={handleSubmit(submit)} data-hydrated={hydrated ? "true" : undefined} data-testid="frequency-form">
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      {saved ? (
        <div className="alert alert-success" role="status">
          {t("reporting.frequency.saved")}
        </div>
      ) : null}
      <div className="row items-end">
        <div className="field">
          <label htmlFor={`${uid}-frequency`}>{t("reporting.frequency.label")}</label>
          <select
            id={`${uid}-frequency`}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${uid}-frequency-hint`}
            {...register("frequencyMonths")}
          >
            {FREQUENCIES.map((m) => (
              <option key={m} value={String(m)}>
                {m === 1 ? t("reporting.frequency.monthly") : m === 3 ? t("reporting.frequency.quarterly") : t("reporting.frequency.everyMonths", { months: m })}
              </option>
            ))}
          </select>
          <p id={`${uid}-frequency-hint`} className="muted m-0">
            {t("reporting.frequency.hint")}
          </p>
          {fieldError ? <p className="field-error">{fieldError}</p> : null}
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t("reporting.report.saving") : t("reporting.frequency.save")}
        </button>
      </div>
    </form>
  );
}
