import "server-only";
import { and, asc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { awards, indicators, programs, progressReports, reportActuals, reportDeliverableUpdates, reportingPeriods } from "@/db/schema";
import { hasPermission } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/queries";
import { awardVisibility, getAward } from "@/lib/awards/queries";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { todayIso } from "@/lib/dates";
import { percentOf, periodStatus, type PeriodStatus, type ReportStatus } from "./status";
import { moneyOfAwards, trackedIndicators, type MoneyFigures } from "./unchecked";

export interface QueryOptions {
  /** "YYYY-MM-DD"; today (UTC) when omitted. For tests and previews. */
  today?: string;
}

/** The award facts the reporting rules need. */
export interface AwardFacts {
  id: string;
  countryIso2: string;
  implementingPartnerId: string;
  status: string;
}

/**
 * Whether the user may fill and submit this award's reports: a focal point of the award's country or a
 * user of its implementing partner (and holding reports.submit).
 */
export function isSubmitterFor(user: CurrentUser, award: { countryIso2: string; implementingPartnerId: string }): boolean {
  if (!hasPermission(user, "reports.submit")) return false;
  const isCountryFocalPoint = hasPermission(user, "requests.readOwnCountry") && user.countryIso2 === award.countryIso2;
  const isPartnerUser = hasPermission(user, "awards.readImplemented") && user.organizationId === award.implementingPartnerId;
  return isCountryFocalPoint || isPartnerUser;
}

/** Whether the user sees reports before they are accepted: the program office and the award's submitters. Donors never do. */
export function seesUnacceptedReports(user: CurrentUser, award: { countryIso2: string; implementingPartnerId: string }): boolean {
  return hasPermission(user, "reports.accept") || hasPermission(user, "awards.approve") || isSubmitterFor(user, award);
}

/** Sum of accepted actuals per award indicator (numeric strings, exact). */
async function acceptedTotals(db: DbOrTx, awardId: string): Promise<Map<string, string>> {
  const rows = await execRows<{ id: string; total: string | number }>(
    db,
    sql`SELECT ai.id, COALESCE(sum(ra.value) FILTER (WHERE pr.status = 'accepted'), 0)::text AS total
          FROM award_indicators ai
          LEFT JOIN report_actuals ra ON ra.award_indicator_id = ai.id
          LEFT JOIN progress_reports pr ON pr.id = ra.report_id
         WHERE ai.award_id = ${awardId}
         GROUP BY ai.id`,
  );
  return new Map(rows.map((r) => [r.id, String(r.total)]));
}

/**
 * An award's reporting: its calendar (built when the award was created or activated) with each period's status and report,
 * indicator progress (baseline, target, the sum of accepted actuals and the percent of the target), and
 * money (committed, disbursed, reported expenditure). Donors (and anyone who is neither the program
 * office nor a submitter of this award) see accepted reports and figures only. Anyone who may see the
 * award (getAward's rules); NotFoundError otherwise.
 */
export async function getAwardReporting(user: CurrentUser, awardId: string, options: QueryOptions = {}) {
  const award = await getAward(user, awardId);
  const today = options.today ?? todayIso();
  const db = await getDb();
  const facts = { countryIso2: award.country.iso2, implementingPartnerId: award.partner.id };
  const seesAll = seesUnacceptedReports(user, facts);
  const [periodRows, tracked, totals, money] = await Promise.all([
    db
      .select({
        id: reportingPeriods.id,
        number: reportingPeriods.number,
        startsOn: reportingPeriods.startsOn,
        endsOn: reportingPeriods.endsOn,
        dueOn: reportingPeriods.dueOn,
        isFinal: reportingPeriods.isFinal,
        reportId: progressReports.id,
        reportStatus: progressReports.status,
        reportVersion: progressReports.version,
        submittedAt: progressReports.submittedAt,
        reviewedAt: progressReports.reviewedAt,
        expenditureToDateMinor: progressReports.expenditureToDateMinor,
      })
      .from(reportingPeriods)
      .leftJoin(progressReports, eq(progressReports.periodId, reportingPeriods.id))
      .where(eq(reportingPeriods.awardId, award.id))
      .orderBy(asc(reportingPeriods.number)),
    trackedIndicators(db, award.id),
    acceptedTotals(db, award.id),
    moneyOfAwards(db, [award.id]),
  ]);
  const periods = periodRows.map((p) => {
    const visibleReport = p.reportId && (seesAll || p.reportStatus === "accepted");
    const reportStatus = visibleReport ? (p.reportStatus as ReportStatus) : null;
    const { status, isOverdue } = periodStatus(p, reportStatus, today);
    return {
      id: p.id,
      number: p.number,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      dueOn: p.dueOn,
      isFinal: p.isFinal === "yes",
      status: status as PeriodStatus,
      isOverdue,
      hasStarted: today >= p.startsOn,
      report: visibleReport
        ? {
            id: p.reportId as string,
            status: reportStatus as ReportStatus,
            version: p.reportVersion as number,
            submittedAt: p.submittedAt,
            reviewedAt: p.reviewedAt,
            expenditureToDateMinor: p.expenditureToDateMinor,
          }
        : null,
    };
  });
  const indicatorProgress = tracked.map((i) => {
    const actual = totals.get(i.id) ?? "0";
    return { ...i, actual: Number(actual).toFixed(2), percent: percentOf(Number(actual), Number(i.target)) };
  });
  const canSubmit = isSubmitterFor(user, facts) && (award.status === "active" || award.status === "completed");
  const mayChangeFrequency = hasPermission(user, "reporting.schedule") && (award.status === "active" || award.status === "pending_approval");
  return {
    award: {
      id: award.id,
      reference: award.reference,
      status: award.status,
      currency: award.currency,
      startsOn: award.startsOn,
      endsOn: award.endsOn,
      reportingFrequencyMonths: award.reportingFrequencyMonths,
    },
    /** Officers may rebuild the calendar until the first report is started (setReportingFrequency). */
    frequency: mayChangeFrequency ? { isLocked: periodRows.some((p) => p.reportId !== null) } : null,
    periods,
    indicators: indicatorProgress,
    money: money.get(award.id) ?? { committedMinor: award.amountMinor, disbursedMinor: 0, reportedExpenditureMinor: 0 },
    canSubmit,
    canReview: hasPermission(user, "reports.accept"),
    canEditIndicators: hasPermission(user, "indicators.set") && (award.status === "active" || award.status === "pending_approval"),
    seesUnacceptedReports: seesAll,
  };
}
export type AwardReporting = Awaited<ReturnType<typeof getAwardReporting>>;

async function reportContent(db: DbOrTx, reportId: string) {
  const [actuals, deliverableUpdates] = await Promise.all([
    db
      .select({ awardIndicatorId: reportActuals.awardIndicatorId, value: reportActuals.value, breakdown: reportActuals.breakdown })
      .from(reportActuals)
      .where(eq(reportActuals.reportId, reportId)),
    db
      .select({ deliverableId: reportDeliverableUpdates.deliverableId, note: reportDeliverableUpdates.note })
      .from(reportDeliverableUpdates)
      .where(eq(reportDeliverableUpdates.reportId, reportId)),
  ]);
  return { actuals, deliverableUpdates };
}

async function reportRow(db: DbOrTx, where: ReturnType<typeof eq>) {
  const [row] = await db
    .select({
      report: progressReports,
      submittedByName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${progressReports.submittedById})`,
      reviewedByName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${progressReports.reviewedById})`,
    })
    .from(progressReports)
    .where(where);
  return row ?? null;
}

/**
 * A report's page for one period: the award, the period (with its status), the report when there is one
 * this user may see, the award's indicators and deliverables (for the form), and what the user may do:
 * `canEdit` (a submitter, report missing, draft or returned, period started, award active or completed)
 * and `canReview` (an officer, report submitted). Anyone who may see the award; the period must exist
 * (NotFoundError otherwise). Donors see accepted reports only.
 */
export async function getPeriodReport(user: CurrentUser, awardId: string, periodNumber: number, options: QueryOptions = {}) {
  const award = await getAward(user, awardId);
  if (!Number.isInteger(periodNumber) || periodNumber < 1) throw new NotFoundError("period");
  const today = options.today ?? todayIso();
  const db = await getDb();
  const [period] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.awardId, award.id), eq(reportingPeriods.number, periodNumber)));
  if (!period) throw new NotFoundError("period");
  const facts = { countryIso2: award.country.iso2, implementingPartnerId: award.partner.id };
  const seesAll = seesUnacceptedReports(user, facts);
  const row = await reportRow(db, eq(progressReports.periodId, period.id));
  const report = row && (seesAll || row.report.status === "accepted") ? row : null;
  const [tracked, content] = await Promise.all([trackedIndicators(db, award.id), report ? reportContent(db, report.report.id) : null]);
  const reportStatus = (report?.report.status ?? null) as ReportStatus | null;
  const { status, isOverdue } = periodStatus(period, reportStatus, today);
  const awardOpen = award.status === "active" || award.status === "completed";
  const canEdit =
    isSubmitterFor(user, facts) && awardOpen && today >= period.startsOn && (reportStatus === null || reportStatus === "draft" || reportStatus === "returned");
  return {
    award: {
      id: award.id,
      reference: award.reference,
      titleEn: award.titleEn,
      titleEs: award.titleEs,
      status: award.status,
      amountMinor: award.amountMinor,
      currency: award.currency,
      country: award.country,
      partner: award.partner,
    },
    period: { id: period.id, number: period.number, startsOn: period.startsOn, endsOn: period.endsOn, dueOn: period.dueOn, isFinal: period.isFinal === "yes", status, isOverdue },
    report: report
      ? {
          ...publicReport(report.report),
          submittedByName: report.submittedByName,
          reviewedByName: report.reviewedByName,
          ...content!,
        }
      : null,
    indicators: tracked,
    deliverables: award.deliverables,
    canEdit,
    canReview: hasPermission(user, "reports.accept") && reportStatus === "submitted",
  };
}
export type PeriodReport = Awaited<ReturnType<typeof getPeriodReport>>;

function publicReport(r: typeof progressReports.$inferSelect) {
  return {
    id: r.id,
    awardId: r.awardId,
    periodId: r.periodId,
    status: r.status,
    version: r.version,
    narrativeEn: r.narrativeEn,
    narrativeEs: r.narrativeEs,
    expenditureToDateMinor: r.expenditureToDateMinor,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * One report with its period, actuals and deliverable notes. Anyone who may see its award; donors (and
 * anyone outside the program office and the award's submitters) only once it is accepted; NotFoundError
 * otherwise.
 */
export async function getReport(user: CurrentUser, reportId: string) {
  if (!isUuid(reportId)) throw new NotFoundError("report");
  const db = await getDb();
  const row = await reportRow(db, eq(progressReports.id, reportId));
  if (!row) throw new NotFoundError("report");
  const award = await getAward(user, row.report.awardId, { target: { entityType: "report", entityId: reportId } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new NotFoundError("report");
    throw error;
  });
  const facts = { countryIso2: award.country.iso2, implementingPartnerId: award.partner.id };
  if (row.report.status !== "accepted" && !seesUnacceptedReports(user, facts)) throw new NotFoundError("report");
  const [[period], content] = await Promise.all([
    db.select().from(reportingPeriods).where(eq(reportingPeriods.id, row.report.periodId)),
    reportContent(db, row.report.id),
  ]);
  return {
    ...publicReport(row.report),
    submittedByName: row.submittedByName,
    reviewedByName: row.reviewedByName,
    award: { id: award.id, reference: award.reference, currency: award.currency, amountMinor: award.amountMinor },
    period: { number: period.number, startsOn: period.startsOn, endsOn: period.endsOn, dueOn: period.dueOn, isFinal: period.isFinal === "yes" },
    ...content,
  };
}
export type ReportDetail = Awaited<ReturnType<typeof getReport>>;

/**
 * A program's money: committed, disbursed and reported expenditure summed over its awards that are not
 * cancelled, with the per-award figures (the same as getAwardReporting's). Officers, approvers and admins
 * (programs.readAll); NotFoundError otherwise.
 */
export async function getProgramMoney(user: CurrentUser, programId: string) {
  if (!hasPermission(user, "programs.readAll") || !isUuid(programId)) throw new NotFoundError("program");
  const db = await getDb();
  const [program] = await db.select({ id: programs.id, currency: programs.currency }).from(programs).where(eq(programs.id, programId));
  if (!program) throw new NotFoundError("program");
  const notCancelled = and(eq(awards.programId, program.id), ne(awards.status, "cancelled")) as SQL;
  const [rows, money] = await Promise.all([
    db.select({ id: awards.id, reference: awards.reference }).from(awards).where(notCancelled).orderBy(asc(awards.reference)),
    moneyOfAwards(db, notCancelled),
  ]);
  const perAward = rows.map((r) => ({ ...r, ...(money.get(r.id) as MoneyFigures) }));
  const total: MoneyFigures = { committedMinor: 0, disbursedMinor: 0, reportedExpenditureMinor: 0 };
  for (const a of perAward) {
    total.committedMinor += a.committedMinor;
    total.disbursedMinor += a.disbursedMinor;
    total.reportedExpenditureMinor += a.reportedExpenditureMinor;
  }
  return { programId: program.id, currency: program.currency, ...total, awards: perAward };
}

/**
 * A reporting period's report is overdue (SQL over reporting_periods left-joined to progress_reports):
 * past its due date and not accepted, whatever the report's state - periodStatus's isOverdue.
 */
export function reportIsOverdue(today: string): SQL {
  return sql`(${reportingPeriods.dueOn} < ${today}::date AND ${progressReports.status} IS DISTINCT FROM 'accepted')`;
}

/** The overdue periods this user follows (see listOverdue), as a SQL condition; null when none. */
function overdueScope(user: CurrentUser, today: string): SQL | null {
  if (!hasPermission(user, "reports.accept") && !hasPermission(user, "awards.approve") && !hasPermission(user, "reports.submit")) return null;
  const visibility = awardVisibility(user);
  if (!visibility) return null;
  return and(visibility, inArray(awards.status, ["active", "completed"]), reportIsOverdue(today)) as SQL;
}

/**
 * The first `limit` periods past their due date whose report is not accepted, on the active or completed
 * awards this user may see, oldest due first, with the report's status (null when none was started), and
 * how many there are in all. For dashboards: the program office and the awards' submitters (focal points,
 * partners); donors and others get none. Reads only: calendars are built when an award is created or
 * activated (createAward, approveAward), never here.
 */
export async function listOverdue(user: CurrentUser, options: QueryOptions & { limit?: number } = {}) {
  const today = options.today ?? todayIso();
  const scope = overdueScope(user, today);
  if (!scope) return { rows: [], total: 0 };
  const db = await getDb();
  // Rows and total in one statement. The set is computed whole (MATERIALIZED): with a bare LIMIT the
  // planner walks the periods by due date, probing each one's report, and most old periods are
  // accepted, which at scale is several times slower than joining the two tables by hash.
  const rows = await execRows<{
    award_id: string;
    reference: string;
    title_en: string | null;
    title_es: string | null;
    period_number: number;
    ends_on: string;
    due_on: string;
    is_final: string;
    report_id: string | null;
    report_status: ReportStatus | null;
    total: number | string;
  }>(
    db,
    sql`WITH overdue AS MATERIALIZED (
          SELECT ${awards.id} AS award_id, ${awards.reference} AS reference, ${awards.titleEn} AS title_en, ${awards.titleEs} AS title_es,
                 ${reportingPeriods.number} AS period_number, ${reportingPeriods.endsOn} AS ends_on, ${reportingPeriods.dueOn} AS due_on,
                 ${reportingPeriods.isFinal} AS is_final, ${progressReports.id} AS report_id, ${progressReports.status} AS report_status
            FROM ${reportingPeriods}
            JOIN ${awards} ON ${awards.id} = ${reportingPeriods.awardId}
            LEFT JOIN ${progressReports} ON ${progressReports.periodId} = ${reportingPeriods.id}
           WHERE ${scope})
        SELECT award_id, reference, title_en, title_es, period_number, ends_on::text AS ends_on, due_on::text AS due_on, is_final::text AS is_final,
               report_id, report_status::text AS report_status, (SELECT count(*) FROM overdue)::int AS total
          FROM overdue
         ORDER BY overdue.due_on, reference, period_number
         LIMIT ${options.limit ?? 10}`,
  );
  return {
    rows: rows.map((r) => ({
      awardId: r.award_id,
      reference: r.reference,
      titleEn: r.title_en,
      titleEs: r.title_es,
      periodNumber: Number(r.period_number),
      endsOn: r.ends_on,
      dueOn: r.due_on,
      isFinal: r.is_final === "yes",
      reportId: r.report_id,
      reportStatus: r.report_status,
      daysLate: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.due_on}T00:00:00Z`)) / 86_400_000),
    })),
    total: rows.length > 0 ? Number(rows[0].total) : 0,
  };
}
export type OverdueRow = Awaited<ReturnType<typeof listOverdue>>["rows"][number];

/** The library of indicators, for the indicators editor. Anyone signed in (reference data). */
export async function listIndicatorLibrary() {
  const db = await getDb();
  return db.select().from(indicators).orderBy(asc(indicators.nameEn));
}

