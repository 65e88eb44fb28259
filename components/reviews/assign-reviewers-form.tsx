"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { Controller, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { assignReviewersAction } from "@/app/reviews/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { translateIssue } from "@/lib/forms/zod";
import { assignReviewersSchema, REVIEW_LIMITS, type AssignReviewersFormValues } from "@/lib/reviews/schema";
import type { AutoRecusalReason } from "@/lib/reviews/workflow";

export interface AssignableReviewerOption {
  id: string;
  label: string;
  organizationId: string | null;
  autoRecusal: AutoRecusalReason | null;
  isAssigned: boolean;
}

export interface ProgramOption {
  id: string;
  label: string;
  hasRubric: boolean;
}

export interface PartnerOption {
  id: string;
  name: string;
}

const FIELDS = ["reviewerIds", "programId", "proposedPartnerId"] as const;

/**
 * The officer's reviewer assignment: reviewers as checkboxes (with who would be recused automatically,
 * the proposed partner included as soon as it is chosen), the program whose rubric applies, and the
 * proposed implementing partner. On success it reports the outcome and refreshes the page's summary.
 */
export function AssignReviewersForm({
  requestId,
  reviewers,
  programs,
  partners,
}: {
  requestId: string;
  reviewers: AssignableReviewerOption[];
  programs: ProgramOption[];
  partners: PartnerOption[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const firstWithRubric = programs.find((p) => p.hasRubric);
  const {
    register,
    handleSubmit,
    setError,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AssignReviewersFormValues>({
    resolver: zodResolver(assignReviewersSchema) as unknown as Resolver<AssignReviewersFormValues>,
    defaultValues: { reviewerIds: [], programId: firstWithRubric?.id ?? "", proposedPartnerId: "" },
    reValidateMode: "onChange",
  });
  const partnerId = useWatch({ control, name: "proposedPartnerId" });

  const message = (error: { type?: string; message?: string } | undefined) =>
    error ? (error.type === "server" && error.message ? error.message : translateIssue(error.message, t)) : undefined;
  const reviewersError = message(errors.reviewerIds as { type?: string; message?: string } | undefined);
  const programError = message(errors.programId);
  const partnerError = message(errors.proposedPartnerId);

  const recusalOf = (r: AssignableReviewerOption): AutoRecusalReason | null =>
    r.autoRecusal ?? (partnerId && r.organizationId === partnerId ? "partner" : null);

  function submit(values: object) {
    setFormError(null);
    setDone(null);
    startTransition(async () => {
      const result = await assignReviewersAction({ ...values, requestId });
      if (!result) return;
      if (result.ok) {
        const { assigned, recused, skipped } = result.data;
        startTransition(() => {
          setDone(t("reviews.assign.done", { assigned, recused, skipped }));
          reset((current) => ({ ...current, reviewerIds: [] }));
          router.refresh();
        });
        return;
      }
      let focused = false;
      const unplaced: string[] = [];
      for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
        const field = path.split(".")[0];
        if ((FIELDS as readonly string[]).includes(field)) {
          setError(field as FieldPath<AssignReviewersFormValues>, { type: "server", message: text }, { shouldFocus: !focused });
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
      <div role="status" className={done ? "alert alert-success" : undefined}>
        {done}
      </div>

      <Controller
        control={control}
        name="reviewerIds"
        render={({ field }) => {
          const selected = Array.isArray(field.value) ? field.value : [];
          const toggle = (reviewerId: string, checked: boolean) =>
            field.onChange(checked ? [...selected, reviewerId] : selected.filter((x) => x !== reviewerId));
          return (
            <fieldset className="field" aria-describedby={[id("reviewers-hint"), reviewersError ? id("reviewers-error") : null].filter(Boolean).join(" ")}>
              <legend>{t("reviews.assign.reviewersLegend")}</legend>
              <span className="hint" id={id("reviewers-hint")}>
                {t("reviews.assign.reviewersHint")}
              </span>
              {reviewers.length === 0 ? <p className="muted">{t("reviews.assign.noReviewers")}</p> : null}
              {reviewers.map((r, index) => {
                const reason = recusalOf(r);
                const hintId = id(`reviewer-${index}-hint`);
                const hint = r.isAssigned ? t("reviews.assign.alreadyAssigned") : reason ? t("reviews.assign.wouldRecuse", { reason: t(`reviews.autoRecusal.${reason}`) }) : null;
                return (
                  <div key={r.id}>
                    <div className="checkbox">
                      <input
                        id={id(`reviewer-${index}`)}
                        type="checkbox"
                        value={r.id}
                        disabled={r.isAssigned}
                        checked={selected.includes(r.id)}
                        onChange={(event) => toggle(r.id, event.target.checked)}
                        onBlur={field.onBlur}
                        ref={index === 0 ? field.ref : undefined}
                        aria-invalid={reviewersError ? true : undefined}
                        aria-describedby={hint ? hintId : undefined}
                      />
                      <label htmlFor={id(`reviewer-${index}`)}>{r.label}</label>
                    </div>
                    {hint ? (
                      <span className={reason && !r.isAssigned ? "hint small text-danger" : "hint small muted"} id={hintId}>
                        {hint}
                      </span>
                    ) : null}
                  </div>
                );
              })}
              <span className="hint small muted">{`${selected.length} / ${REVIEW_LIMITS.reviewersMax}`}</span>
              {reviewersError ? (
                <p className="field-error" id={id("reviewers-error")}>
                  {reviewersError}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      />

      <div className="field">
        <label htmlFor={id("program")}>{t("reviews.assign.programLabel")}</label>
        <span className="hint" id={id("program-hint")}>
          {t("reviews.assign.programHint")}
        </span>
        <select
          id={id("program")}
          aria-required="true"
          aria-invalid={programError ? true : undefined}
          aria-describedby={[id("program-hint"), programError ? id("program-error") : null].filter(Boolean).join(" ")}
          {...register("programId")}
        >
          <option value="">{t("reviews.assign.programPlaceholder")}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id} disabled={!p.hasRubric}>
              {p.label}
            </option>
          ))}
        </select>
        {programError ? (
          <p className="field-error" id={id("program-error")}>
            {programError}
          </p>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={id("partner")}>{t("reviews.assign.partnerLabel")}</label>
        <span className="hint" id={id("partner-hint")}>
          {t("reviews.assign.partnerHint")}
        </span>
        <select
          id={id("partner")}
          aria-invalid={partnerError ? true : undefined}
          aria-describedby={[id("partner-hint"), partnerError ? id("partner-error") : null].filter(Boolean).join(" ")}
          {...register("proposedPartnerId")}
        >
          <option value="">{t("reviews.assign.partnerNone")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {partnerError ? (
          <p className="field-error" id={id("partner-error")}>
            {partnerError}
          </p>
        ) : null}
      </div>

      <div>
        <button type="submit" className="btn btn-primary" disabled={busy || reviewers.every((r) => r.isAssigned)}>
          {busy ? t("reviews.assign.submitting") : t("reviews.assign.submit")}
        </button>
      </div>
    </form>
  );
}
