"use client";

import { useId, useMemo, useRef, type FormEvent } from "react";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { MoneyField } from "@/components/ui/text-field";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/errors";
import { REPORTING_LIMITS } from "@/lib/reporting/limits";
import { listError, rowPaths } from "./form-paths";
import { ActualRow } from "./report-actual-row";

const loadReportSchema = () => import("@/lib/reporting/schema").then((m) => m.reportDraftSchema);

// A type, not an interface: it is passed where a record of values is expected (the server action).
export type ReportFormValues = {
  narrativeEn: string;
  narrativeEs: string;
  expenditureToDate: string;
  actuals: { awardIndicatorId: string; value: string; breakdown: { dimension: string; label: string; value: string }[] }[];
  deliverableUpdates: { deliverableId: string; note: string }[];
};

export interface ReportFormIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
}

export interface ReportFormDeliverable {
  id: string;
  title: string;
  dueText: string;
}

/** The server action that saves the report as a draft or submits it; success redirects to the report. */
export type SaveReportAction = (
  input: ReportFormValues & { awardId: string; periodNumber: number; submit: boolean; expectedVersion: number | null },
) => Promise<ActionResult<unknown> | undefined>;

interface ReportFormProps {
  awardId: string;
  periodNumber: number;
  /** The report's version the form was opened with; null for a new report. */
  version: number | null;
  /** The award amount, formatted for the reader (the ceiling of the expenditure). */
  amountText: string;
  indicators: ReportFormIndicator[];
  deliverables: ReportFormDeliverable[];
  defaultValues: ReportFormValues;
  action: SaveReportAction;
}

/**
 * The paths the form shows a message at: the narratives, the expenditure, each indicator's value, id
 * and breakdown (with its rows) and each deliverable's note. Others (the period, the version, an id
 * the page did not show) go to the form's alert.
 */
function placedPaths(indicatorCount: number, deliverableCount: number): string[] {
  const breakdownRows = Array.from({ length: indicatorCount }, (_, i) =>
    rowPaths(`actuals.${i}.breakdown`, REPORTING_LIMITS.breakdownRowsMax, ["label", "value"]),
  ).flat();
  return [
    "narrativeEn",
    "narrativeEs",
    "expenditureToDate",
    "actuals",
    "deliverableUpdates",
    ...rowPaths("actuals", indicatorCount, ["value", "awardIndicatorId", "breakdown"]),
    ...breakdownRows,
    ...rowPaths("deliverableUpdates", deliverableCount, ["note"]),
  ];
}

/**
 * The submitter's report form: narratives in English and Spanish, expenditure to date, one row per
 * tracked indicator (value and an optional breakdown whose total is shown as it is typed) and a note per
 * deliverable. Saves a draft or submits; the server checks again with the same schema and the award.
 */
export function ReportForm({ awardId, periodNumber, version, amountText, indicators, deliverables, defaultValues, action }: ReportFormProps) {
  const { t } = useI18n();
  // Which button sent the form: set by each one just before the hook checks and sends the values.
  const isDraft = useRef(false);
  const fields = useMemo(() => placedPaths(indicators.length, deliverables.length), [indicators.length, deliverables.length]);
  const form = useActionForm<ReportFormValues>({
    schema: loadReportSchema,
    action: (values) => action({ ...values, awardId, periodNumber, submit: !isDraft.current, expectedVersion: version }),
    defaultValues,
    fields,
    // The rows are sent as typed (blank ones included): the server's messages keep the form's row numbers.
    raw: true,
  });
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    isDraft.current = false;
    form.onSubmit(event);
  };
  const saveDraft = () => {
    isDraft.current = true;
    form.onSubmit();
  };

  return (
    <form className="stack" data-testid="report-form" {...form.formProps} onSubmit={submit}>
      <FormAlert message={form.formError} target={form.alertTarget} />
      <NarrativeFields form={form} />
      <MoneyField
        label={t("reporting.report.expenditure")}
        hint={t("reporting.report.expenditureHint", { amount: amountText })}
        {...form.field("expenditureToDate")}
      />
      <fieldset className="field">
        <legend>{t("reporting.report.actualsHeading")}</legend>
        {indicators.length === 0 ? <p className="muted">{t("reporting.report.actualsEmpty")}</p> : <p className="hint">{t("reporting.report.actualsHint")}</p>}
        {indicators.map((indicator, i) => (
          <ActualRow key={indicator.id} form={form} index={i} indicator={indicator} />
        ))}
        <ListError form={form} path="actuals" />
      </fieldset>
      <DeliverableNotes form={form} deliverables={deliverables} />
      <div className="row">
        <Button disabled={form.busy} onClick={saveDraft} data-testid="report-save-draft">
          {form.busy ? t("reporting.report.saving") : t("reporting.report.saveDraft")}
        </Button>
        <Button type="submit" variant="primary" disabled={form.busy} data-testid="report-submit">
          {t("reporting.report.submit")}
        </Button>
      </div>
    </form>
  );
}

/** A message about a whole list (e.g. too many rows), under it. */
function ListError({ form, path }: { form: ActionForm<ReportFormValues>; path: "actuals" | "deliverableUpdates" }) {
  const message = listError(form, path);
  return message ? <p className="field-error">{message}</p> : null;
}

/** The narrative in English and in Spanish (at least one is needed to submit). */
function NarrativeFields({ form }: { form: ActionForm<ReportFormValues> }) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend>{t("reporting.report.narrativeHeading")}</legend>
      <p className="hint" id={hintId}>
        {t("reporting.report.narrativeHint")}
      </p>
      {(["narrativeEn", "narrativeEs"] as const).map((name) => (
        <TextArea key={name} label={t(`reporting.report.${name}`)} rows={6} lang={name === "narrativeEn" ? "en" : "es"} {...form.field(name)} />
      ))}
    </fieldset>
  );
}

/** A note per deliverable of the award, with its due date; blank means no news this period. */
function DeliverableNotes({ form, deliverables }: { form: ActionForm<ReportFormValues>; deliverables: ReportFormDeliverable[] }) {
  const { t } = useI18n();
  return (
    <fieldset className="field">
      <legend>{t("reporting.report.deliverablesHeading")}</legend>
      {deliverables.length === 0 ? <p className="muted">{t("reporting.report.deliverablesEmpty")}</p> : null}
      {deliverables.map((d, i) => (
        <TextArea
          key={d.id}
          label={t("reporting.report.deliverableNote", { title: d.title })}
          hint={d.dueText}
          rows={3}
          {...form.field(`deliverableUpdates.${i}.note`)}
        />
      ))}
      <ListError form={form} path="deliverableUpdates" />
    </fieldset>
  );
}
