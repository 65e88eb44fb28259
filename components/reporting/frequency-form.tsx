"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert, FormSaved } from "@/components/ui/form-alert";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/errors";
import { FREQUENCIES } from "@/lib/reporting/calendar";
import type { ReportingFrequencyValues } from "@/lib/reporting/schema";

const loadFrequencySchema = () => import("@/lib/reporting/schema").then((m) => m.reportingFrequencySchema);

interface FrequencyValues {
  frequencyMonths: string;
}

/** The server action that changes the frequency, on the frequency the page showed. */
export type SetFrequencyAction = (input: ReportingFrequencyValues & { awardId: string; expectedFrequencyMonths: number }) => Promise<ActionResult<unknown>>;

/**
 * The officer's choice of how often an award reports. Checked with the server's schema; the server also
 * refuses once a report exists or when a tranche waits for a period the new calendar would not have.
 */
export function FrequencyForm({ awardId, current, action }: { awardId: string; current: number; action: SetFrequencyAction }) {
  const { t } = useI18n();
  const form = useActionForm<FrequencyValues>({
    schema: loadFrequencySchema,
    action: (values) => action({ ...values, awardId, expectedFrequencyMonths: current }),
    defaultValues: { frequencyMonths: String(current) },
    raw: true,
  });
  const options = FREQUENCIES.map((m) => ({
    value: String(m),
    label: m === 1 ? t("reporting.frequency.monthly") : m === 3 ? t("reporting.frequency.quarterly") : t("reporting.frequency.everyMonths", { months: m }),
  }));

  return (
    <form className="stack" data-testid="frequency-form" {...form.formProps}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <FormSaved saved={form.saved}>{t("reporting.frequency.saved")}</FormSaved>
      <div className="row items-end">
        <NativeSelect label={t("reporting.frequency.label")} hint={t("reporting.frequency.hint")} options={options} {...form.field("frequencyMonths")} />
        <SubmitButton variant="default" busy={form.busy} busyLabel={t("reporting.report.saving")}>
          {t("reporting.frequency.save")}
        </SubmitButton>
      </div>
    </form>
  );
}
