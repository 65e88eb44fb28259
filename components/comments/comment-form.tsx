"use client";

import { useId, useMemo, useRef, useState, useTransition } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { addCommentAction } from "@/app/requests/[id]/officer-actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { addCommentSchema, COMMENT_LIMITS, type CommentVisibility } from "@/lib/comments/schema";
import { translateIssue } from "@/lib/forms/zod";

interface CommentFormValues {
  visibility: CommentVisibility;
  body: string;
}

const FIELDS = ["visibility", "body"] as const;

/**
 * Adds a comment. With both kinds allowed (officers) the author chooses internal (the default, so
 * nothing reaches the state by accident) or shared; otherwise the one allowed kind is fixed and said.
 */
export function CommentForm({
  requestId,
  allowed,
  viewer,
}: {
  requestId: string;
  allowed: CommentVisibility[];
  viewer: "officer" | "reviewer" | "state";
}) {
  const { t } = useI18n();
  const uid = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [isPending, startTransition] = useTransition();
  const formErrorRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => zodResolver(addCommentSchema) as unknown as Resolver<CommentFormValues>, []);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CommentFormValues>({ resolver, defaultValues: { visibility: allowed[0], body: "" }, reValidateMode: "onChange" });

  const id = (field: string) => `${uid}-${field}`;
  const shown = (error: { type?: string; message?: string } | undefined) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const visibilityError = shown(errors.visibility);
  const bodyError = shown(errors.body);

  function submit(values: CommentFormValues) {
    setFormError(null);
    setSaved(false);
    startTransition(async () => {
      const result = await addCommentAction({ ...values, requestId });
      if (!result) return;
      if (result.ok) {
        startTransition(() => {
          reset({ visibility: allowed[0], body: "" });
          setSaved(true);
        });
        return;
      }
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if ((FIELDS as readonly string[]).includes(path) && (path !== "visibility" || allowed.length > 1)) {
          setError(path as FieldPath<CommentFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
          focused = true;
        } else unplaced.push(text);
      }
      const text = [result.formError, ...unplaced].filter(Boolean).join(" ");
      startTransition(() => setFormError(text || t("common.errors.invalidInput")));
      if (!focused) requestAnimationFrame(() => formErrorRef.current?.focus());
    });
  }

  const busy = isSubmitting || isPending;
  const fixedHint = viewer === "state" ? t("officer.comments.stateHint") : viewer === "reviewer" ? t("officer.comments.reviewerHint") : null;

  return (
    <form
      className="stack"
      noValidate
      aria-busy={busy}
      data-testid="comment-form"
      onSubmit={(event) => void handleSubmit(submit, () => setFormError(t("common.errors.invalidInput")))(event)}
    >
      <div className={formError ? "alert alert-error" : undefined} role="alert" tabIndex={-1} ref={formErrorRef}>
        {formError}
      </div>
      <div role="status" className={saved ? "alert alert-success" : undefined}>
        {saved ? t("officer.notices.commentAdded") : null}
      </div>
      {allowed.length > 1 ? (
        <fieldset className="field" aria-describedby={visibilityError ? id("visibility-error") : undefined}>
          <legend>{t("officer.comments.visibilityLegend")}</legend>
          {allowed.map((value) => (
            <div key={value}>
              <div className="checkbox">
                <input
                  id={id(`visibility-${value}`)}
                  type="radio"
                  value={value}
                  aria-describedby={id(`visibility-${value}-hint`)}
                  {...register("visibility")}
                />
                <label htmlFor={id(`visibility-${value}`)}>{t(`officer.comments.${value}`)}</label>
              </div>
              <span className="hint small muted" id={id(`visibility-${value}-hint`)}>
                {t(`officer.comments.${value}Hint`)}
              </span>
            </div>
          ))}
          {visibilityError ? (
            <p className="field-error" id={id("visibility-error")}>
              {visibilityError}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <input type="hidden" {...register("visibility")} />
      )}
      <div className="field">
        <label htmlFor={id("body")}>{t("officer.comments.bodyLabel")}</label>
        <span className="hint" id={id("body-hint")}>
          {fixedHint ? `${fixedHint} ` : ""}
          {t("officer.comments.bodyHint")}
        </span>
        <textarea
          id={id("body")}
          rows={4}
          maxLength={COMMENT_LIMITS.bodyMax}
          aria-required="true"
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={[id("body-hint"), bodyError ? id("body-error") : null].filter(Boolean).join(" ")}
          {...register("body")}
        />
        {bodyError ? (
          <p className="field-error" id={id("body-error")}>
            {bodyError}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("officer.comments.submitting") : t("officer.comments.submit")}
        </button>
      </div>
    </form>
  );
}
