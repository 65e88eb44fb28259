"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitReviewAction } from "@/app/reviews/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { RECOMMENDATIONS, REVIEW_LIMITS, submitReviewSchema, type SubmitReviewFormValues } from "@/lib/reviews/schema";

export interface ReviewFormCriterion {
  id: string;
  name: string;
  weight: number;
}

const SCALE = ["1", "2", "3", "4", "5"] as const;

type ShownError = { type?: string; message?: string } | undefined;

/** The first error under a path of the errors tree (e.g. "scores.1.comment"). */
function errorAt(errors: unknown, path: string): ShownError {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (!node || typeof node !== "object") return undefined;
  const record = node as Record<string, unknown>;
  return typeof record.message === "string" || typeof record.type === "string" ? (record as ShownError) : undefined;
}

/**
 * The scoring form: for each criterion of the rubric (with its weight) a 1-5 radio group and a required
 * explanation, then the recommendation and an optional overall comment. Submitted once.
 */
export function ReviewForm({ assignmentId, criteria }: { assignmentId: string; criteria: ReviewFormCriterion[] }) {
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
    formState: { errors, isSubmitting },
  } = useForm<SubmitReviewFormValues>({
    resolver: zodResolver(submitReviewSchema) as unknown as Resolver<SubmitReviewFormValues>,
    defaultValues: {
      scores: criteria.map((c) => ({ criterionId: c.id, score: "", comment: "" })),
      recommendation: "",
      comment: "",
    },
    reValidateMode: "onChange",
  });

  const message = (error: ShownError) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const errorOf = (path: string) => message(errorAt(errors, path));

  function isFieldPath(path: string): boolean {
    return /^scores\.\d+\.(score|comment)$/.test(path) || path === "recommendation" || path === "comment";
  }

  function submit(values: object) {
    setFormError(null);
    startTransition(async () => {
      const result = await submitReviewAction({ ...values, assignmentId });
      if (!result || result.ok) return;
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        if (isFieldPath(path)) {
          setError(path as FieldPath<SubmitReviewFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
          focused = true;
        } else unplaced.push(text);
      }
      startTransition(() => setFormError([result.formError, ...unplaced].filter(Boolean).join(" ") || t("common.errors.invalidInput")));
      if (!focused) requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  const busy = isSubmitting || isPending;
  const recommendationError = errorOf("recommendation");
  const commentError = errorOf("comment");

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

      {criteria.map((criterion, index) => {
        const scoreError = errorOf(`scores.${index}.score`);
        const commentErr = errorOf(`scores.${index}.comment`);
        const key = (name: string) => id(`c${index}-${name}`);
        return (
          <fieldset key={criterion.id} className="card stack" data-testid={`criterion-${index}`}>
            <legend className="text-bold">{t("reviews.score.criterionLegend", { criterion: criterion.name, weight: criterion.weight })}</legend>
            <input type="hidden" {...register(`scores.${index}.criterionId`)} />
            <fieldset className="field" aria-describedby={scoreError ? key("score-error") : undefined}>
              <legend>{t("reviews.score.scoreLegend")}</legend>
              <div className="row">
                {SCALE.map((value) => (
                  <div key={value} className="checkbox">
                    <input
                      id={key(`s${value}`)}
                      type="radio"
                      value={value}
                      {...register(`scores.${index}.score`)}
                    />
                    <label htmlFor={key(`s${value}`)}>{t(`reviews.score.scale.s${value}`)}</label>
                  </div>
                ))}
              </div>
              {scoreError ? (
                <p className="field-error" id={key("score-error")}>
                  {scoreError}
                </p>
              ) : null}
            </fieldset>
            <div className="field">
              <label htmlFor={key("comment")}>{t("reviews.score.commentLabel")}</label>
              <span className="hint" id={key("comment-hint")}>
                {t("reviews.score.commentHint")}
              </span>
              <textarea
                id={key("comment")}
                rows={3}
                maxLength={REVIEW_LIMITS.scoreCommentMax + 100}
                aria-required="true"
                aria-invalid={commentErr ? true : undefined}
                aria-describedby={[key("comment-hint"), commentErr ? key("comment-error") : null].filter(Boolean).join(" ")}
                {...register(`scores.${index}.comment`)}
              />
              {commentErr ? (
                <p className="field-error" id={key("comment-error")}>
                  {commentErr}
                </p>
              ) : null}
            </div>
          </fieldset>
        );
      })}

      <fieldset className="field" aria-describedby={recommendationError ? id("recommendation-error") : undefined}>
        <legend>{t("reviews.score.recommendationLegend")}</legend>
        {RECOMMENDATIONS.map((value) => (
          <div key={value} className="checkbox">
            <input
              id={id(`rec-${value}`)}
              type="radio"
              value={value}
              {...register("recommendation")}
            />
            <label htmlFor={id(`rec-${value}`)}>{t(`reviews.recommendation.${value}`)}</label>
          </div>
        ))}
        {recommendationError ? (
          <p className="field-error" id={id("recommendation-error")}>
            {recommendationError}
          </p>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor={id("comment")}>{t("reviews.score.overallCommentLabel")}</label>
        <span className="hint" id={id("comment-hint")}>
          {t("reviews.score.overallCommentHint")}
        </span>
        <textarea
          id={id("comment")}
          rows={5}
          maxLength={REVIEW_LIMITS.commentMax + 100}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={[id("comment-hint"), commentError ? id("comment-error") : null].filter(Boolean).join(" ")}
          {...register("comment")}
        />
        {commentError ? (
          <p className="field-error" id={id("comment-error")}>
            {commentError}
          </p>
        ) : null}
      </div>

      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("reviews.score.submitting") : t("reviews.score.submit")}
        </button>
      </div>
    </form>
  );
}
