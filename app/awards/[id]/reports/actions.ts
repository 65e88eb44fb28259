"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionResult } from "@/lib/errors";
import { attempt, invalidInput } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUuid, isVersion } from "@/lib/ids";
import { getI18n } from "@/lib/i18n/server";
import { reviewReport, saveReport, setAwardIndicators, setReportingFrequency, type MutationContext } from "@/lib/reporting/mutations";
import { indicatorsFormSchema, REPORTING_LIMITS, reportDraftSchema, reportingFrequencySchema, reviewReportSchema } from "@/lib/reporting/schema";

async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

function periodNumberOf(value: unknown): number {
  const n = typeof value === "number" ? value : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > REPORTING_LIMITS.periodNumberMax) notFound();
  return n;
}

function reportPath(awardId: string, periodNumber: number) {
  return `/awards/${encodeURIComponent(awardId)}/reports/${periodNumber}`;
}

/**
 * Saves the report of a period as a draft, or submits it; `expectedVersion` is the report's version the
 * form was opened with (none for a new report). The award's focal points and implementing partner users.
 */
export async function saveReportAction(
  awardId: unknown,
  periodNumber: unknown,
  values: unknown,
  options: { submit: boolean; expectedVersion?: number | null },
): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(awardId)) notFound();
  const number = periodNumberOf(periodNumber);
  const parsed = reportDraftSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const expectedVersion = options?.expectedVersion ?? undefined;
  if (expectedVersion !== undefined && !isVersion(expectedVersion)) {
    const { t } = await getI18n();
    return { ok: false, formError: t("reporting.errors.version") };
  }
  const submit = options?.submit === true;
  // The mutation parses the raw values again: it never trusts its caller.
  const outcome = await attempt(async () => saveReport(user, awardId, number, values, { submit, expectedVersion }, await mutationContext()));
  if (!outcome.ok) return outcome;
  revalidatePath(`/awards/${awardId}`, "layout");
  redirect(`${reportPath(awardId, number)}?notice=${submit ? "submitted" : "saved"}`);
}

/** Accepts or returns a submitted report, on the version the page showed. Program officers. */
export async function reviewReportAction(reportId: unknown, awardId: unknown, periodNumber: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(reportId) || !isUuid(awardId)) notFound();
  const number = periodNumberOf(periodNumber);
  const parsed = reviewReportSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await attempt(async () => reviewReport(user, reportId, values, await mutationContext()));
  if (!outcome.ok) return outcome;
  revalidatePath(`/awards/${awardId}`, "layout");
  redirect(`${reportPath(awardId, number)}?notice=${outcome.value.status}`);
}

/** Replaces the indicators an award tracks. Program officers. */
export async function setAwardIndicatorsAction(awardId: unknown, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(awardId)) notFound();
  const parsed = indicatorsFormSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const outcome = await attempt(async () => setAwardIndicators(user, awardId, parsed.data.indicators, await mutationContext()));
  if (!outcome.ok) {
    // The mutation names rows "indicators.N.field" already; schema errors on the bare list are "N.field".
    const fieldErrors = Object.fromEntries(Object.entries(outcome.fieldErrors ?? {}).map(([k, v]) => [/^\d/.test(k) ? `indicators.${k}` : k, v]));
    return { ...outcome, fieldErrors };
  }
  revalidatePath(`/awards/${awardId}`, "layout");
  return { ok: true, data: undefined };
}

/** Changes an award's reporting frequency, on the frequency the page showed. Program officers. */
export async function setReportingFrequencyAction(awardId: unknown, values: unknown, expectedFrequencyMonths: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(awardId)) notFound();
  const parsed = reportingFrequencySchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  if (typeof expectedFrequencyMonths !== "number" || !Number.isInteger(expectedFrequencyMonths)) {
    const { t } = await getI18n();
    return { ok: false, formError: t("reporting.errors.version") };
  }
  const outcome = await attempt(async () => setReportingFrequency(user, awardId, values, { expectedFrequencyMonths }, await mutationContext()));
  if (!outcome.ok) return outcome;
  revalidatePath(`/awards/${awardId}`, "layout");
  return { ok: true, data: undefined };
}
