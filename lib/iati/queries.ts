import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  awardIndicators,
  awards,
  awardTranches,
  countries,
  disbursements,
  indicators,
  organizations,
  programDonors,
  progressReports,
  reportActuals,
  reportingPeriods,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { isoDateOf } from "@/lib/dates";
import { findDashboardProgram, reportedAwardsOf } from "@/lib/dashboards/access";
import { moneyOfAwards } from "@/lib/reporting/unchecked";
import { buildIatiActivities, EmptyIatiExportError, type IatiAward } from "./build";
import { reportingOrgFromEnv } from "./config";

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * The IATI 2.03 activities file of a program: one activity per reported award (active, completed),
 * with accepted reports and their actuals only. Whoever may open the program's dashboard (the program
 * office, admins, the program's donors); NotFoundError for everyone else. Throws EmptyIatiExportError
 * when the program has no reported award. Eight queries whatever the number of awards.
 */
export async function exportProgramIati(user: CurrentUser, programId: string, options: { now?: Date } = {}): Promise<{ filename: string; xml: string }> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const reportingOrg = reportingOrgFromEnv();

  const [awardRows, donorRows] = await Promise.all([
    db
      .select({
        id: awards.id,
        reference: awards.reference,
        status: awards.status,
        titleEn: awards.titleEn,
        titleEs: awards.titleEs,
        currency: awards.currency,
        startsOn: awards.startsOn,
        endsOn: awards.endsOn,
        approvedAt: awards.approvedAt,
        countryIso2: awards.countryIso2,
        countryEn: countries.nameEn,
        countryEs: countries.nameEs,
        partnerEn: organizations.nameEn,
        partnerEs: organizations.nameEs,
      })
      .from(awards)
      .innerJoin(organizations, eq(organizations.id, awards.implementingPartnerId))
      .leftJoin(countries, eq(countries.iso2, awards.countryIso2))
      .where(reportedAwardsOf(program.id))
      .orderBy(asc(awards.reference)),
    db
      .select({ nameEn: organizations.nameEn, nameEs: organizations.nameEs })
      .from(programDonors)
      .innerJoin(organizations, eq(organizations.id, programDonors.organizationId))
      .where(eq(programDonors.programId, program.id))
      .orderBy(asc(organizations.nameEn)),
  ]);

  const ids = awardRows.map((a) => a.id);
  if (ids.length === 0) throw new EmptyIatiExportError();
  const accepted = eq(progressReports.status, "accepted");
  const [money, disbursementRows, reportRows, indicatorRows, actualRows] = await Promise.all([
    moneyOfAwards(db, reportedAwardsOf(program.id)),
    db
      .select({ awardId: awardTranches.awardId, trancheNumber: awardTranches.position, disbursedOn: disbursements.disbursedOn, amountMinor: disbursements.amountMinor })
      .from(disbursements)
      .innerJoin(awardTranches, eq(awardTranches.id, disbursements.trancheId))
      .where(inArray(awardTranches.awardId, ids)),
    db
      .select({
        awardId: progressReports.awardId,
        periodNumber: reportingPeriods.number,
        startsOn: reportingPeriods.startsOn,
        endsOn: reportingPeriods.endsOn,
        expenditureToDateMinor: progressReports.expenditureToDateMinor,
      })
      .from(progressReports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(and(inArray(progressReports.awardId, ids), accepted)),
    db
      .select({
        id: awardIndicators.id,
        awardId: awardIndicators.awardId,
        unit: indicators.unit,
        nameEn: indicators.nameEn,
        nameEs: indicators.nameEs,
        baseline: awardIndicators.baseline,
        target: awardIndicators.target,
      })
      .from(awardIndicators)
      .innerJoin(indicators, eq(indicators.id, awardIndicators.indicatorId))
      .where(inArray(awardIndicators.awardId, ids))
      .orderBy(asc(indicators.nameEn)),
    db
      .select({ awardIndicatorId: reportActuals.awardIndicatorId, periodNumber: reportingPeriods.number, value: reportActuals.value })
      .from(reportActuals)
      .innerJoin(progressReports, eq(progressReports.id, reportActuals.reportId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(and(inArray(progressReports.awardId, ids), accepted)),
  ]);

  const disbursementsOf = groupBy(disbursementRows, (r) => r.awardId);
  const reportsOf = groupBy(reportRows, (r) => r.awardId);
  const indicatorsOf = groupBy(indicatorRows, (r) => r.awardId);
  const actualsOf = groupBy(actualRows, (r) => r.awardIndicatorId);

  const iatiAwards: IatiAward[] = awardRows.map((a) => ({
    reference: a.reference,
    // reportedAwardsOf keeps only these two.
    status: a.status as "active" | "completed",
    titleEn: a.titleEn,
    titleEs: a.titleEs,
    currency: a.currency,
    // The amount as the dashboards count it, so the file and the portal never disagree.
    amountMinor: money.get(a.id)!.committedMinor,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    // The portal records no signature date: a second approval dates the agreement, otherwise the start.
    committedOn: a.approvedAt ? isoDateOf(a.approvedAt) : a.startsOn,
    countryIso2: a.countryIso2,
    country: { nameEn: a.countryEn ?? a.countryIso2, nameEs: a.countryEs ?? a.countryIso2 },
    partner: { nameEn: a.partnerEn, nameEs: a.partnerEs },
    disbursements: (disbursementsOf.get(a.id) ?? []).map((d) => ({ trancheNumber: d.trancheNumber, disbursedOn: d.disbursedOn, amountMinor: d.amountMinor })),
    acceptedReports: (reportsOf.get(a.id) ?? []).map((r) => ({
      periodNumber: r.periodNumber,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      expenditureToDateMinor: r.expenditureToDateMinor,
    })),
    indicators: (indicatorsOf.get(a.id) ?? []).map((i) => ({
      nameEn: i.nameEn,
      nameEs: i.nameEs,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      actuals: (actualsOf.get(i.id) ?? []).map((v) => ({ periodNumber: v.periodNumber, value: v.value })),
    })),
  }));

  const xml = buildIatiActivities({
    generatedAt: now,
    reportingOrg,
    program: { nameEn: program.nameEn, nameEs: program.nameEs },
    donors: donorRows,
    awards: iatiAwards,
  });
  return { filename: `${program.key}-iati-activities-${isoDateOf(now)}.xml`, xml };
}
