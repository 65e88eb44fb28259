"use client";

import { Controller } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/errors";

const loadReportDecisionSchema = () => import("@/lib/reporting/schema").then((m) => m.reportDecisionSchema);


type ReportDecisionValues = {
  decision: "accept" | "return" | "";
  comment: string;
  expectedVersion: number;
};

/** The server action that records the decision on the report, on the version the page showed. */
export type DecideReportAction = (input: ReportDecisionValues & { reportId: string }) => Promise<ActionResult<unknown>>;

/** The officer's decision on a submitted report: accept, or return with a comment for the submitters. */
export function ReportDecisionForm({ reportId, version, action }: { reportId: string; version: number; action: DecideReportAction }) {
  const { t } = useI18n();
  const form = useActionForm<ReportDecisionValues>({
    schema: loadReportDecisionSchema,
    // Success redirects to the report with the decision's notice.
    action: (values) => action({ ...values, reportId }),
    defaultValues: { decision: "", comment: "", expectedVersion: version },
    // The version has no field: a stale page is said in the form's alert.
    fields: ["decision", "comment"],
    raw: true,
  });

  return (
    <form className="card stack" data-testid="report-decision-form" {...form.formProps}>
      <h2>{t("reporting.report.reviewHeading")}</h2>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <RadioGroup
            {...field}
            label={t("reporting.report.decision")}
            boxed
            error={form.fieldError("decision")}
            options={(["accept", "return"] as const).map((value) => ({ value, label: t(`reporting.report.${value}`) }))}
          />
        )}
      />
      <TextArea
        label={t("reporting.report.comment")}
        hint={t("reporting.report.commentHint")}
        rows={5}
        {...form.field("comment")}
      />
      <div>
        <SubmitButton busy={form.busy} busyLabel={t("reporting.report.saving")}>
          {t("reporting.report.sendReview")}
        </SubmitButton>
      </div>
    </form>
  );
}
