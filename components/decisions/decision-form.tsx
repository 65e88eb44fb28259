"use client";

import { Controller } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { DECISION_LIMITS, DECISIONS, type Decision } from "@/lib/decisions/limits";
import type { DecideRequestInput } from "@/lib/decisions/schema";
import type { ActionResult } from "@/lib/errors";

const loadDecisionSchema = () => import("@/lib/decisions/schema").then((m) => m.decideRequestSchema);

interface DecisionFormValues {
  decision: Decision | "";
  memo: string;
  expectedVersion: number;
}

/** Approve, reject or request changes on a request in review, with the memo; sends the rendered version. */
/** The decide-request server action, passed by the page. */
export type DecideRequestAction = (input: DecideRequestInput & { requestId: string }) => Promise<ActionResult<unknown> | undefined>;

export function DecisionForm({ requestId, version, action }: { requestId: string; version: number; action: DecideRequestAction }) {
  const { t } = useI18n();
  const form = useActionForm<DecisionFormValues>({
    schema: loadDecisionSchema,
    // The resolver parsed the values; success redirects (inside the hook's transition).
    action: (values) => action({ ...(values as DecideRequestInput), requestId }),
    defaultValues: { decision: "", memo: "", expectedVersion: version },
    // The version has no field: a stale page is said in the form's alert.
    fields: ["decision", "memo"],
  });

  return (
    <form className="stack" data-testid="decision-form" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <RadioGroup
            {...field}
            label={t("officer.decision.legend")}
            boxed
            error={form.fieldError("decision")}
            options={DECISIONS.map((value) => ({ value, label: t(`officer.decision.${value}`), hint: t(`officer.decision.${value}Hint`) }))}
          />
        )}
      />
      <TextArea
        label={t("officer.decision.memoLabel")}
        hint={t("officer.decision.memoHint")}
        rows={8}
        maxLength={DECISION_LIMITS.memoMax}
        required
        {...form.field("memo")}
      />
      <div className="row">
        <SubmitButton busy={form.busy} busyLabel={t("officer.decision.submitting")}>
          {t("officer.decision.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
