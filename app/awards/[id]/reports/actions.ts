"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { decideReport, saveReport, setAwardIndicators, setReportingFrequency } from "@/lib/reporting/mutations";

// The award's reporting: each mutation parses its input (the award or report id beside the form's
// values) and checks who may act; the award's pages are revalidated after success.

function reportPath(awardId: string, periodNumber: number) {
  return `/awards/${encodeURIComponent(awardId)}/reports/${periodNumber}`;
}

function refreshAward(_result: unknown, input: { awardId: string }): undefined {
  revalidatePath(`/awards/${input.awardId}`, "layout");
  return undefined;
}

/**
 * Saves the report of a period as a draft, or submits it; `expectedVersion` is the report's version the
 * form was opened with (none for a new report). The award's focal points and implementing partner users.
 */
export const saveReportAction = serverAction(saveReport, (_report, input) => {
  revalidatePath(`/awards/${input.awardId}`, "layout");
  redirect(`${reportPath(input.awardId, input.periodNumber)}?notice=${input.submit ? "submitted" : "saved"}`);
});

/** Accepts or returns a submitted report, on the version the page showed. Program officers. */
export const decideReportAction = serverAction(decideReport, (decided) => {
  revalidatePath(`/awards/${decided.awardId}`, "layout");
  redirect(`${reportPath(decided.awardId, decided.periodNumber)}?notice=${decided.status}`);
});

/** Replaces the indicators an award tracks. Program officers. */
export const setAwardIndicatorsAction = serverAction(setAwardIndicators, refreshAward);

/** Changes an award's reporting frequency, on the frequency the page showed. Program officers. */
export const setReportingFrequencyAction = serverAction(setReportingFrequency, refreshAward);
