"use client";

import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { NativeRadioGroup } from "@/components/ui/native-radio-group";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/errors";
import { RECOMMENDATIONS } from "@/lib/enums";
import { REVIEW_LIMITS } from "@/lib/reviews/limits";
import type { SubmitReviewFormValues, SubmitReviewInput } from "@/lib/reviews/schema";

const loadReviewSchema = () => import("@/lib/reviews/schema").then((m) => m.submitReviewSchema);

export interface ReviewFormCriterion {
  id: string;
  name: string;
  weight: number;
}

/** The server action submitting the review (it redirects on success). */
export type SubmitReviewAction = (input: SubmitReviewInput & { assignmentId: string }) => Promise<ActionResult<unknown> | undefined>;

const SCALE = ["1", "2", "3", "4", "5"] as const;

/** One criterion of the rubric, with its weight: a 1-5 score side by side and the required reason. */
function CriterionFields({ form, criterion, index }: { form: ActionForm<SubmitReviewFormValues>; criterion: ReviewFormCriterion; index: number }) {
  const { t } = useI18n();
  return (
    <fieldset className="card stack" data-testid={`criterion-${index}`}>
      <legend className="text-bold">{t("reviews.score.criterionLegend", { criterion: criterion.name, weight: criterion.weight })}</legend>
      <input type="hidden" {...form.register(`scores.${index}.criterionId`)} />
      <NativeRadioGroup
        label={t("reviews.score.scoreLegend")}
        horizontal
        options={SCALE.map((value) => ({ value, label: t(`reviews.score.scale.s${value}`) }))}
        {...form.field(`scores.${index}.score`)}
      />
      <TextArea
        label={t("reviews.score.commentLabel")}
        hint={t("reviews.score.commentHint")}
        rows={3}
        maxLength={REVIEW_LIMITS.scoreCommentMax + 100}
        required
        {...form.field(`scores.${index}.comment`)}
      />
    </fieldset>
  );
}

/**
 * The scoring form: for each criterion of the rubric (with its weight) a 1-5 radio group and a required
 * explanation, then the recommendation and an optional overall comment. Submitted once.
 */
export function ReviewForm({ assignmentId, criteria, action }: { assignmentId: string; criteria: ReviewFormCriterion[]; action: SubmitReviewAction }) {
  const { t } = useI18n();
  const form = useActionForm<SubmitReviewFormValues>({
    schema: loadReviewSchema,
    // The resolver parsed the values (scores as numbers); success redirects (inside the hook's transition).
    action: (values) => action({ ...(values as unknown as SubmitReviewInput), assignmentId }),
    defaultValues: {
      scores: criteria.map((c) => ({ criterionId: c.id, score: "", comment: "" })),
      recommendation: "",
      comment: "",
    },
    // The criterion ids have no field: a message about one (unknown, scored twice) goes to the alert.
    fields: [...criteria.flatMap((_, index) => [`scores.${index}.score`, `scores.${index}.comment`]), "recommendation", "comment"],
  });

  return (
    <form className="stack" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      {criteria.map((criterion, index) => (
        <CriterionFields key={criterion.id} form={form} criterion={criterion} index={index} />
      ))}
      {/* A fieldset: the recommendation is a group named by its legend. */}
      <NativeRadioGroup
        label={t("reviews.score.recommendationLegend")}
        options={RECOMMENDATIONS.map((value) => ({ value, label: t(`reviews.recommendation.${value}`) }))}
        {...form.field("recommendation")}
      />
      <TextArea
        label={t("reviews.score.overallCommentLabel")}
        hint={t("reviews.score.overallCommentHint")}
        rows={5}
        maxLength={REVIEW_LIMITS.commentMax + 100}
        {...form.field("comment")}
      />
      <div>
        <SubmitButton busy={form.busy} busyLabel={t("reviews.score.submitting")}>
          {t("reviews.score.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
