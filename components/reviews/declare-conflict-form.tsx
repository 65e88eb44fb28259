"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { declareConflictAction } from "@/app/reviews/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { declareConflictSchema, REVIEW_LIMITS, type DeclareConflictFormValues } from "@/lib/reviews/schema";

const FIELDS = ["hasConflict", "reason"] as const;

/** The reviewer's conflict-of-interest declaration: no conflict opens the scoring, a conflict recuses. */
export function DeclareConflictForm({ assignmentId }: { assignmentId: string }) {
  const { t } = useI18n();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<DeclareConflictFormValues>({
    resolver: zodResolver(declareConflictSchema) as unknown as Resolver<DeclareConflictFormValues>,
    defaultValues: { hasConflict: "", reason: "" },
    reValidateMode: "onChange",
  });
  const hasConflict = useWatch({ control, name: "hasConflict" });

  const message = (error: { type?: string; message?: string } | undefined) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const choiceError = message(errors.hasConflict);
  const reasonError = message(errors.reason);

  function submit(values: object) {
    setFormError(null);
    // Inside a transition: the action's redirect (its success) reaches Next's redirect boundary.
    startTransition(async () => {
      const result = await declareConflictAction({ ...values, assignmentId });
      if (!result || result.ok) return;
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if ((FIELDS as readonly string[]).includes(path)) {
          setError(path as FieldPath<DeclareConflictFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
          focused = true;
        } else unplaced.push(text);
      }
      startTransition(() => setFormError([result.formError, ...unplaced].filter(Boolean).join(" ") || t("common.errors.invalidInput")));
      if (!focused) requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const busy = isSubmitting || isPending;
  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      <div ref={alertRef} tabIndex={-1} role="alert" className={formError ? "alert alert-error" : undefined}>
        {formError}
      </div>
      <fieldset className="field" aria-describedby={choiceError ? id("choice-error") : undefined}>
        <legend>{t("reviews.declare.legend")}</legend>
        <div className="checkbox">
          <input id={id("no")} type="radio" value="false" {...register("hasConflict")} />
          <label htmlFor={id("no")}>{t("reviews.declare.no")}</label>
        </div>
        <div className="checkbox">
          <input
            id={id("yes")}
            type="radio"
            value="true"
           
            aria-describedby={id("yes-hint")}
            {...register("hasConflict")}
          />
          <label htmlFor={id("yes")}>{t("reviews.declare.yes")}</label>
        </div>
        <span className="hint small" id={id("yes-hint")}>
          {t("reviews.declare.yesHint")}
        </span>
        {choiceError ? (
          <p className="field-error" id={id("choice-error")}>
            {choiceError}
          </p>
        ) : null}
      </fieldset>

      {hasConflict === "true" ? (
        <div className="field">
          <label htmlFor={id("reason")}>{t("reviews.declare.reasonLabel")}</label>
          <span className="hint" id={id("reason-hint")}>
            {t("reviews.declare.reasonHint")}
          </span>
          <textarea
            id={id("reason")}
            rows={4}
            maxLength={REVIEW_LIMITS.reasonMax + 100}
            aria-required="true"
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[id("reason-hint"), reasonError ? id("reason-error") : null].filter(Boolean).join(" ")}
            {...register("reason")}
          />
          {reasonError ? (
            <p className="field-error" id={id("reason-error")}>
              {reasonError}
            </p>
          ) : null}
        </div>
      ) : null}

      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("reviews.declare.submitting") : t("reviews.declare.submit")}
        </button>
      </div>
    </form>
  );
}
