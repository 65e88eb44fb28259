"use client";

import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { NativeRadioGroup } from "@/components/ui/native-radio-group";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/errors";
import { REVIEW_LIMITS } from "@/lib/reviews/limits";
import type { DeclareConflictFormValues, DeclareConflictInput } from "@/lib/reviews/schema";

const loadConflictSchema = () => import("@/lib/reviews/schema").then((m) => m.declareConflictSchema);

/** The server action recording the declaration (it redirects on success). */
export type DeclareConflictAction = (input: DeclareConflictInput & { assignmentId: string }) => Promise<ActionResult<unknown> | undefined>;

/** The reviewer's conflict-of-interest declaration: no conflict opens the scoring, a conflict recuses. */
export function DeclareConflictForm({ assignmentId, action }: { assignmentId: string; action: DeclareConflictAction }) {
  const { t } = useI18n();
  const form = useActionForm<DeclareConflictFormValues>({
    schema: loadConflictSchema,
    // The resolver parsed the values; success redirects (inside the hook's transition).
    action: (values) => action({ ...(values as unknown as DeclareConflictInput), assignmentId }),
    defaultValues: { hasConflict: "", reason: "" },
  });
  const hasConflict = useWatch({ control: form.control, name: "hasConflict" });

  return (
    <form className="stack" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <NativeRadioGroup
        label={t("reviews.declare.legend")}
        options={[
          { value: "false", label: t("reviews.declare.no") },
          { value: "true", label: t("reviews.declare.yes"), hint: t("reviews.declare.yesHint") },
        ]}
        {...form.field("hasConflict")}
      />
      {hasConflict === "true" ? (
        <TextArea
          label={t("reviews.declare.reasonLabel")}
          hint={t("reviews.declare.reasonHint")}
          rows={4}
          maxLength={REVIEW_LIMITS.reasonMax + 100}
          required
          {...form.field("reason")}
        />
      ) : null}
      <div>
        <SubmitButton busy={form.busy} busyLabel={t("reviews.declare.submitting")}>
          {t("reviews.declare.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
