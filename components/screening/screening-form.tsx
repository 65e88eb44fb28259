"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { completeScreeningAction } from "@/app/requests/[id]/officer-actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { CHECKLIST_KEYS, EMPTY_CHECKLIST, type AutomaticChecks, type Checklist } from "@/lib/screening/checks";
import { completeScreeningSchema, SCREENING_LIMITS, SCREENING_OUTCOMES, type CompleteScreeningInput, type ScreeningOutcome } from "@/lib/screening/schema";
import { AutomaticCheckList } from "./check-list";

/** A program as the screening form shows it (amounts already formatted in the reader's language). */
export interface ScreeningFormProgram {
  id: string;
  name: string;
  remaining: string;
  cap: string | null;
  isDemoFigures: boolean;
  isSuggested: boolean;
  isEligible: boolean;
  checks: AutomaticChecks;
}

interface ScreeningFormValues {
  programId: string;
  checklist: Checklist;
  outcome: ScreeningOutcome | "";
  message: string;
  expectedVersion: number;
}

const FIELDS = ["programId", "checklist", "outcome", "message"] as const;

/**
 * The screening of a request in screening: a program with its automatic checks beside the manual
 * checklist, an outcome and the message to the state. Sends the version the page was rendered with.
 */
export function ScreeningForm({
  requestId,
  version,
  programs,
  defaultProgramId,
}: {
  requestId: string;
  version: number;
  programs: ScreeningFormProgram[];
  defaultProgramId: string;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const formErrorRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => zodResolver(completeScreeningSchema) as unknown as Resolver<ScreeningFormValues>, []);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ScreeningFormValues>({
    resolver,
    defaultValues: { programId: defaultProgramId, checklist: { ...EMPTY_CHECKLIST }, outcome: "", message: "", expectedVersion: version },
    reValidateMode: "onChange",
  });
  const outcome = useWatch({ control, name: "outcome" });
  const messageRequired = outcome === "request_changes" || outcome === "reject";

  const id = (field: string) => `${uid}-${field}`;
  const shown = (error: { type?: string; message?: string } | undefined) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const programError = shown(errors.programId);
  // The checklist's own error (incomplete, unknown item) or the first of its items.
  const checklistNode = errors.checklist;
  const checklistError = shown(checklistNode?.message ? checklistNode : CHECKLIST_KEYS.map((k) => checklistNode?.[k]).find(Boolean));
  const outcomeError = shown(errors.outcome);
  const messageError = shown(errors.message);
  const versionError = shown(errors.expectedVersion);

  function submit(values: ScreeningFormValues) {
    setFormError(null);
    // Inside a transition: the action's redirect (its success) reaches Next's redirect boundary.
    startTransition(async () => {
      const result = await completeScreeningAction({ ...(values as CompleteScreeningInput), requestId }); // the resolver parsed them
      if (!result || result.ok) return;
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        const field = path.split(".")[0] as (typeof FIELDS)[number];
        if ((FIELDS as readonly string[]).includes(field)) {
          setError(field as FieldPath<ScreeningFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
          focused = true;
        } else unplaced.push(text);
      }
      const summary = [result.formError, ...unplaced].filter(Boolean).join(" ");
      startTransition(() => setFormError(summary || t("common.errors.invalidInput")));
      if (!focused) requestAnimationFrame(() => formErrorRef.current?.focus());
    });
  }

  const busy = isSubmitting || isPending;
  const summary = formError ?? versionError ?? null;

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      data-testid="screening-form"
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      <div className={summary ? "alert alert-error" : undefined} role="alert" tabIndex={-1} ref={formErrorRef}>
        {summary}
      </div>

      <div className="card-columns">
        <fieldset className="field" aria-describedby={[id("program-hint"), programError ? id("program-error") : null].filter(Boolean).join(" ")}>
          <legend>{t("officer.screening.programLegend")}</legend>
          <span className="hint" id={id("program-hint")}>
            {programs.length === 0 ? t("officer.screening.programNone") : t("officer.screening.programHint")}
          </span>
          {programs.map((p) => (
            <div key={p.id} className="card stack p-3" data-testid={`screening-program-${p.id}`}>
              <div className="checkbox">
                <input
                  id={id(`program-${p.id}`)}
                  type="radio"
                  value={p.id}
                  aria-describedby={id(`program-${p.id}-checks`)}
                  {...register("programId")}
                />
                <label htmlFor={id(`program-${p.id}`)}>
                  <strong>{p.name}</strong>
                </label>
              </div>
              <p className="small m-0">
                {p.isSuggested ? <span className="badge">{t("officer.screening.suggested")}</span> : null}{" "}
                {t("officer.screening.remaining", { amount: p.remaining })} ·{" "}
                {p.cap ? t("officer.screening.cap", { amount: p.cap }) : t("officer.screening.noCap")}
                {p.isDemoFigures ? <span className="muted"> ({t("officer.screening.demoFigures")})</span> : null}
              </p>
              <AutomaticCheckList checks={p.checks} id={id(`program-${p.id}-checks`)} />
              {!p.isEligible ? <p className="small muted m-0">{t("officer.screening.notEligible")}</p> : null}
            </div>
          ))}
          <div className="checkbox">
            <input id={id("program-none")} type="radio" value="" {...register("programId")} />
            <label htmlFor={id("program-none")}>{t("officer.screening.noProgram")}</label>
          </div>
          {programError ? (
            <p className="field-error" id={id("program-error")}>
              {programError}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="field" aria-describedby={[id("checklist-hint"), checklistError ? id("checklist-error") : null].filter(Boolean).join(" ")}>
          <legend>{t("officer.checklist.legend")}</legend>
          <span className="hint" id={id("checklist-hint")}>
            {t("officer.checklist.hint")}
          </span>
          {CHECKLIST_KEYS.map((key) => (
            <div key={key} className="checkbox items-start">
              <input
                id={id(`checklist-${key}`)}
                type="checkbox"
                aria-invalid={checklistError ? true : undefined}
                {...register(`checklist.${key}`)}
              />
              <label htmlFor={id(`checklist-${key}`)}>{t(`officer.checklist.${key}`)}</label>
            </div>
          ))}
          {checklistError ? (
            <p className="field-error" id={id("checklist-error")}>
              {checklistError}
            </p>
          ) : null}
        </fieldset>
      </div>

      <fieldset className="field" aria-describedby={outcomeError ? id("outcome-error") : undefined}>
        <legend>{t("officer.screening.outcomeLegend")}</legend>
        {SCREENING_OUTCOMES.map((value) => (
          <div key={value}>
            <div className="checkbox">
              <input
                id={id(`outcome-${value}`)}
                type="radio"
                value={value}
                aria-describedby={id(`outcome-${value}-hint`)}
                {...register("outcome")}
              />
              <label htmlFor={id(`outcome-${value}`)}>{t(`officer.outcomes.${value}`)}</label>
            </div>
            <span className="hint small muted" id={id(`outcome-${value}-hint`)}>
              {t(`officer.outcomes.${value}Hint`)}
            </span>
          </div>
        ))}
        {outcomeError ? (
          <p className="field-error" id={id("outcome-error")}>
            {outcomeError}
          </p>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor={id("message")}>{t("officer.screening.messageLabel")}</label>
        <span className="hint" id={id("message-hint")}>
          {t("officer.screening.messageHint")}
        </span>
        <textarea
          id={id("message")}
          rows={6}
          maxLength={SCREENING_LIMITS.messageMax}
          aria-required={messageRequired ? "true" : undefined}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={[id("message-hint"), messageError ? id("message-error") : null].filter(Boolean).join(" ")}
          {...register("message")}
        />
        {messageError ? (
          <p className="field-error" id={id("message-error")}>
            {messageError}
          </p>
        ) : null}
      </div>

      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("officer.screening.submitting") : t("officer.screening.submit")}
        </button>
      </div>
    </form>
  );
}
