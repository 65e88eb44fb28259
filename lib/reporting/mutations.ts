import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  awardDeliverables,
  awardIndicators,
  awards,
  awardTranches,
  indicators,
  progressReports,
  reportActuals,
  reportDeliverableUpdates,
  reportingPeriods,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { hasPermission } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/queries";
import { getAward } from "@/lib/awards/queries";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MessageKey } from "@/lib/i18n/translate";
import type { MutationContext } from "@/lib/mutations/define";
import { focalPointsOf } from "@/lib/requests/unchecked";
import { majorToMinor } from "@/lib/requests/schema";
import { reportingPeriods as calendarOf } from "./calendar";
import { ensureReportingCalendarTx, isSubmitterFor, officersToNotify } from "./queries";
import {
  REPORTING_LIMITS,
  reportDraftSchema,
  reportingFrequencySchema,
  reviewReportSchema,
  setAwardIndicatorsSchema,
  submitIssues,
  type ReportDraftInput,
  type ReviewReportInput,
  type SetAwardIndicatorsInput,
} from "./schema";
import { todayIso, type ReportStatus } from "./status";

export type { MutationContext };
export { ensureReportingCalendarTx };

const MESSAGE_KEY = /^[a-zA-Z]+(\.[a-zA-Z_]+)+$/;

function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "_form";
    out[path] ??= { key: (MESSAGE_KEY.test(issue.message) ? issue.message : "common.errors.invalidInput") as MessageKey };
  }
  return out;
}

function fail(fieldErrors: FieldErrors, formKey: MessageKey = "common.errors.invalidInput"): never {
  const form = fieldErrors._form;
  delete fieldErrors._form;
  throw new ValidationError(fieldErrors, form ?? { key: formKey });
}

function formFail(key: MessageKey): never {
  throw new ValidationError({}, { key });
}

/**
 * Creates the award's reporting periods from its calendar when missing. Anyone who may see the award
 * (NotFoundError otherwise). Queries and mutations call it themselves; for other areas' code that
 * already holds a transaction, use ensureReportingCalendarTx(tx, awardId).
 */
export async function ensureReportingCalendar(user: CurrentUser, awardId: string): Promise<number> {
  const award = await getAward(user, awardId);
  return ensureReportingCalendarTx(await getDb(), award.id);
}

/**
 * Replaces the indicators an award tracks (each with baseline and target). An indicator that already has
 * reported actuals cannot be removed. Program officers (reports.accept), on an active award or one
 * awaiting approval; NotFoundError for anyone else.
 */
export async function setAwardIndicators(
  user: CurrentUser,
  awardId: string,
  input: unknown,
  ctx: MutationContext,
): Promise<{ count: number }> {
  if (!hasPermission(user, "reports.accept")) throw new NotFoundError("award");
  const award = await getAward(user, awardId, { ctx, action: "award.setIndicators" });
  if (award.status !== "active" && award.status !== "pending_approval") formFail("reporting.errors.awardNotEditable");
  const parsed = setAwardIndicatorsSchema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error.issues));
  const rows: SetAwardIndicatorsInput = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One editor at a time per award: parallel replacements queue here instead of interleaving.
    await tx.select({ id: awards.id }).from(awards).where(eq(awards.id, award.id)).for("update");
    const ids = rows.map((r) => r.indicatorId);
    const known = ids.length ? await tx.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, ids)) : [];
    const knownIds = new Set(known.map((k) => k.id));
    const errors: FieldErrors = {};
    rows.forEach((r, i) => {
      if (!knownIds.has(r.indicatorId)) errors[`indicators.${i}.indicatorId`] = { key: "reporting.errors.indicatorUnknown" };
    });
    if (Object.keys(errors).length > 0) fail(errors);

    const existing = await tx
      .select({
        id: awardIndicators.id,
        indicatorId: awardIndicators.indicatorId,
        hasActuals: sql<boolean>`EXISTS (SELECT 1 FROM report_actuals ra WHERE ra.award_indicator_id = ${awardIndicators.id})`,
        nameEn: indicators.nameEn,
        nameEs: indicators.nameEs,
      })
      .from(awardIndicators)
      .innerJoin(indicators, eq(indicators.id, awardIndicators.indicatorId))
      .where(eq(awardIndicators.awardId, award.id));
    const wanted = new Set(ids);
    const removed = existing.filter((e) => !wanted.has(e.indicatorId));
    const blocked = removed.find((e) => e.hasActuals === true);
    if (blocked) {
      throw new ValidationError({}, { key: "reporting.errors.indicatorHasActuals", params: { name: user.locale === "es" ? blocked.nameEs : blocked.nameEn } });
    }
    if (removed.length > 0) await tx.delete(awardIndicators).where(inArray(awardIndicators.id, removed.map((r) => r.id)));
    for (const r of rows) {
      await tx
        .insert(awardIndicators)
        .values({ awardId: award.id, indicatorId: r.indicatorId, baseline: r.baseline, target: r.target })
        .onConflictDoUpdate({ target: [awardIndicators.awardId, awardIndicators.indicatorId], set: { baseline: r.baseline, target: r.target } });
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "award.setIndicators",
      entityType: "award",
      entityId: award.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { reference: award.reference, indicators: rows, removed: removed.map((r) => r.indicatorId) },
    });
    return { count: rows.length };
  });
}

/**
 * Changes how often an award reports (every 1, 2, 3, 4, 6 or 12 months) and rebuilds its reporting
 * calendar, with its audit event, in one transaction. Only while no report of the award exists (a
 * started report belongs to its period) and while no tranche waits for a period the new calendar would
 * not have. On the frequency the form showed: of two parallel changes one wins, the other gets
 * ConflictError. Program officers (reports.accept), on an active award or one awaiting approval;
 * NotFoundError for anyone else.
 */
export async function setReportingFrequency(
  user: CurrentUser,
  awardId: string,
  input: unknown,
  options: { expectedFrequencyMonths: number },
  ctx: MutationContext,
): Promise<{ periods: number }> {
  if (!hasPermission(user, "reports.accept")) throw new NotFoundError("award");
  const award = await getAward(user, awardId, { ctx, action: "award.setReportingFrequency" });
  if (award.status !== "active" && award.status !== "pending_approval") formFail("reporting.errors.frequencyClosed");
  const parsed = reportingFrequencySchema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error.issues));
  const { frequencyMonths } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ frequency: awards.reportingFrequencyMonths, startsOn: awards.startsOn, endsOn: awards.endsOn })
      .from(awards)
      .where(eq(awards.id, award.id))
      .for("update");
    if (!row || row.frequency !== options.expectedFrequencyMonths) throw new ConflictError("reporting frequency changed", "reporting.errors.conflict");
    const [started] = await tx.select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.awardId, award.id)).limit(1);
    if (started) formFail("reporting.errors.frequencyLocked");
    const periods = calendarOf({ startsOn: row.startsOn, endsOn: row.endsOn, frequencyMonths });
    const [waiting] = await tx
      .select({ position: awardTranches.position, period: awardTranches.conditionPeriodNumber })
      .from(awardTranches)
      .where(and(eq(awardTranches.awardId, award.id), sql`${awardTranches.conditionPeriodNumber} > ${periods.length}`))
      .limit(1);
    if (waiting) {
      throw new ValidationError(
        { frequencyMonths: { key: "reporting.errors.frequencyTrancheCondition", params: { tranche: waiting.position, period: waiting.period ?? 0, count: periods.length } } },
        { key: "common.errors.invalidInput" },
      );
    }
    await tx.update(awards).set({ reportingFrequencyMonths: frequencyMonths, updatedAt: new Date() }).where(eq(awards.id, award.id));
    await tx.delete(reportingPeriods).where(eq(reportingPeriods.awardId, award.id));
    await tx.insert(reportingPeriods).values(
      periods.map((p) => ({ awardId: award.id, number: p.number, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, isFinal: p.isFinal ? ("yes" as const) : ("no" as const) })),
    );
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "award.setReportingFrequency",
      entityType: "award",
      entityId: award.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { reference: award.reference, from: row.frequency, to: frequencyMonths, periods: periods.length },
    });
    return { periods: periods.length };
  });
}

/** A period number from the URL: a whole number a period can have (anything else finds no period). */
function isPeriodNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= REPORTING_LIMITS.periodNumberMax;
}

function parseReport(input: unknown, submit: boolean): ReportDraftInput {
  const parsed = reportDraftSchema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error.issues));
  if (submit) {
    const issues = submitIssues(parsed.data);
    if (issues.length > 0) fail(Object.fromEntries(issues.map((i) => [i.path, { key: i.key as MessageKey }])));
  }
  return parsed.data;
}

/** What depends on the award: its indicators, its deliverables, its amount. */
async function checkAgainstAward(tx: Tx, award: { id: string; amountMinor: number }, value: ReportDraftInput): Promise<void> {
  const [tracked, deliverables] = await Promise.all([
    tx.select({ id: awardIndicators.id }).from(awardIndicators).where(eq(awardIndicators.awardId, award.id)),
    tx.select({ id: awardDeliverables.id }).from(awardDeliverables).where(eq(awardDeliverables.awardId, award.id)),
  ]);
  const trackedIds = new Set(tracked.map((t) => t.id));
  const deliverableIds = new Set(deliverables.map((d) => d.id));
  const errors: FieldErrors = {};
  value.actuals.forEach((a) => {
    if (!trackedIds.has(a.awardIndicatorId)) errors[`actuals.${a.row}.awardIndicatorId`] = { key: "reporting.errors.indicatorNotTracked" };
  });
  value.deliverableUpdates.forEach((d) => {
    if (!deliverableIds.has(d.deliverableId)) errors[`deliverableUpdates.${d.row}.deliverableId`] = { key: "reporting.errors.deliverableNotOfAward" };
  });
  if (value.expenditureToDate !== undefined && majorToMinor(value.expenditureToDate) > award.amountMinor) {
    errors.expenditureToDate = { key: "reporting.errors.expenditureAboveAward" };
  }
  if (Object.keys(errors).length > 0) fail(errors);
}

/**
 * Creates or edits the report of one period of an award, as a draft or submitted (draft|returned ->
 * submitted), with its actuals and deliverable notes replaced, its audit event and (on submit) the
 * "report-submitted" mail to the officers, in one transaction. The period must exist and have started;
 * accepted reports are frozen, submitted ones wait for review. On the version the form was opened with
 * (or the one read now): of two parallel saves or submits one wins, the other gets ConflictError.
 * The award's country focal points and its implementing partner's users; NotFoundError for anyone else.
 */
export async function saveReport(
  user: CurrentUser,
  awardId: string,
  periodNumber: number,
  input: unknown,
  options: { submit: boolean; expectedVersion?: number; today?: string },
  ctx: MutationContext,
): Promise<{ id: string; version: number; status: ReportStatus }> {
  if (!hasPermission(user, "reports.submit")) throw new NotFoundError("award");
  const award = await getAward(user, awardId, { ctx, action: "report.save" });
  if (!isSubmitterFor(user, { countryIso2: award.country.iso2, implementingPartnerId: award.partner.id })) throw new NotFoundError("award");
  if (award.status !== "active" && award.status !== "completed") formFail("reporting.errors.awardNotActive");
  if (options.expectedVersion !== undefined && !Number.isInteger(options.expectedVersion)) formFail("reporting.errors.version");
  const value = parseReport(input, options.submit);
  const today = options.today ?? todayIso();
  const db = await getDb();
  await ensureReportingCalendarTx(db, award.id);
  const [period] = isPeriodNumber(periodNumber)
    ? await db.select().from(reportingPeriods).where(and(eq(reportingPeriods.awardId, award.id), eq(reportingPeriods.number, periodNumber)))
    : [];
  if (!period) fail({ period: { key: "reporting.errors.periodNotFound" } });
  if (today < period.startsOn) fail({ period: { key: "reporting.errors.periodNotStarted" } });

  return db.transaction(async (tx) => {
    await checkAgainstAward(tx, award, value);
    const [existing] = await tx.select().from(progressReports).where(eq(progressReports.periodId, period.id));
    const columns = {
      narrativeEn: value.narrativeEn ?? null,
      narrativeEs: value.narrativeEs ?? null,
      expenditureToDateMinor: value.expenditureToDate === undefined ? null : majorToMinor(value.expenditureToDate),
      updatedAt: new Date(),
      ...(options.submit ? { status: "submitted" as const, submittedById: user.id, submittedAt: new Date() } : {}),
    };
    let saved: { id: string; version: number; status: ReportStatus };
    let from: ReportStatus | null;
    if (existing) {
      if (options.expectedVersion !== undefined && existing.version !== options.expectedVersion) throw new ConflictError("report changed", "reporting.errors.conflict");
      if (existing.status === "accepted") formFail("reporting.errors.reportFrozen");
      if (existing.status === "submitted") formFail("reporting.errors.awaitingReview");
      from = existing.status;
      const [row] = await tx
        .update(progressReports)
        .set({ ...columns, version: sql`${progressReports.version} + 1` })
        .where(and(eq(progressReports.id, existing.id), eq(progressReports.version, existing.version), inArray(progressReports.status, ["draft", "returned"])))
        .returning({ id: progressReports.id, version: progressReports.version, status: progressReports.status });
      if (!row) throw new ConflictError("report changed", "reporting.errors.conflict");
      saved = row;
      await tx.delete(reportActuals).where(eq(reportActuals.reportId, row.id));
      await tx.delete(reportDeliverableUpdates).where(eq(reportDeliverableUpdates.reportId, row.id));
    } else {
      // The form was opened on an existing report that is gone: someone else acted first.
      if (options.expectedVersion !== undefined) throw new ConflictError("report changed", "reporting.errors.conflict");
      from = null;
      const [row] = await tx
        .insert(progressReports)
        .values({ awardId: award.id, periodId: period.id, createdById: user.id, status: "draft", ...columns })
        .onConflictDoNothing({ target: progressReports.periodId })
        .returning({ id: progressReports.id, version: progressReports.version, status: progressReports.status });
      // Another user started this period's report at the same moment.
      if (!row) throw new ConflictError("report created meanwhile", "reporting.errors.conflict");
      saved = row;
    }
    if (value.actuals.length > 0) {
      await tx.insert(reportActuals).values(
        value.actuals.map((a) => ({
          reportId: saved.id,
          awardIndicatorId: a.awardIndicatorId,
          value: a.value,
          breakdown: a.breakdown.map((b) => ({ dimension: b.dimension, label: b.label, value: Number(b.value) })),
        })),
      );
    }
    if (value.deliverableUpdates.length > 0) {
      await tx.insert(reportDeliverableUpdates).values(value.deliverableUpdates.map((d) => ({ reportId: saved.id, deliverableId: d.deliverableId, note: d.note })));
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: options.submit ? "report.submit" : "report.save",
      entityType: "progress_report",
      entityId: saved.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: {
        awardId: award.id,
        reference: award.reference,
        period: period.number,
        from,
        to: saved.status,
        version: saved.version,
        actuals: value.actuals.length,
        deliverableUpdates: value.deliverableUpdates.length,
        expenditureToDateMinor: columns.expenditureToDateMinor,
      },
    });
    if (options.submit) {
      const url = `${ctx.baseUrl}/awards/${award.id}/reports/${period.number}`;
      for (const officer of await officersToNotify(tx)) {
        await enqueueMail(tx, {
          template: "report-submitted",
          to: officer.email,
          locale: officer.locale,
          payload: {
            reference: award.reference,
            periodNumber: period.number,
            isFinal: period.isFinal === "yes",
            countryName: { en: award.country.nameEn, es: award.country.nameEs },
            url,
          },
        });
      }
    }
    return saved;
  });
}

/**
 * An officer's review of a submitted report: accept (frozen from then on: what donors see) or return it
 * with a comment (mailed as "report-returned" to its submitter and the country's focal points), on the
 * version the officer saw, with the audit event, in one transaction. Of two parallel reviews one wins,
 * the other gets ConflictError. Program officers (reports.accept); NotFoundError for anyone else.
 */
export async function reviewReport(
  user: CurrentUser,
  reportId: string,
  input: unknown,
  ctx: MutationContext,
): Promise<{ id: string; version: number; status: "accepted" | "returned" }> {
  if (!hasPermission(user, "reports.accept") || !isUuid(reportId)) throw new NotFoundError("report");
  const db = await getDb();
  const [found] = await db.select({ awardId: progressReports.awardId }).from(progressReports).where(eq(progressReports.id, reportId));
  if (!found) throw new NotFoundError("report");
  const award = await getAward(user, found.awardId, { ctx, action: "report.review", target: { entityType: "report", entityId: reportId } });
  const parsed = reviewReportSchema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error.issues));
  const value: ReviewReportInput = parsed.data;
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(progressReports).where(eq(progressReports.id, reportId));
    if (!report) throw new NotFoundError("report");
    if (report.version !== value.expectedVersion) throw new ConflictError("report changed", "reporting.errors.conflict");
    if (report.status !== "submitted") formFail("reporting.errors.notSubmitted");
    const to = value.decision === "accept" ? ("accepted" as const) : ("returned" as const);
    const [row] = await tx
      .update(progressReports)
      .set({
        status: to,
        reviewedById: user.id,
        reviewedAt: new Date(),
        reviewComment: value.comment ?? null,
        version: sql`${progressReports.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(progressReports.id, report.id), eq(progressReports.version, value.expectedVersion), eq(progressReports.status, "submitted")))
      .returning({ id: progressReports.id, version: progressReports.version });
    if (!row) throw new ConflictError("report changed", "reporting.errors.conflict");
    const [period] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, report.periodId));
    await recordAudit(tx, {
      actorUserId: user.id,
      action: value.decision === "accept" ? "report.accept" : "report.return",
      entityType: "progress_report",
      entityId: report.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { awardId: award.id, reference: award.reference, period: period.number, from: "submitted", to, comment: value.comment ?? null },
    });
    if (to === "returned") {
      const recipients: { email: string; locale: "en" | "es" }[] = [];
      if (report.submittedById) {
        const [submitter] = await tx
          .select({ email: users.email, locale: users.locale })
          .from(users)
          .where(and(eq(users.id, report.submittedById), eq(users.isActive, true)));
        if (submitter) recipients.push(submitter);
      }
      recipients.push(...(await focalPointsOf(tx, award.country.iso2)));
      const seen = new Set<string>();
      for (const r of recipients) {
        if (seen.has(r.email)) continue;
        seen.add(r.email);
        await enqueueMail(tx, {
          template: "report-returned",
          to: r.email,
          locale: r.locale,
          payload: {
            reference: award.reference,
            periodNumber: period.number,
            comment: value.comment ?? "",
            url: `${ctx.baseUrl}/awards/${award.id}/reports/${period.number}`,
          },
        });
      }
    }
    return { id: row.id, version: row.version, status: to };
  });
}
