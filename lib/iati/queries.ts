import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
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
import { findDashboardProgram, reportedAwardBatches, reportedAwardsOf, type DashboardProgram } from "@/lib/dashboards/access";
import { textOfStream, textStream } from "@/lib/http/text-stream";
import { moneyOfAwards } from "@/lib/reporting/unchecked";
import { EmptyIatiExportError, IATI_FILE_END, iatiActivitiesText, iatiFileStart, type IatiAward, type IatiFileContext } from "./build";
import { reportingOrgFromEnv } from "./config";

/**
 * Awards read per batch (six grouped queries each) and awards encoded per piece of the stream: about
 * 13 KB of XML an award, so a piece is ~130 KB and 20-30 ms of one core at most (npm run bench:downloads).
 */
export const IATI_AWARDS_PER_BATCH = 100;
const IATI_AWARDS_PER_PIECE = 10;

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

/** The awards of one batch (a condition on `awards`) as the file describes them, in reference order. */
async function iatiAwardsOf(db: DbOrTx, batch: SQL): Promise<IatiAward[]> {
  const accepted = eq(progressReports.status, "accepted");
  const [awardRows, money, disbursementRows, reportRows, indicatorRows, actualRows] = await Promise.all([
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
      .where(batch)
      .orderBy(asc(awards.reference)),
    moneyOfAwards(db, batch),
    db
      .select({ awardId: awardTranches.awardId, trancheNumber: awardTranches.position, disbursedOn: disbursements.disbursedOn, amountMinor: disbursements.amountMinor })
      .from(disbursements)
      .innerJoin(awardTranches, eq(awardTranches.id, disbursements.trancheId))
      .innerJoin(awards, eq(awards.id, awardTranches.awardId))
      .where(batch),
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
      .innerJoin(awards, eq(awards.id, progressReports.awardId))
      .where(and(batch, accepted)),
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
      .innerJoin(awards, eq(awards.id, awardIndicators.awardId))
      .where(batch)
      .orderBy(asc(indicators.nameEn)),
    db
      .select({ awardIndicatorId: reportActuals.awardIndicatorId, periodNumber: reportingPeriods.number, value: reportActuals.value })
      .from(reportActuals)
      .innerJoin(progressReports, eq(progressReports.id, reportActuals.reportId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .innerJoin(awards, eq(awards.id, progressReports.awardId))
      .where(and(batch, accepted)),
  ]);

  const disbursementsOf = groupBy(disbursementRows, (r) => r.awardId);
  const reportsOf = groupBy(reportRows, (r) => r.awardId);
  const indicatorsOf = groupBy(indicatorRows, (r) => r.awardId);
  const actualsOf = groupBy(actualRows, (r) => r.awardIndicatorId);

  return awardRows.map((a) => ({
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
}

/**
 * The file's text, piece by piece: the root's opening, then each batch of awards encoded a few
 * activities at a time (the stream lets the event loop run between two pieces), then the root's end.
 */
async function* iatiPieces(db: DbOrTx, program: DashboardProgram, context: IatiFileContext, batchSize: number): AsyncGenerator<string> {
  yield iatiFileStart(context.generatedAt);
  for await (const batch of reportedAwardBatches(db, program.id, [awards.reference], batchSize)) {
    const batchAwards = await iatiAwardsOf(db, batch);
    for (let i = 0; i < batchAwards.length; i += IATI_AWARDS_PER_PIECE) yield iatiActivitiesText(context, batchAwards.slice(i, i + IATI_AWARDS_PER_PIECE));
  }
  yield IATI_FILE_END;
}

/**
 * The IATI 2.03 activities file of a program as a stream: one activity per reported award (active,
 * completed), with accepted reports and their actuals only, read a batch of awards at a time
 * (`batchSize`, for tests; the bytes are the same whatever it is), six grouped queries per batch.
 * Whoever may open the program's dashboard (the program office, admins, the program's donors);
 * NotFoundError for everyone else, and EmptyIatiExportError when the program has no reported award,
 * both thrown before the stream exists, so they still become a 404 or a 409.
 */
export async function streamProgramIati(
  user: CurrentUser,
  programId: string,
  options: { now?: Date; batchSize?: number } = {},
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const reportingOrg = reportingOrgFromEnv();
  const [anyAward, donorRows] = await Promise.all([
    db.select({ id: awards.id }).from(awards).where(reportedAwardsOf(program.id)).limit(1),
    db
      .select({ nameEn: organizations.nameEn, nameEs: organizations.nameEs })
      .from(programDonors)
      .innerJoin(organizations, eq(organizations.id, programDonors.organizationId))
      .where(eq(programDonors.programId, program.id))
      .orderBy(asc(organizations.nameEn)),
  ]);
  if (anyAward.length === 0) throw new EmptyIatiExportError();
  const context: IatiFileContext = { generatedAt: now, reportingOrg, program: { nameEn: program.nameEn, nameEs: program.nameEs }, donors: donorRows };
  const stream = textStream(iatiPieces(db, program, context, options.batchSize ?? IATI_AWARDS_PER_BATCH), {
    onError: (error) => console.error(`IATI export of ${program.key} failed after it started`, error),
  });
  return { filename: `${program.key}-iati-activities-${isoDateOf(now)}.xml`, stream };
}

/** The same file as one string, for callers that need it whole (tests, scripts). Who may call: as streamProgramIati. */
export async function exportProgramIati(
  user: CurrentUser,
  programId: string,
  options: { now?: Date; batchSize?: number } = {},
): Promise<{ filename: string; xml: string }> {
  const { filename, stream } = await streamProgramIati(user, programId, options);
  return { filename, xml: await textOfStream(stream) };
}
