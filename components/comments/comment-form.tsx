"use client";

import { Controller } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert, FormSaved } from "@/components/ui/form-alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { COMMENT_LIMITS, type CommentVisibility } from "@/lib/comments/limits";
import type { ActionResult } from "@/lib/errors";

const loadCommentSchema = () => import("@/lib/comments/schema").then((m) => m.addCommentSchema);

/** The add-comment server action, passed by the page. */
export type AddCommentAction = (input: { requestId: string; visibility: CommentVisibility; body: string }) => Promise<ActionResult<unknown> | undefined>;

interface CommentFormValues {
  visibility: CommentVisibility;
  body: string;
}

/**
 * Adds a comment. With both kinds allowed (officers) the author chooses internal (the default, so
 * nothing reaches the state by accident) or shared; otherwise the one allowed kind is fixed and said.
 */
export function CommentForm({
  requestId,
  allowed,
  viewer,
  action,
}: {
  requestId: string;
  allowed: CommentVisibility[];
  viewer: "officer" | "reviewer" | "state";
  /** The add-comment server action, passed by the page. */
  action: AddCommentAction;
}) {
  const { t } = useI18n();
  const canChoose = allowed.length > 1;
  const form = useActionForm<CommentFormValues>({
    schema: loadCommentSchema,
    action: (values) => action({ ...values, requestId }),
    defaultValues: { visibility: allowed[0], body: "" },
    // A fixed visibility has no field: a message about it goes to the form's alert.
    fields: canChoose ? ["visibility", "body"] : ["body"],
    resetOnSuccess: true,
  });
  const fixedHint = viewer === "state" ? t("officer.comments.stateHint") : viewer === "reviewer" ? t("officer.comments.reviewerHint") : null;

  return (
    <form className="stack" data-testid="comment-form" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <FormSaved saved={form.saved}>{t("officer.notices.commentAdded")}</FormSaved>
      {canChoose ? (
        <Controller
          control={form.control}
          name="visibility"
          render={({ field }) => (
            <RadioGroup
              {...field}
              label={t("officer.comments.visibilityLegend")}
              boxed
              error={form.fieldError("visibility")}
              options={allowed.map((value) => ({ value, label: t(`officer.comments.${value}`), hint: t(`officer.comments.${value}Hint`) }))}
            />
          )}
        />
      ) : (
        <input type="hidden" {...form.register("visibility")} />
      )}
      <TextArea
        label={t("officer.comments.bodyLabel")}
        hint={`${fixedHint ? `${fixedHint} ` : ""}${t("officer.comments.bodyHint")}`}
        rows={4}
        maxLength={COMMENT_LIMITS.bodyMax}
        required
        {...form.field("body")}
      />
      <div className="row">
        <SubmitButton busy={form.busy} busyLabel={t("officer.comments.submitting")}>
          {t("officer.comments.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
