import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
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
import type { CurrentUser } from "@/lib/auth/queries";
import { getAward } from "@/lib/awards/queries";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { forRecord } from "@/lib/mutations/for-record";
import { audit, defineMutation, todayOf, type Actor } from "@/lib/mutations/define";
import { invalidField, refused } from "@/lib/mutations/parse";
import { focalPointsOf } from "@/lib/requests/unchecked";
import { majorToMinor } from "@/lib/money";
import { calendarRows, reportingPeriods as calendarOf } from "./calendar";
import { isSubmitterFor } from "./queries";
import { ensureReportingCalendarTx, officersToNotify } from "./unchecked";
import { indicatorsFormSchema, REPORTING_LIMITS, reportDecisionSchema, saveReportSchema, setReportingFrequencySchema } from "./schema";
import type { ReportStatus } from "./status";

function invalidFields(fieldErrors: FieldErrors): ValidationError {
  return new ValidationError(fieldErrors, { key: "common.errors.invalidInput" });
}

/**
 * Creates the award's reporting periods from its calendar when missing. Anyone who may see the award
 * (NotFoundError otherwise). The award mutations build the calendar themselves (createAward,
 * approveAward); queries never do.
 */
export async function ensureReportingCalendar(user: CurrentUser, awardId: string): Promise<number> {
  const award = await getAward(user, awardId);
  return ensureReportingCalendarTx(await getDb(), award.id);
}

/**
 * Replaces the indicators an award tracks (each with baseline and target). An indicator that already has
 * reported actuals cannot be removed. Program officers (indicators.set), on an active award or one
 * awaiting approval; NotFoundError for anyone else.
 */
export const setAwardIndicators = defineMutation({
  permission: "indicators.set",
  input: forRecord("awardId", indicatorsFormSchema),
  load: async (actor, input) => {
    const award = await getAward(actor.user, input.awardId, { ctx: actor, action: "award.setIndicators" });
    if (award.status !== "active" && award.status !== "pending_approval") throw refused("reporting.errors.awardNotEditable");
    return award;
  },
  run: async (tx, { actor, input: { indicators: rows }, record: award }): Promise<{ count: number }> => {
    // One editor at a time per award: parallel replacements queue here instead of interleaving.
    await tx.select({ id: awards.id }).from(awards).where(eq(awards.id, award.id)).for("update");
    const ids = rows.map((r) => r.indicatorId);
    const known = ids.length ? await tx.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, ids)) : [];
    const knownIds = new Set(known.map((k) => k.id));
    const errors: FieldErrors = {};
    rows.forEach((r, i) => {
      if (!knownIds.has(r.indicatorId)) errors[`indicators.${i}.indicatorId`] = { key: "reporting.errors.indicatorUnknown" };
    });
    if (Object.keys(errors).length > 0) throw invalidFields(errors);

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
    if (blocked) throw refused("reporting.errors.indicatorHasActuals", { name: actor.user.locale === "es" ? blocked.nameEs : blocked.nameEn });
    if (removed.length > 0) await tx.delete(awardIndicators).where(inArray(awardIndicators.id, removed.map((r) => r.id)));
    for (const r of rows) {
      await tx
        .insert(awardIndicators)
        .values({ awardId: award.id, indicatorId: r.indicatorId, baseline: r.baseline, target: r.target })
        .onConflictDoUpdate({ target: [awardIndicators.awardId, awardIndicators.indicatorId], set: { baseline: r.baseline, target: r.target } });
    }
    await audit(tx, actor, {
      action: "award.setIndicators",
      entityType: "award",
      entityId: award.id,
      details: { reference: award.reference, indicators: rows, removed: removed.map((r) => r.indicatorId) },
    });
    return { count: rows.length };
  },
});

/**
 * Changes how often an award reports (every 1, 2, 3, 4, 6 or 12 months) and rebuilds its reporting
 * calendar, with its audit event, in one transaction. Only while no report of the award exists (a
 * started report belongs to its period) and while no tranche waits for a period the new calendar would
 * not have. On the frequency the form showed (expectedFrequencyMonths): of two parallel changes one
 * wins, the other gets ConflictError. Program officers (reporting.schedule), on an active award or one
 * awaiting approval; NotFoundError for anyone else.
 */
export const setReportingFrequency = defineMutation({
  permission: "reporting.schedule",
  input: forRecord("awardId", setReportingFrequencySchema),
  load: async (actor, input) => {
    const award = await getAward(actor.user, input.awardId, { ctx: actor, action: "award.setReportingFrequency" });
    if (award.status !== "active" && award.status !== "pending_approval") throw refused("reporting.errors.frequencyClosed");
    return award;
  },
  run: async (tx, { actor, input: { frequencyMonths, expectedFrequencyMonths }, record: award }): Promise<{ periods: number }> => {
    const [row] = await tx
      .select({ frequency: awards.reportingFrequencyMonths, startsOn: awards.startsOn, endsOn: awards.endsOn })
      .from(awards)
      .where(eq(awards.id, award.id))
      .for("update");
    if (!row || row.frequency !== expectedFrequencyMonths) throw new ConflictError("reporting frequency changed", "reporting.errors.conflict");
    const [started] = await tx.select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.awardId, award.id)).limit(1);
    if (started) throw refused("reporting.errors.frequencyLocked");
    const periods = calendarOf({ startsOn: row.startsOn, endsOn: row.endsOn, frequencyMonths });
    const [waiting] = await tx
      .select({ position: awardTranches.position, period: awardTranches.conditionPeriodNumber })
      .from(awardTranches)
      .where(and(eq(awardTranches.awardId, award.id), sql`${awardTranches.conditionPeriodNumber} > ${periods.length}`))
      .limit(1);
    if (waiting) {
      throw invalidField("frequencyMonths", "reporting.errors.frequencyTrancheCondition", { tranche: waiting.position, period: waiting.period ?? 0, count: periods.length });
    }
    await tx.update(awards).set({ reportingFrequencyMonths: frequencyMonths, updatedAt: new Date() }).where(eq(awards.id, award.id));
    await tx.delete(reportingPeriods).where(eq(reportingPeriods.awardId, award.id));
    await tx.insert(reportingPeriods).values(calendarRows(award.id, { startsOn: row.startsOn, endsOn: row.endsOn, frequencyMonths }));
    await audit(tx, actor, {
      action: "award.setReportingFrequency",
      entityType: "award",
      entityId: award.id,
      details: { reference: award.reference, from: row.frequency, to: frequencyMonths, periods: periods.length },
    });
    return { periods: periods.length };
  },
});

/** A period number from the URL: a whole number a period can have (anything else finds no period). */
function isPeriodNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= REPORTING_LIMITS.periodNumberMax;
}

const saveReportInput = forRecord("awardId", saveReportSchema);
type SaveReportInput = z.output<typeof saveReportInput>;

/** What depends on the award: its indicators, its deliverables, its amount. */
async function checkAgainstAward(tx: Tx, award: { id: string; amountMinor: number }, value: SaveReportInput): Promise<void> {
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
  if (Object.keys(errors).length > 0) throw invalidFields(errors);
}

/** The award a report is saved on, when this user may report on it, and the period, when it has started. */
async function reportingPeriodOf(actor: Actor, input: SaveReportInput) {
  const award = await getAward(actor.user, input.awardId, { ctx: actor, action: "report.save" });
  if (!isSubmitterFor(actor.user, { countryIso2: award.country.iso2, implementingPartnerId: award.partner.id })) throw new NotFoundError("award");
  if (award.status !== "active" && award.status !== "completed") throw refused("reporting.errors.awardNotActive");
  const db = await getDb();
  await ensureReportingCalendarTx(db, award.id);
  const [period] = isPeriodNumber(input.periodNumber)
    ? await db.select().from(reportingPeriods).where(and(eq(reportingPeriods.awardId, award.id), eq(reportingPeriods.number, input.periodNumber)))
    : [];
  if (!period) throw invalidField("period", "reporting.errors.periodNotFound");
  if (todayOf(actor) < period.startsOn) throw invalidField("period", "reporting.errors.periodNotStarted");
  return { award, period };
}

type SavedReport = { id: string; version: number; status: ReportStatus };

/**
 * The report's row: the existing one updated on the version the form was opened with (or the one read
 * now) while a draft or returned, else a new draft; ConflictError when someone else acted first.
 */
async function upsertReport(
  tx: Tx,
  { actor, input, award, period }: { actor: Actor; input: SaveReportInput; award: { id: string }; period: { id: string } },
): Promise<{ saved: SavedReport; from: ReportStatus | null; expenditureToDateMinor: number | null }> {
  const [existing] = await tx.select().from(progressReports).where(eq(progressReports.periodId, period.id));
  const columns = {
    narrativeEn: input.narrativeEn ?? null,
    narrativeEs: input.narrativeEs ?? null,
    expenditureToDateMinor: input.expenditureToDate === undefined ? null : majorToMinor(input.expenditureToDate),
    updatedAt: new Date(),
    ...(input.submit ? { status: "submitted" as const, submittedById: actor.user.id, submittedAt: new Date() } : {}),
  };
  const returning = { id: progressReports.id, version: progressReports.version, status: progressReports.status };
  if (existing) {
    if (input.expectedVersion !== undefined && existing.version !== input.expectedVersion) throw new ConflictError("report changed", "reporting.errors.conflict");
    if (existing.status === "accepted") throw refused("reporting.errors.reportFrozen");
    if (existing.status === "submitted") throw refused("reporting.errors.awaitingReview");
    const [row] = await tx
      .update(progressReports)
      .set({ ...columns, version: sql`${progressReports.version} + 1` })
      .where(and(eq(progressReports.id, existing.id), eq(progressReports.version, existing.version), inArray(progressReports.status, ["draft", "returned"])))
      .returning(returning);
    if (!row) throw new ConflictError("report changed", "reporting.errors.conflict");
    await tx.delete(reportActuals).where(eq(reportActuals.reportId, row.id));
    await tx.delete(reportDeliverableUpdates).where(eq(reportDeliverableUpdates.reportId, row.id));
    return { saved: row, from: existing.status, expenditureToDateMinor: columns.expenditureToDateMinor };
  }
  // The form was opened on an existing report that is gone: someone else acted first.
  if (input.expectedVersion !== undefined) throw new ConflictError("report changed", "reporting.errors.conflict");
  const [row] = await tx
    .insert(progressReports)
    .values({ awardId: award.id, periodId: period.id, createdById: actor.user.id, status: "draft", ...columns })
    .onConflictDoNothing({ target: progressReports.periodId })
    .returning(returning);
  // Another user started this period's report at the same moment.
  if (!row) throw new ConflictError("report created meanwhile", "reporting.errors.conflict");
  return { saved: row, from: null, expenditureToDateMinor: columns.expenditureToDateMinor };
}

/**
 * Creates or edits the report of one period of an award, as a draft or submitted (draft|returned ->
 * submitted), with its actuals and deliverable notes replaced, its audit event and (on submit) the
 * "report-submitted" mail to the officers, in one transaction. The period must exist and have started;
 * accepted reports are frozen, submitted ones wait for review. On the version the form was opened with
 * (or the one read now): of two parallel saves or submits one wins, the other gets ConflictError.
 * The award's country focal points and its implementing partner's users (reports.submit); NotFoundError
 * for anyone else.
 */
export const saveReport = defineMutation({
  permission: "reports.submit",
  input: saveReportInput,
  load: reportingPeriodOf,
  run: async (tx, { actor, input, record: { award, period } }): Promise<SavedReport> => {
    await checkAgainstAward(tx, award, input);
    const { saved, from, expenditureToDateMinor } = await upsertReport(tx, { actor, input, award, period });
    if (input.actuals.length > 0) {
      await tx.insert(reportActuals).values(
        input.actuals.map((a) => ({
          reportId: saved.id,
          awardIndicatorId: a.awardIndicatorId,
          value: a.value,
          breakdown: a.breakdown.map((b) => ({ dimension: b.dimension, label: b.label, value: Number(b.value) })),
        })),
      );
    }
    if (input.deliverableUpdates.length > 0) {
      await tx.insert(reportDeliverableUpdates).values(input.deliverableUpdates.map((d) => ({ reportId: saved.id, deliverableId: d.deliverableId, note: d.note })));
    }
    await audit(tx, actor, {
      action: input.submit ? "report.submit" : "report.save",
      entityType: "progress_report",
      entityId: saved.id,
      details: {
        awardId: award.id,
        reference: award.reference,
        period: period.number,
        from,
        to: saved.status,
        version: saved.version,
        actuals: input.actuals.length,
        deliverableUpdates: input.deliverableUpdates.length,
        expenditureToDateMinor,
      },
    });
    if (input.submit) {
      const url = `${actor.baseUrl}/awards/${award.id}/reports/${period.number}`;
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
  },
});

/** The submitted report an officer decides on, with its award when this officer may see it. */
async function reportToDecide(actor: Actor, reportId: string) {
  const db = await getDb();
  const [found] = await db.select({ awardId: progressReports.awardId }).from(progressReports).where(eq(progressReports.id, reportId));
  if (!found) throw new NotFoundError("report");
  return getAward(actor.user, found.awardId, { ctx: actor, action: "report.review", target: { entityType: "report", entityId: reportId } });
}

/** "report-returned" to the report's submitter and the country's focal points, once each. */
async function mailReturned(tx: Tx, actor: Actor, report: { submittedById: string | null }, award: { id: string; reference: string; country: { iso2: string } }, period: { number: number }, comment: string) {
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
      payload: { reference: award.reference, periodNumber: period.number, comment, url: `${actor.baseUrl}/awards/${award.id}/reports/${period.number}` },
    });
  }
}

/**
 * An officer's decision on a submitted report: accept it (frozen from then on: what donors see) or
 * return it with a comment (mailed as "report-returned" to its submitter and the country's focal
 * points), on the version the officer saw, with the audit event, in one transaction. Of two parallel
 * decisions one wins, the other gets ConflictError. Program officers (reports.accept); NotFoundError for
 * anyone else.
 */
export const decideReport = defineMutation({
  permission: "reports.accept",
  input: forRecord("reportId", reportDecisionSchema),
  load: (actor, input) => reportToDecide(actor, input.reportId),
  run: async (
    tx,
    { actor, input, record: award },
  ): Promise<{ id: string; version: number; status: "accepted" | "returned"; awardId: string; periodNumber: number }> => {
    const [report] = await tx.select().from(progressReports).where(eq(progressReports.id, input.reportId));
    if (!report) throw new NotFoundError("report");
    if (report.version !== input.expectedVersion) throw new ConflictError("report changed", "reporting.errors.conflict");
    if (report.status !== "submitted") throw refused("reporting.errors.notSubmitted");
    const to = input.decision === "accept" ? ("accepted" as const) : ("returned" as const);
    const [row] = await tx
      .update(progressReports)
      .set({
        status: to,
        reviewedById: actor.user.id,
        reviewedAt: new Date(),
        reviewComment: input.comment ?? null,
        version: sql`${progressReports.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(progressReports.id, report.id), eq(progressReports.version, input.expectedVersion), eq(progressReports.status, "submitted")))
      .returning({ id: progressReports.id, version: progressReports.version });
    if (!row) throw new ConflictError("report changed", "reporting.errors.conflict");
    const [period] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, report.periodId));
    await audit(tx, actor, {
      action: input.decision === "accept" ? "report.accept" : "report.return",
      entityType: "progress_report",
      entityId: report.id,
      details: { awardId: award.id, reference: award.reference, period: period.number, from: "submitted", to, comment: input.comment ?? null },
    });
    if (to === "returned") await mailReturned(tx, actor, report, award, period, input.comment ?? "");
    return { id: row.id, version: row.version, status: to, awardId: award.id, periodNumber: period.number };
  },
});
