"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useWatch } from "react-hook-form";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox";
import { FormAlert, FormSaved } from "@/components/ui/form-alert";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/errors";
import { REVIEW_LIMITS } from "@/lib/reviews/limits";
import type { AssignReviewersFormValues, AssignReviewersInput, AssignReviewersOutcome } from "@/lib/reviews/schema";
import type { AutoRecusalReason } from "@/lib/reviews/workflow";

const loadAssignSchema = () => import("@/lib/reviews/schema").then((m) => m.assignReviewersSchema);

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

/** The server action assigning the reviewers; it answers with the outcome. */
export type AssignReviewersAction = (input: AssignReviewersInput & { requestId: string }) => Promise<ActionResult<AssignReviewersOutcome>>;

/** The reviewers as checkboxes, each saying whether it is already assigned or would be recused automatically. */
function ReviewerChoices({ form, reviewers }: { form: ActionForm<AssignReviewersFormValues>; reviewers: AssignableReviewerOption[] }) {
  const { t } = useI18n();
  // The proposed partner's own staff would be recused as soon as it is chosen.
  const partnerId = useWatch({ control: form.control, name: "proposedPartnerId" });
  const recusalOf = (r: AssignableReviewerOption): AutoRecusalReason | null =>
    r.autoRecusal ?? (partnerId && r.organizationId === partnerId ? "partner" : null);
  const hintOf = (r: AssignableReviewerOption) => {
    if (r.isAssigned) return t("reviews.assign.alreadyAssigned");
    const reason = recusalOf(r);
    return reason ? <span className="text-danger">{t("reviews.assign.wouldRecuse", { reason: t(`reviews.autoRecusal.${reason}`) })}</span> : undefined;
  };
  return (
    <Controller
      control={form.control}
      name="reviewerIds"
      render={({ field }) => {
        const selected = Array.isArray(field.value) ? field.value : [];
        return (
          <div className="stack-tight">
            <CheckboxGroup
              {...field}
              value={selected}
              label={t("reviews.assign.reviewersLegend")}
              hint={t("reviews.assign.reviewersHint")}
              boxed
              error={form.fieldError("reviewerIds")}
              options={reviewers.map((r) => ({ value: r.id, label: r.label, disabled: r.isAssigned, hint: hintOf(r) }))}
            />
            {reviewers.length === 0 ? <p className="muted">{t("reviews.assign.noReviewers")}</p> : null}
            <span className="hint small muted">{`${selected.length} / ${REVIEW_LIMITS.reviewersMax}`}</span>
          </div>
        );
      }}
    />
  );
}

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
  action,
}: {
  requestId: string;
  reviewers: AssignableReviewerOption[];
  programs: ProgramOption[];
  partners: PartnerOption[];
  action: AssignReviewersAction;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [outcome, setOutcome] = useState<AssignReviewersOutcome | null>(null);
  const form = useActionForm<AssignReviewersFormValues, AssignReviewersOutcome>({
    schema: loadAssignSchema,
    action: (values) => action({ ...(values as unknown as AssignReviewersInput), requestId }),
    defaultValues: { reviewerIds: [], programId: programs.find((p) => p.hasRubric)?.id ?? "", proposedPartnerId: "" },
    onSuccess: (data) => {
      setOutcome(data);
      // The program and partner stay chosen for the next reviewers.
      form.form.reset((current) => ({ ...current, reviewerIds: [] }));
      router.refresh();
    },
  });

  return (
    <form className="stack" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <FormSaved saved={form.saved && outcome !== null}>{outcome ? t("reviews.assign.done", { ...outcome }) : null}</FormSaved>
      <ReviewerChoices form={form} reviewers={reviewers} />
      <NativeSelect
        label={t("reviews.assign.programLabel")}
        hint={t("reviews.assign.programHint")}
        required
        options={[
          { value: "", label: t("reviews.assign.programPlaceholder") },
          ...programs.map((p) => ({ value: p.id, label: p.label, disabled: !p.hasRubric })),
        ]}
        {...form.field("programId")}
      />
      <NativeSelect
        label={t("reviews.assign.partnerLabel")}
        hint={t("reviews.assign.partnerHint")}
        options={[{ value: "", label: t("reviews.assign.partnerNone") }, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
        {...form.field("proposedPartnerId")}
      />
      <div>
        <SubmitButton busy={form.busy} busyLabel={t("reviews.assign.submitting")} disabled={reviewers.every((r) => r.isAssigned)}>
          {t("reviews.assign.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
