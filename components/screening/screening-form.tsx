"use client";

import { Controller, useWatch } from "react-hook-form";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox";
import { FormAlert } from "@/components/ui/form-alert";
import { NativeRadioGroup } from "@/components/ui/native-radio-group";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/errors";
import { CHECKLIST_KEYS, EMPTY_CHECKLIST, type AutomaticChecks, type Checklist } from "@/lib/screening/checks";
import { SCREENING_LIMITS, SCREENING_OUTCOMES, type ScreeningOutcome } from "@/lib/screening/limits";
import type { CompleteScreeningInput } from "@/lib/screening/schema";
import { ScreeningProgramChoice } from "./screening-program-choice";

const loadScreeningSchema = () => import("@/lib/screening/schema").then((m) => m.completeScreeningSchema);

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

export interface ScreeningFormValues {
  programId: string;
  checklist: Checklist;
  outcome: ScreeningOutcome | "";
  message: string;
  expectedVersion: number;
}

/** The server action recording the screening (it redirects on success). */
export type CompleteScreeningAction = (input: CompleteScreeningInput & { requestId: string }) => Promise<ActionResult<unknown> | undefined>;

/** The manual checklist as a group of checkboxes; the form holds it as one yes/no per item. */
function ChecklistChoice({ form }: { form: ActionForm<ScreeningFormValues> }) {
  const { t } = useI18n();
  return (
    <Controller
      control={form.control}
      name="checklist"
      render={({ field }) => (
        <CheckboxGroup
          {...field}
          value={CHECKLIST_KEYS.filter((key) => field.value?.[key] === true)}
          onChange={(ticked) => field.onChange(Object.fromEntries(CHECKLIST_KEYS.map((key) => [key, ticked.includes(key)])) as Checklist)}
          label={t("officer.checklist.legend")}
          hint={t("officer.checklist.hint")}
          boxed
          // The checklist's own message (incomplete, unknown item) or the first of its items'.
          error={form.fieldError("checklist")}
          options={CHECKLIST_KEYS.map((key) => ({ value: key, label: t(`officer.checklist.${key}`) }))}
        />
      )}
    />
  );
}

/**
 * The screening of a request in screening: a program with its automatic checks beside the manual
 * checklist, an outcome and the message to the state. Sends the version the page was rendered with.
 */
export function ScreeningForm({
  requestId,
  version,
  programs,
  defaultProgramId,
  action,
}: {
  requestId: string;
  version: number;
  programs: ScreeningFormProgram[];
  defaultProgramId: string;
  action: CompleteScreeningAction;
}) {
  const { t } = useI18n();
  const form = useActionForm<ScreeningFormValues>({
    schema: loadScreeningSchema,
    // The resolver parsed the values; success redirects (inside the hook's transition).
    action: (values) => action({ ...(values as unknown as CompleteScreeningInput), requestId }),
    defaultValues: { programId: defaultProgramId, checklist: { ...EMPTY_CHECKLIST }, outcome: "", message: "", expectedVersion: version },
    // The version has no field: a stale page is said in the form's alert.
    fields: ["programId", "checklist", "outcome", "message"],
  });
  const outcome = useWatch({ control: form.control, name: "outcome" });
  const isMessageRequired = outcome === "request_changes" || outcome === "reject";

  return (
    <form className="stack" data-testid="screening-form" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <div className="card-columns">
        <ScreeningProgramChoice form={form} programs={programs} />
        <ChecklistChoice form={form} />
      </div>
      <NativeRadioGroup
        label={t("officer.screening.outcomeLegend")}
        options={SCREENING_OUTCOMES.map((value) => ({ value, label: t(`officer.outcomes.${value}`), hint: t(`officer.outcomes.${value}Hint`) }))}
        {...form.field("outcome")}
      />
      <TextArea
        label={t("officer.screening.messageLabel")}
        hint={t("officer.screening.messageHint")}
        rows={6}
        maxLength={SCREENING_LIMITS.messageMax}
        required={isMessageRequired}
        {...form.field("message")}
      />
      <div className="row">
        <SubmitButton busy={form.busy} busyLabel={t("officer.screening.submitting")}>
          {t("officer.screening.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
