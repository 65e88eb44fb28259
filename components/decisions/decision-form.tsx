"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { decideRequestAction } from "@/app/requests/[id]/officer-actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DECISION_LIMITS, DECISIONS, decideRequestSchema, type DecideRequestInput, type Decision } from "@/lib/decisions/schema";
import { translateIssue } from "@/lib/forms/zod";

interface DecisionFormValues {
  decision: Decision | "";
  memo: string;
  expectedVersion: number;
}

const FIELDS = ["decision", "memo"] as const;

/** Approve, reject or request changes on a request in review, with the memo; sends the rendered version. */
export function DecisionForm({ requestId, version }: { requestId: string; version: number }) {
  const { t } = useI18n();
  const uid = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const formErrorRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => zodResolver(decideRequestSchema) as unknown as Resolver<DecisionFormValues>, []);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DecisionFormValues>({ resolver, defaultValues: { decision: "", memo: "", expectedVersion: version }, reValidateMode: "onChange" });

  const id = (field: string) => `${uid}-${field}`;
  const shown = (error: { type?: string; message?: string } | undefined) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const decisionError = shown(errors.decision);
  const memoError = shown(errors.memo);
  const summary = formError ?? shown(errors.expectedVersion) ?? null;

  function submit(values: DecisionFormValues) {
    setFormError(null);
    // Inside a transition: the action's redirect (its success) reaches Next's redirect boundary.
    startTransition(async () => {
      const result = await decideRequestAction({ ...(values as DecideRequestInput), requestId }); // the resolver parsed them
      if (!result || result.ok) return;
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if ((FIELDS as readonly string[]).includes(path)) {
          setError(path as FieldPath<DecisionFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
          focused = true;
        } else unplaced.push(text);
      }
      const text = [result.formError, ...unplaced].filter(Boolean).join(" ");
      startTransition(() => setFormError(text || t("common.errors.invalidInput")));
      if (!focused) requestAnimationFrame(() => formErrorRef.current?.focus());
    });
  }

  const busy = isSubmitting || isPending;

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      data-testid="decision-form"
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      <div className={summary ? "alert alert-error" : undefined} role="alert" tabIndex={-1} ref={formErrorRef}>
        {summary}
      </div>
      <fieldset className="field" aria-describedby={decisionError ? id("decision-error") : undefined}>
        <legend>{t("officer.decision.legend")}</legend>
        {DECISIONS.map((value) => (
          <div key={value}>
            <div className="checkbox">
              <input
                id={id(`decision-${value}`)}
                type="radio"
                value={value}
                aria-describedby={id(`decision-${value}-hint`)}
                {...register("decision")}
              />
              <label htmlFor={id(`decision-${value}`)}>{t(`officer.decision.${value}`)}</label>
            </div>
            <span className="hint small muted" id={id(`decision-${value}-hint`)}>
              {t(`officer.decision.${value}Hint`)}
            </span>
          </div>
        ))}
        {decisionError ? (
          <p className="field-error" id={id("decision-error")}>
            {decisionError}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={id("memo")}>{t("officer.decision.memoLabel")}</label>
        <span className="hint" id={id("memo-hint")}>
          {t("officer.decision.memoHint")}
        </span>
        <textarea
          id={id("memo")}
          rows={8}
          maxLength={DECISION_LIMITS.memoMax}
          aria-required="true"
          aria-invalid={memoError ? true : undefined}
          aria-describedby={[id("memo-hint"), memoError ? id("memo-error") : null].filter(Boolean).join(" ")}
          {...register("memo")}
        />
        {memoError ? (
          <p className="field-error" id={id("memo-error")}>
            {memoError}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("officer.decision.submitting") : t("officer.decision.submit")}
        </button>
      </div>
    </form>
  );
}
