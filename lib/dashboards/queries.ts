import "server-only";
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import {
  awardDeliverables,
  awards,
  awardTranches,
  countries,
  disbursements,
  organizations,
  programDonors,
  programs,
  progressReports,
  reportingPeriods,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { isLate, type DeliverableStatus } from "@/lib/deliverables/workflow";
import { NotFoundError } from "@/lib/errors";
import { reportIsOverdue } from "@/lib/reporting/queries";
import { awardMoneySql, moneyOfAwards, type MoneyFigures } from "@/lib/reporting/unchecked";
import { todayIso } from "@/lib/dates";
import { LIST_PAGE_SIZE, pageWindow, type PageRequest, type Paged } from "@/lib/paging";
import { dashboardProgramVisibility, findDashboardAward, findDashboardProgram, reportedAwardsIn, reportedAwardsOf, type DashboardProgram } from "./access";
import { committedFundsOf } from "@/lib/programs/funds";
import { headlineIndicators, type ProgramGlance } from "./glance";
import { programSummaryColumns } from "@/lib/programs/queries";
import type {
  AcceptedReportSummary,
  AwardDeliverable,
  AwardDisbursement,
  AwardEquipment,
  AwardIndicator,
  AwardOverview,
  AwardSummary,
  CountrySummary,
  DeliverableCounts,
  IndicatorTotal,
  MoneySummary,
  Named,
  LateAward,
  ProgramDashboard,
  ProgramOverview,
  ProgramReport,
  ReportCounts,
} from "./types";
import { byCommittedThenReference, REPORT_AWARD_LIMIT, REPORT_LATE_AWARD_LIMIT, type ReportLimits } from "./report";

export interface OverviewOptions {
  /** "YYYY-MM-DD" the figures are computed for (lateness); today (UTC) when omitted. */
  today?: string;
}

const ISO2 = /^[A-Za-z]{2}$/;

function zeroMoney(): MoneySummary {
  return { committedMinor: 0, disbursedMinor: 0, reportedExpenditureMinor: 0 };
}

function addMoney(total: MoneySummary, part: MoneyFigures): void {
  total.committedMinor += part.committedMinor;
  total.disbursedMinor += part.disbursedMinor;
  total.reportedExpenditureMinor += part.reportedExpenditureMinor;
}

function zeroCounts(): DeliverableCounts {
  return { total: 0, accepted: 0, onTime: 0, late: 0 };
}

function countDeliverable(counts: DeliverableCounts, d: { dueOn: string; status: DeliverableStatus }, today: string): void {
  counts.total += 1;
  if (d.status === "accepted") counts.accepted += 1;
  if (isLate(d, today)) counts.late += 1;
  else counts.onTime += 1;
}

function zeroReports(): ReportCounts {
  return { accepted: 0, overdue: 0 };
}

/** What the figures of the awards in a scope are grouped by: each award, its program, or its country. */
type AwardGrouping = typeof awards.id | typeof awards.programId | typeof awards.countryIso2;

/**
 * The reporting periods' reports of the awards in `scope` (a condition on `awards`), accepted and
 * overdue as of `today` (reportIsOverdue: whatever the report's state, so nothing of a draft, a
 * submission or a return is told apart), grouped by `by`.
 */
async function reportCountsBy(db: DbOrTx, by: AwardGrouping, scope: SQL | undefined, today: string): Promise<Map<string, ReportCounts>> {
  const rows = await db
    .select({
      key: by,
      accepted: sql<number>`count(*) FILTER (WHERE ${progressReports.status} = 'accepted')`.mapWith(Number),
      overdue: sql<number>`count(*) FILTER (WHERE ${reportIsOverdue(today)})`.mapWith(Number),
    })
    .from(reportingPeriods)
    .innerJoin(awards, eq(awards.id, reportingPeriods.awardId))
    .leftJoin(progressReports, eq(progressReports.periodId, reportingPeriods.id))
    .where(scope)
    .groupBy(by);
  return new Map(rows.map((r) => [r.key, { accepted: r.accepted, overdue: r.overdue }]));
}

/** The deliverables of the awards in `scope`, counted as countDeliverable does (isLate's rule), grouped by `by`. */
async function deliverableCountsBy(db: DbOrTx, by: AwardGrouping, scope: SQL | undefined, today: string): Promise<Map<string, DeliverableCounts>> {
  const late = sql`${awardDeliverables.status} <> 'accepted' AND ${awardDeliverables.dueOn} < ${today}::date`;
  const rows = await db
    .select({
      key: by,
      total: sql<number>`count(*)`.mapWith(Number),
      accepted: sql<number>`count(*) FILTER (WHERE ${awardDeliverables.status} = 'accepted')`.mapWith(Number),
      late: sql<number>`count(*) FILTER (WHERE ${late})`.mapWith(Number),
    })
    .from(awardDeliverables)
    .innerJoin(awards, eq(awards.id, awardDeliverables.awardId))
    .where(scope)
    .groupBy(by);
  return new Map(rows.map((r) => [r.key, { total: r.total, accepted: r.accepted, onTime: r.total - r.late, late: r.late }]));
}

function addReports(total: ReportCounts, part: ReportCounts): void {
  total.accepted += part.accepted;
  total.overdue += part.overdue;
}

/** Only what a donor may see of a program (the access row plus its donor organizations). */
function programOf(p: DashboardProgram, donors: (Named & { id: string })[]): ProgramOverview["program"] {
  return {
    id: p.id,
    key: p.key,
    nameEn: p.nameEn,
    nameEs: p.nameEs,
    currency: p.currency,
    ceilingMinor: p.ceilingMinor,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    isDemoFigures: p.isDemoFigures,
    donors,
  };
}

async function donorsOf(db: DbOrTx, programIds: string[]) {
  if (programIds.length === 0) return new Map<string, (Named & { id: string })[]>();
  const rows = await db
    .select({ programId: programDonors.programId, id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs })
    .from(programDonors)
    .innerJoin(organizations, eq(organizations.id, programDonors.organizationId))
    .where(inArray(programDonors.programId, programIds))
    .orderBy(asc(organizations.nameEn));
  const out = new Map<string, (Named & { id: string })[]>();
  for (const { programId, ...donor } of rows) out.set(programId, [...(out.get(programId) ?? []), donor]);
  return out;
}

/**
 * The programs whose dashboards this user may open (officers, approvers, admins: all; donors: the ones
 * their organization funds; others: none, so []), by English name, each at a glance: the figures of its
 * dashboard (the same as getProgramOverview's, over the same reported awards) cut to a card. One grouped
 * query per figure set for all the programs at once. Anyone signed in.
 */
export async function listProgramGlances(user: CurrentUser, options: OverviewOptions = {}): Promise<ProgramGlance[]> {
  const visibility = dashboardProgramVisibility(user);
  if (!visibility) return [];
  const db = await getDb();
  const rows = await db.select(programSummaryColumns()).from(programs).where(visibility).orderBy(asc(programs.nameEn));
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const today = options.today ?? todayIso();
  const scope = reportedAwardsIn(ids);
  const [donors, committed, money, deliverables, reportCounts, indicators, latest] = await Promise.all([
    donorsOf(db, ids),
    committedFundsByProgram(db, ids),
    glanceMoneyOf(db, scope),
    deliverableCountsBy(db, awards.programId, scope, today),
    reportCountsBy(db, awards.programId, scope, today),
    indicatorTotalsBy(db, scope),
    latestAcceptedReportPerProgram(db, scope),
  ]);
  return rows.map((p) => {
    const m = money.get(p.id);
    const programIndicators = indicators.get(p.id) ?? [];
    const report = latest.get(p.id);
    return {
      program: programOf(p, donors.get(p.id) ?? []),
      money: {
        committedMinor: m?.committedMinor ?? 0,
        disbursedMinor: m?.disbursedMinor ?? 0,
        reportedExpenditureMinor: m?.reportedExpenditureMinor ?? 0,
        ceilingMinor: p.ceilingMinor,
        remainingMinor: p.ceilingMinor - (committed.get(p.id) ?? 0),
      },
      awards: m?.awards ?? 0,
      countries: m?.countries ?? 0,
      indicators: headlineIndicators(programIndicators),
      indicatorCount: programIndicators.length,
      deliverables: deliverables.get(p.id) ?? zeroCounts(),
      reportCounts: reportCounts.get(p.id) ?? zeroReports(),
      latestReport: report ? reportSummary(report) : null,
    };
  });
}

/** Each program's committed funds (committedFundsSql's rule: awards not cancelled), grouped. */
async function committedFundsByProgram(db: DbOrTx, programIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ programId: awards.programId, committed: sql<string>`COALESCE(sum(${awards.amountMinor}), 0)` })
    .from(awards)
    .where(and(inArray(awards.programId, programIds), ne(awards.status, "cancelled")))
    .groupBy(awards.programId);
  return new Map(rows.map((r) => [r.programId, Number(r.committed)]));
}

/** Per program, the money of its awards in `scope` (moneyOfAwards' figures added up), their number and countries. */
async function glanceMoneyOf(db: DbOrTx, scope: SQL) {
  const rows = await execRows<{ program_id: string; committed: string | number; disbursed: string | number; reported: string | number; awards: number | string; countries: number | string }>(
    db,
    sql`SELECT m.program_id, sum(m.committed) AS committed, sum(m.disbursed) AS disbursed, sum(m.reported) AS reported,
               count(*)::int AS awards, count(DISTINCT m.country_iso2)::int AS countries
          FROM ${awardMoneySql(scope)} m
         GROUP BY m.program_id`,
  );
  return new Map(
    rows.map((r) => [
      r.program_id,
      {
        committedMinor: Number(r.committed),
        disbursedMinor: Number(r.disbursed),
        reportedExpenditureMinor: Number(r.reported),
        awards: Number(r.awards),
        countries: Number(r.countries),
      },
    ]),
  );
}

/** Per country, the money of its awards in `scope` (moneyOfAwards' figures added up) and their number. */
async function moneyByCountry(db: DbOrTx, scope: SQL) {
  const rows = await execRows<{ iso2: string; name_en: string; name_es: string; committed: string | number; disbursed: string | number; reported: string | number; awards: number | string }>(
    db,
    sql`SELECT m.country_iso2 AS iso2, c.name_en, c.name_es, sum(m.committed) AS committed, sum(m.disbursed) AS disbursed,
               sum(m.reported) AS reported, count(*)::int AS awards
          FROM ${awardMoneySql(scope)} m
          JOIN countries c ON c.iso2 = m.country_iso2
         GROUP BY m.country_iso2, c.name_en, c.name_es`,
  );
  return rows.map((r) => ({
    iso2: r.iso2,
    nameEn: r.name_en,
    nameEs: r.name_es,
    committedMinor: Number(r.committed),
    disbursedMinor: Number(r.disbursed),
    reportedExpenditureMinor: Number(r.reported),
    awards: Number(r.awards),
  }));
}

/**
 * Per program, the indicators of its awards in `scope`, by English name: baselines and targets added up,
 * with the accepted actuals. Actuals are summed per award indicator first, so that each baseline and
 * target is counted once, and only over the award indicators in `scope` (found through the index on
 * report_actuals.award_indicator_id), not over every actual of every program.
 */
async function indicatorTotalsBy(db: DbOrTx, scope: SQL): Promise<Map<string, IndicatorTotal[]>> {
  const rows = await execRows<{ program_id: string; key: string; unit: string; name_en: string; name_es: string; baseline: string; target: string; actual: string; awards: number | string }>(
    db,
    sql`SELECT ${awards.programId} AS program_id, i.key, i.unit, i.name_en, i.name_es,
               sum(ai.baseline)::numeric(20, 2)::text AS baseline,
               sum(ai.target)::numeric(20, 2)::text AS target,
               COALESCE(sum(acc.total), 0)::numeric(20, 2)::text AS actual,
               count(*)::int AS awards
          FROM award_indicators ai
          JOIN indicators i ON i.id = ai.indicator_id
          JOIN ${awards} ON ${awards.id} = ai.award_id
          LEFT JOIN (SELECT ra.award_indicator_id, sum(ra.value) AS total
                       FROM ${awards}
                       JOIN award_indicators tracked ON tracked.award_id = ${awards.id}
                       JOIN report_actuals ra ON ra.award_indicator_id = tracked.id
                       JOIN progress_reports pr ON pr.id = ra.report_id
                      WHERE pr.status = 'accepted' AND ${scope}
                      GROUP BY ra.award_indicator_id) acc ON acc.award_indicator_id = ai.id
         WHERE ${scope}
         GROUP BY ${awards.programId}, i.id, i.key, i.unit, i.name_en, i.name_es
         ORDER BY i.name_en`,
  );
  const out = new Map<string, IndicatorTotal[]>();
  for (const r of rows) {
    const total = { key: r.key, unit: r.unit, nameEn: r.name_en, nameEs: r.name_es, baseline: String(r.baseline), target: String(r.target), actual: String(r.actual), awards: Number(r.awards) };
    out.set(r.program_id, [...(out.get(r.program_id) ?? []), total]);
  }
  return out;
}

/** Per program, the report of its awards in `scope` accepted last (newestAcceptedReports' first). */
async function latestAcceptedReportPerProgram(db: DbOrTx, scope: SQL): Promise<Map<string, ReportSummaryRow>> {
  // The winners are found on narrow rows; only theirs carry the narratives (sorting every accepted
  // report with its narratives costs more than the rest of the query).
  const winners = db
    .selectDistinctOn([awards.programId], { id: progressReports.id })
    .from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .innerJoin(awards, eq(awards.id, progressReports.awardId))
    .where(and(scope, eq(progressReports.status, "accepted")))
    .orderBy(awards.programId, ...NEWEST_ACCEPTED_FIRST);
  const rows = await acceptedReports(db, inArray(progressReports.id, winners)).orderBy(awards.programId);
  const out = new Map<string, ReportSummaryRow>();
  for (const r of rows) out.set(r.programId, r);
  return out;
}

/** The drill-down country: eligible for the program, or holding one of its reported awards. */
async function countryOfProgram(db: DbOrTx, programId: string, iso2: string) {
  const rows = await execRows<{ iso2: string; name_en: string; name_es: string }>(
    db,
    sql`SELECT c.iso2, c.name_en, c.name_es
          FROM countries c
         WHERE c.iso2 = ${iso2}
           AND (EXISTS (SELECT 1 FROM program_countries pc WHERE pc.program_id = ${programId} AND pc.country_iso2 = c.iso2)
                OR EXISTS (SELECT 1 FROM awards a WHERE a.program_id = ${programId} AND a.country_iso2 = c.iso2
                              AND a.status IN ('active', 'completed')))`,
  );
  const row = rows[0];
  return row ? { iso2: row.iso2, nameEn: row.name_en, nameEs: row.name_es } : null;
}

function reportSummarySelection() {
  return {
    reportId: progressReports.id,
    awardId: awards.id,
    awardReference: awards.reference,
    countryIso2: awards.countryIso2,
    countryNameEn: countries.nameEn,
    countryNameEs: countries.nameEs,
    periodNumber: reportingPeriods.number,
    periodStartsOn: reportingPeriods.startsOn,
    periodEndsOn: reportingPeriods.endsOn,
    isFinal: reportingPeriods.isFinal,
    reviewedAt: progressReports.reviewedAt,
    updatedAt: progressReports.updatedAt,
    narrativeEn: progressReports.narrativeEn,
    narrativeEs: progressReports.narrativeEs,
  };
}

type ReportSummaryRow = {
  reportId: string;
  awardId: string;
  awardReference: string;
  countryIso2: string;
  countryNameEn: string;
  countryNameEs: string;
  periodNumber: number;
  periodStartsOn: string;
  periodEndsOn: string;
  isFinal: "yes" | "no";
  reviewedAt: Date | null;
  updatedAt: Date;
  narrativeEn: string | null;
  narrativeEs: string | null;
};

/** The order of accepted reports: newest accepted first, then by period (latest first), then by award. */
const NEWEST_ACCEPTED_FIRST = [
  desc(sql`COALESCE(${progressReports.reviewedAt}, ${progressReports.updatedAt})`),
  desc(reportingPeriods.number),
  asc(awards.reference),
];

/** Accepted reports of the awards matching `where`: the summary donors may read (no reviewer, no comment), with the award's program. */
function acceptedReports(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ programId: awards.programId, ...reportSummarySelection() })
    .from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .innerJoin(awards, eq(awards.id, progressReports.awardId))
    .innerJoin(countries, eq(countries.iso2, awards.countryIso2))
    .where(and(where, eq(progressReports.status, "accepted")));
}

function reportSummary(r: ReportSummaryRow): AcceptedReportSummary {
  return {
    reportId: r.reportId,
    awardId: r.awardId,
    awardReference: r.awardReference,
    countryIso2: r.countryIso2,
    country: { nameEn: r.countryNameEn, nameEs: r.countryNameEs },
    periodNumber: r.periodNumber,
    periodStartsOn: r.periodStartsOn,
    periodEndsOn: r.periodEndsOn,
    isFinal: r.isFinal === "yes",
    // Accepting a report stamps reviewed_at; updated_at only stands in for rows written without it.
    acceptedAt: (r.reviewedAt ?? r.updatedAt).toISOString(),
    narrativeEn: r.narrativeEn,
    narrativeEs: r.narrativeEs,
  };
}

/** The drill-down country's ISO2 code, upper case (null for the whole program); NotFoundError when malformed. */
function drillDownIso2(country: string | undefined): string | null {
  if (country === undefined) return null;
  if (!ISO2.test(country)) throw new NotFoundError("country");
  return country.toUpperCase();
}

/** The awards in `scope` with their country and implementing partner, by reference. */
function overviewAwardRows(db: DbOrTx, scope: SQL | undefined) {
  return db
    .select({
      id: awards.id,
      reference: awards.reference,
      titleEn: awards.titleEn,
      titleEs: awards.titleEs,
      status: awards.status,
      countryIso2: awards.countryIso2,
      countryNameEn: countries.nameEn,
      countryNameEs: countries.nameEs,
      partnerId: organizations.id,
      partnerNameEn: organizations.nameEn,
      partnerNameEs: organizations.nameEs,
      amountMinor: awards.amountMinor,
      startsOn: awards.startsOn,
      endsOn: awards.endsOn,
    })
    .from(awards)
    .innerJoin(countries, eq(countries.iso2, awards.countryIso2))
    .innerJoin(organizations, eq(organizations.id, awards.implementingPartnerId))
    .where(scope)
    .orderBy(asc(awards.reference));
}
type OverviewAwardRow = Awaited<ReturnType<typeof overviewAwardRows>>[number];

/** Accepted reports in `scope`, `window` of them newest accepted first, then by period (latest first) and award: one report per period, so the order is total. */
async function newestAcceptedReports(db: DbOrTx, scope: SQL | undefined, window: { limit: number; offset: number }) {
  // The page is cut on narrow rows; only its rows carry the narratives.
  const page = db
    .select({ id: progressReports.id })
    .from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .innerJoin(awards, eq(awards.id, progressReports.awardId))
    .where(and(scope, eq(progressReports.status, "accepted")))
    .orderBy(...NEWEST_ACCEPTED_FIRST)
    .limit(window.limit)
    .offset(window.offset);
  return acceptedReports(db, inArray(progressReports.id, page)).orderBy(...NEWEST_ACCEPTED_FIRST);
}

function addCounts(total: DeliverableCounts, part: DeliverableCounts): void {
  total.total += part.total;
  total.accepted += part.accepted;
  total.onTime += part.onTime;
  total.late += part.late;
}

function awardSummary(a: OverviewAwardRow, figures: MoneyFigures, deliverables: DeliverableCounts, reportCounts: ReportCounts): AwardSummary {
  return {
    id: a.id,
    reference: a.reference,
    titleEn: a.titleEn,
    titleEs: a.titleEs,
    status: a.status as AwardSummary["status"],
    countryIso2: a.countryIso2,
    country: { nameEn: a.countryNameEn, nameEs: a.countryNameEs },
    partner: { id: a.partnerId, nameEn: a.partnerNameEn, nameEs: a.partnerNameEs },
    amountMinor: a.amountMinor,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    deliverables,
    reportCounts,
    ...figures,
  };
}

/**
 * The awards matching `condition` (all of a scope, or one page of it), by reference, each with its
 * money, deliverables and reports: four grouped queries whatever their number. An award without money
 * figures counts its amount as committed.
 */
async function awardSummariesOf(db: DbOrTx, condition: SQL, today: string): Promise<AwardSummary[]> {
  const [rows, money, deliverables, reportCounts] = await Promise.all([
    overviewAwardRows(db, condition),
    moneyOfAwards(db, condition),
    deliverableCountsBy(db, awards.id, condition, today),
    reportCountsBy(db, awards.id, condition, today),
  ]);
  return rows.map((a) =>
    awardSummary(
      a,
      money.get(a.id) ?? { committedMinor: a.amountMinor, disbursedMinor: 0, reportedExpenditureMinor: 0 },
      deliverables.get(a.id) ?? zeroCounts(),
      reportCounts.get(a.id) ?? zeroReports(),
    ),
  );
}

/**
 * The figures of a program's dashboard that do not list awards or reports: money, countries (each from
 * grouped queries per country, by English name), indicators, deliverables and report counts; the
 * program's figures are its countries' added up. Callers check visibility (findDashboardProgram).
 */
async function programFigures(db: DbOrTx, program: DashboardProgram, iso2: string | null, today: string) {
  const scope = and(reportedAwardsOf(program.id), iso2 ? eq(awards.countryIso2, iso2) : undefined) as SQL;
  const [donors, allCommittedMinor, country, countryMoney, deliverablesByCountry, reportsByCountry, indicators] = await Promise.all([
    donorsOf(db, [program.id]),
    committedFundsOf(db, program.id),
    iso2 ? countryOfProgram(db, program.id, iso2) : Promise.resolve(null),
    moneyByCountry(db, scope),
    deliverableCountsBy(db, awards.countryIso2, scope, today),
    reportCountsBy(db, awards.countryIso2, scope, today),
    indicatorTotalsBy(db, scope),
  ]);
  if (iso2 && !country) throw new NotFoundError("country");

  const money = zeroMoney();
  const deliverables = zeroCounts();
  const reportCounts = zeroReports();
  let awardCount = 0;
  const countryList: CountrySummary[] = countryMoney.map((c) => {
    const summary: CountrySummary = {
      ...c,
      deliverables: deliverablesByCountry.get(c.iso2) ?? zeroCounts(),
      reportCounts: reportsByCountry.get(c.iso2) ?? zeroReports(),
    };
    addMoney(money, summary);
    addCounts(deliverables, summary.deliverables);
    addReports(reportCounts, summary.reportCounts);
    awardCount += summary.awards;
    return summary;
  });
  // By English name as the reader's code compares it, whatever the database's collation.
  countryList.sort((a, b) => a.nameEn.localeCompare(b.nameEn) || a.iso2.localeCompare(b.iso2));

  return {
    scope,
    awardCount,
    figures: {
      program: programOf(program, donors.get(program.id) ?? []),
      ...(country ? { country } : {}),
      money: { ...money, ceilingMinor: program.ceilingMinor, remainingMinor: program.ceilingMinor - allCommittedMinor },
      countries: countryList,
      indicators: indicators.get(program.id) ?? [],
      deliverables,
      reportCounts,
      asOf: today,
    },
  };
}

/**
 * A program's whole dashboard, for its PDF report: money, countries, indicator totals, deliverables, the
 * latest 10 accepted reports and every award, over its reported awards (active, completed) only. With
 * `country` (ISO2), the same restricted to that country's awards; ceiling and remaining stay the
 * program's. Anyone who may open the program's dashboard (findDashboardProgram); NotFoundError
 * otherwise, and for a country that is malformed or neither eligible nor awarded. Runs the same few
 * queries whatever the number of awards.
 */
export async function getProgramOverview(user: CurrentUser, programId: string, options: OverviewOptions & { country?: string } = {}): Promise<ProgramOverview> {
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const iso2 = drillDownIso2(options.country);
  const today = options.today ?? todayIso();
  const { scope, figures } = await programFigures(db, program, iso2, today);
  const [awardList, latest] = await Promise.all([awardSummariesOf(db, scope, today), newestAcceptedReports(db, scope, { limit: 10, offset: 0 })]);
  return { ...figures, latestReports: latest.map(reportSummary), awards: awardList };
}

/** Rows per page of a dashboard's accepted reports (each carries a narrative excerpt). */
export const DASHBOARD_REPORTS_PAGE_SIZE = 10;

export interface DashboardPages {
  /** The page of the awards table (`?awards=`), 25 a page. */
  awards?: PageRequest;
  /** The page of the accepted reports (`?reports=`), DASHBOARD_REPORTS_PAGE_SIZE a page. */
  reports?: PageRequest;
}

/**
 * A program's dashboard page, or its country drill-down with `country`: getProgramOverview's figures,
 * with the awards (by reference) and the accepted reports (newest first) one page each; a page past the
 * end shows the last one. The counts come from the figures (awards per country, accepted reports), so
 * the pages cost two grouped rounds of queries whatever the program's size. Same access rule and
 * NotFoundError cases as getProgramOverview.
 */
export async function getProgramDashboard(
  user: CurrentUser,
  programId: string,
  options: OverviewOptions & { country?: string; pages?: DashboardPages } = {},
): Promise<ProgramDashboard> {
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const iso2 = drillDownIso2(options.country);
  const today = options.today ?? todayIso();
  const { scope, awardCount, figures } = await programFigures(db, program, iso2, today);

  const awardWindow = pageWindow(awardCount, { pageSize: LIST_PAGE_SIZE, ...options.pages?.awards });
  const reportWindow = pageWindow(figures.reportCounts.accepted, { pageSize: DASHBOARD_REPORTS_PAGE_SIZE, ...options.pages?.reports });
  const pageOfAwards = inArray(
    awards.id,
    db.select({ id: awards.id }).from(awards).where(scope).orderBy(asc(awards.reference)).limit(awardWindow.limit).offset(awardWindow.offset),
  );
  const [awardRows, reportRows] = await Promise.all([
    awardCount > 0 ? awardSummariesOf(db, pageOfAwards, today) : Promise.resolve([]),
    figures.reportCounts.accepted > 0 ? newestAcceptedReports(db, scope, reportWindow) : Promise.resolve([]),
  ]);
  const paged = <Row>(rows: Row[], total: number, w: ReturnType<typeof pageWindow>): Paged<Row> => ({ rows, total, page: w.page, pageCount: w.pageCount, pageSize: w.pageSize });
  return {
    ...figures,
    awards: paged(awardRows, awardCount, awardWindow),
    reports: paged(reportRows.map(reportSummary), figures.reportCounts.accepted, reportWindow),
  };
}

/**
 * The awards in `scope` with a late deliverable as of `today`, the most late first (then by reference),
 * at most `limit`, with their deliverable counts; and how many there are in all.
 */
async function lateAwardsOf(db: DbOrTx, scope: SQL, today: string, limit: number): Promise<{ listed: LateAward[]; count: number }> {
  const late = sql`d.status <> 'accepted' AND d.due_on < ${today}::date`;
  const rows = await execRows<{ id: string; reference: string; iso2: string; name_en: string; name_es: string; total: number | string; accepted: number | string; late: number | string; late_awards: number | string }>(
    db,
    sql`SELECT ${awards.id} AS id, ${awards.reference} AS reference, c.iso2, c.name_en, c.name_es,
               count(*)::int AS total, count(*) FILTER (WHERE d.status = 'accepted')::int AS accepted,
               count(*) FILTER (WHERE ${late})::int AS late, count(*) OVER ()::int AS late_awards
          FROM award_deliverables d
          JOIN ${awards} ON ${awards.id} = d.award_id
          JOIN countries c ON c.iso2 = ${awards.countryIso2}
         WHERE ${scope}
         GROUP BY ${awards.id}, ${awards.reference}, c.iso2, c.name_en, c.name_es
        HAVING count(*) FILTER (WHERE ${late}) > 0
         ORDER BY late DESC, ${awards.reference} COLLATE "C"
         LIMIT ${limit}`,
  );
  const listed = rows.map((r) => {
    const total = Number(r.total);
    const lateCount = Number(r.late);
    return {
      id: r.id,
      reference: r.reference,
      countryIso2: r.iso2,
      country: { nameEn: r.name_en, nameEs: r.name_es },
      deliverables: { total, accepted: Number(r.accepted), onTime: total - lateCount, late: lateCount },
    };
  });
  return { listed, count: Number(rows[0]?.late_awards ?? 0) };
}

/**
 * A program's progress report: the figures of its dashboard (getProgramOverview, whole program) over all its
 * reported awards, by grouped queries, with only the largest awards (REPORT_AWARD_LIMIT) and those with the most
 * late deliverables (REPORT_LATE_AWARD_LIMIT) read one by one; the others are in the country figures. The same
 * report as programReportOf(getProgramOverview(...)), without loading every award. Anyone who may open the
 * program's dashboard (findDashboardProgram); NotFoundError otherwise. The same queries whatever the size.
 */
export async function getProgramReport(user: CurrentUser, programId: string, options: OverviewOptions & { limits?: ReportLimits } = {}): Promise<ProgramReport> {
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const today = options.today ?? todayIso();
  const limit = options.limits?.awards ?? REPORT_AWARD_LIMIT;
  const lateLimit = options.limits?.late ?? REPORT_LATE_AWARD_LIMIT;
  const { scope, awardCount, figures } = await programFigures(db, program, null, today);
  // The listed awards: a subquery, so that their rows, money and counts are read in the same round.
  const largest = db
    .select({ id: awards.id })
    .from(awards)
    .where(scope)
    .orderBy(desc(awards.amountMinor), sql`${awards.reference} COLLATE "C"`)
    .limit(limit);
  const [awardList, latest, late] = await Promise.all([
    awardCount > 0 ? awardSummariesOf(db, inArray(awards.id, largest), today) : Promise.resolve([]),
    newestAcceptedReports(db, scope, { limit: 10, offset: 0 }),
    lateAwardsOf(db, scope, today, lateLimit),
  ]);
  return {
    ...figures,
    latestReports: latest.map(reportSummary),
    awards: awardList.sort(byCommittedThenReference),
    awardCount,
    lateAwards: late.listed,
    lateAwardCount: late.count,
  };
}

/**
 * One award of a dashboard: header, money, indicators (accepted actuals only), deliverables with their
 * lateness, equipment with its latest check, tranches with their disbursement, and accepted reports
 * (oldest period first). Anyone who may open the award's program dashboard and only for its reported
 * awards (findDashboardAward); NotFoundError otherwise, and when `programId` is given and is not the
 * award's program.
 */
export async function getAwardOverview(user: CurrentUser, awardId: string, options: OverviewOptions & { programId?: string } = {}): Promise<AwardOverview> {
  const db = await getDb();
  const { program } = await findDashboardAward(user, awardId, db);
  // A drill-down URL names the program too: an award reached through another program does not exist there.
  if (options.programId !== undefined && options.programId !== program.id) throw new NotFoundError("award");
  const today = options.today ?? todayIso();

  const [donors, [row], money, deliverableRows, indicatorRows, equipmentRows, trancheRows, reportRows, reportCounts] = await Promise.all([
    donorsOf(db, [program.id]),
    overviewAwardRows(db, eq(awards.id, awardId)),
    moneyOfAwards(db, [awardId]),
    db
      .select({ id: awardDeliverables.id, title: awardDeliverables.title, dueOn: awardDeliverables.dueOn, status: awardDeliverables.status })
      .from(awardDeliverables)
      .where(eq(awardDeliverables.awardId, awardId))
      .orderBy(asc(awardDeliverables.dueOn), asc(awardDeliverables.title)),
    execRows<{ key: string; unit: string; name_en: string; name_es: string; baseline: string; target: string; actual: string }>(
      db,
      sql`SELECT i.key, i.unit, i.name_en, i.name_es, ai.baseline::text AS baseline, ai.target::text AS target,
                 COALESCE((SELECT sum(ra.value) FROM report_actuals ra JOIN progress_reports pr ON pr.id = ra.report_id
                            WHERE ra.award_indicator_id = ai.id AND pr.status = 'accepted'), 0)::numeric(20, 2)::text AS actual
            FROM award_indicators ai
            JOIN indicators i ON i.id = ai.indicator_id
           WHERE ai.award_id = ${awardId}
           ORDER BY i.name_en`,
    ),
    // Dates as text: the two drivers return raw date columns differently.
    execRows<{
      kind: string;
      model: string | null;
      quantity: number | string;
      handover_on: string | null;
      custodian_agency: string;
      condition: string;
      checked_on: string | null;
      result: string | null;
    }>(
      db,
      sql`SELECT e.kind, e.model, e.quantity, e.handover_on::text AS handover_on, e.custodian_agency, e.condition,
                 c.checked_on::text AS checked_on, c.result
            FROM equipment_items e
            LEFT JOIN LATERAL (SELECT ec.checked_on, ec.result FROM equipment_checks ec
                                WHERE ec.item_id = e.id ORDER BY ec.checked_on DESC, ec.created_at DESC LIMIT 1) c ON true
           WHERE e.award_id = ${awardId}
           ORDER BY e.created_at, e.kind`,
    ),
    db
      .select({
        position: awardTranches.position,
        plannedAmountMinor: awardTranches.plannedAmountMinor,
        plannedOn: awardTranches.plannedOn,
        disbursedMinor: disbursements.amountMinor,
        disbursedOn: disbursements.disbursedOn,
      })
      .from(awardTranches)
      .leftJoin(disbursements, eq(disbursements.trancheId, awardTranches.id))
      .where(eq(awardTranches.awardId, awardId))
      .orderBy(asc(awardTranches.position)),
    acceptedReports(db, eq(awards.id, awardId)).orderBy(asc(reportingPeriods.number)),
    reportCountsBy(db, awards.id, eq(awards.id, awardId), today),
  ]);
  if (!row) throw new NotFoundError("award");

  const deliverables: AwardDeliverable[] = deliverableRows.map((d) => ({ ...d, isLate: isLate(d, today) }));
  const counts = zeroCounts();
  for (const d of deliverableRows) countDeliverable(counts, d, today);
  const figures = money.get(row.id) ?? { committedMinor: row.amountMinor, disbursedMinor: 0, reportedExpenditureMinor: 0 };

  const award = awardSummary(row, figures, counts, reportCounts.get(row.id) ?? zeroReports());
  const indicators: AwardIndicator[] = indicatorRows.map((r) => ({
    key: r.key,
    unit: r.unit,
    nameEn: r.name_en,
    nameEs: r.name_es,
    baseline: String(r.baseline),
    target: String(r.target),
    actual: String(r.actual),
  }));
  const equipment: AwardEquipment[] = equipmentRows.map((e) => ({
    kind: e.kind,
    model: e.model,
    quantity: Number(e.quantity),
    handoverOn: e.handover_on,
    custodianAgency: e.custodian_agency,
    condition: e.condition,
    lastCheck: e.checked_on && e.result ? { checkedOn: e.checked_on, result: e.result } : null,
  }));
  const tranches: AwardDisbursement[] = trancheRows.map((t) => ({
    trancheNumber: t.position,
    plannedAmountMinor: t.plannedAmountMinor,
    plannedOn: t.plannedOn,
    disbursedMinor: t.disbursedMinor,
    disbursedOn: t.disbursedOn,
  }));

  return {
    program: programOf(program, donors.get(program.id) ?? []),
    award,
    money: { ...figures },
    indicators,
    deliverables,
    equipment,
    tranches,
    reports: reportRows.map(reportSummary),
    asOf: today,
  };
}
