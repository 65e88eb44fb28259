"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { decideReportAction } from "@/app/awards/[id]/reports/actions";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { reportDecisionSchema } from "@/lib/reporting/schema";

interface ReportDecisionValues {
  decision: "accept" | "return" | "";
  comment: string;
  expectedVersion: number;
}

/** The officer's decision on a submitted report: accept, or return with a comment for the submitters. */
export function ReportDecisionForm({ reportId, version }: { reportId: string; version: number }) {
  const { t } = useI18n();
  const uid = useId();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const resolver = useMemo(() => zodResolver(reportDecisionSchema, undefined, { raw: true }) as unknown as Resolver<ReportDecisionValues>, []);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReportDecisionValues>({ resolver, defaultValues: { decision: "", comment: "", expectedVersion: version } });
  const errorOf = (name: "decision" | "comment") => (errors[name]?.message ? translateIssue(errors[name]?.message, t) : undefined);

  function send(values: ReportDecisionValues) {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    startTransition(async () => {
      const result = await decideReportAction({ ...values, reportId });
      if (!result || result.ok) return;
      inFlight.current = false;
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if (path === "decision" || path === "comment") setError(path as FieldPath<ReportDecisionValues>, { type: "server", message: text });
      }
      startTransition(() => setFormError(result.formError ?? t("common.errors.invalidInput")));
    });
  }

  const busy = isPending || isSubmitting;
  return (
    <form className="card stack" noValidate onSubmit={(event) => void handleSubmit(send)(event)} data-hydrated={hydrated ? "true" : undefined} data-testid="report-decision-form">
      <h2>{t("reporting.report.reviewHeading")}</h2>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <fieldset className="field" aria-invalid={errorOf("decision") ? true : undefined}>
        <legend>{t("reporting.report.decision")}</legend>
        <label>
          <input type="radio" value="accept" {...register("decision")} /> {t("reporting.report.accept")}
        </label>
        <label>
          <input type="radio" value="return" {...register("decision")} /> {t("reporting.report.return")}
        </label>
        {errorOf("decision") ? <p className="field-error">{errorOf("decision")}</p> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-comment`}>{t("reporting.report.comment")}</label>
        <p className="hint" id={`${uid}-comment-hint`}>
          {t("reporting.report.commentHint")}
        </p>
        <textarea id={`${uid}-comment`} rows={5} aria-describedby={`${uid}-comment-hint`} aria-invalid={errorOf("comment") ? true : undefined} {...register("comment")} />
        {errorOf("comment") ? <p className="field-error">{errorOf("comment")}</p> : null}
      </div>
      <input type="hidden" {...register("expectedVersion", { valueAsNumber: true })} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("reporting.report.saving") : t("reporting.report.sendReview")}
        </button>
      </div>
    </form>
  );
}
