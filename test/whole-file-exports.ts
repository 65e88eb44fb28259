// The donor downloads as they were built before they streamed (main at 0f8a7fc: lib/exports/queries.ts
// and lib/iati/queries.ts), kept unchanged as the reference the streamed files are compared with byte
// for byte (test/streamed-downloads.int.test.ts): every row loaded in one go, the file built as one
// string with toCsv and buildIatiActivities, the one-string builders their own tests check.
import { and, asc, eq, inArray } from "drizzle-orm";
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
import { findDashboardProgram, reportedAwardsOf, type DashboardProgram } from "@/lib/dashboards/access";
import { isoDateOf, todayIso } from "@/lib/dates";
import { isExportFile, type ExportFile } from "@/lib/exports/queries";
import { minorToDecimal, toCsv, type CsvCell } from "@/lib/exports/csv";
import { buildIatiActivities, EmptyIatiExportError, type IatiAward } from "@/lib/iati/build";
import { reportingOrgFromEnv } from "@/lib/iati/config";
import type { Locale } from "@/lib/i18n/config";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import { moneyOfAwards } from "@/lib/reporting/unchecked";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "@/lib/reporting/schema";


interface Table {
  header: string[];
  rows: CsvCell[][];
}

type Builder = (db: DbOrTx, program: DashboardProgram, t: Translate, locale: Locale) => Promise<Table>;

const inLocale = (locale: Locale, en: string | null, es: string | null) => (locale === "es" ? es || en : en || es) ?? "";

const awardsFile: Builder = async (db, program, t, locale) => {
  const rows = await db
    .select({
      id: awards.id,
      reference: awards.reference,
      titleEn: awards.titleEn,
      titleEs: awards.titleEs,
      countryIso2: awards.countryIso2,
      countryEn: countries.nameEn,
      countryEs: countries.nameEs,
      partnerEn: organizations.nameEn,
      partnerEs: organizations.nameEs,
      status: awards.status,
      currency: awards.currency,
      amountMinor: awards.amountMinor,
      startsOn: awards.startsOn,
      endsOn: awards.endsOn,
    })
    .from(awards)
    .innerJoin(countries, eq(countries.iso2, awards.countryIso2))
    .innerJoin(organizations, eq(organizations.id, awards.implementingPartnerId))
    .where(reportedAwardsOf(program.id))
    .orderBy(asc(awards.countryIso2), asc(awards.reference));
  const money = await moneyOfAwards(db, reportedAwardsOf(program.id));
  return {
    header: [
      t("exports.columns.reference"),
      t("exports.columns.title"),
      t("exports.columns.countryIso2"),
      t("exports.columns.country"),
      t("exports.columns.partner"),
      t("exports.columns.status"),
      t("exports.columns.currency"),
      t("exports.columns.amount"),
      t("exports.columns.startsOn"),
      t("exports.columns.endsOn"),
      t("exports.columns.committed"),
      t("exports.columns.disbursed"),
      t("exports.columns.reportedExpenditure"),
    ],
    rows: rows.map((r) => {
      const m = money.get(r.id) ?? { committedMinor: 0, disbursedMinor: 0, reportedExpenditureMinor: 0 };
      return [
        r.reference,
        inLocale(locale, r.titleEn, r.titleEs),
        r.countryIso2,
        inLocale(locale, r.countryEn, r.countryEs),
        inLocale(locale, r.partnerEn, r.partnerEs),
        t(`awards.status.${r.status}`),
        r.currency,
        minorToDecimal(r.amountMinor, r.currency),
        r.startsOn,
        r.endsOn,
        minorToDecimal(m.committedMinor, r.currency),
        minorToDecimal(m.disbursedMinor, r.currency),
        minorToDecimal(m.reportedExpenditureMinor, r.currency),
      ];
    }),
  };
};

const disbursementsFile: Builder = async (db, program, t) => {
  const rows = await db
    .select({
      reference: awards.reference,
      countryIso2: awards.countryIso2,
      currency: awards.currency,
      position: awardTranches.position,
      plannedMinor: awardTranches.plannedAmountMinor,
      plannedOn: awardTranches.plannedOn,
      amountMinor: disbursements.amountMinor,
      disbursedOn: disbursements.disbursedOn,
    })
    .from(disbursements)
    .innerJoin(awardTranches, eq(awardTranches.id, disbursements.trancheId))
    .innerJoin(awards, eq(awards.id, awardTranches.awardId))
    .where(reportedAwardsOf(program.id))
    .orderBy(asc(awards.reference), asc(awardTranches.position), asc(disbursements.disbursedOn));
  const currency = { currency: program.currency };
  return {
    header: [
      t("exports.columns.awardReference"),
      t("exports.columns.countryIso2"),
      t("exports.columns.trancheNumber"),
      t("exports.columns.plannedAmount", currency),
      t("exports.columns.plannedOn"),
      t("exports.columns.disbursedAmount", currency),
      t("exports.columns.disbursedOn"),
    ],
    rows: rows.map((r) => [
      r.reference,
      r.countryIso2,
      r.position,
      minorToDecimal(r.plannedMinor, r.currency),
      r.plannedOn,
      minorToDecimal(r.amountMinor, r.currency),
      r.disbursedOn,
    ]),
  };
};

type BreakdownRow = { dimension: string; label: string; value: number | string };

/** "Agency: DIGECAM = 10; Agency: PNC = 5", dimensions in the reader's language. */
function describeBreakdown(rows: BreakdownRow[] | null, t: Translate): string {
  if (!Array.isArray(rows)) return "";
  return rows
    .map((b) => {
      const dimension = (BREAKDOWN_DIMENSIONS as readonly string[]).includes(b.dimension) ? t(`reporting.dimension.${b.dimension as BreakdownDimension}`) : b.dimension;
      return `${dimension}: ${b.label} = ${b.value}`;
    })
    .join("; ");
}

const indicatorActualsFile: Builder = async (db, program, t, locale) => {
  // Only accepted reports: drafts, submitted and returned reports are internal until the office accepts them.
  const rows = await db
    .select({
      reference: awards.reference,
      countryIso2: awards.countryIso2,
      key: indicators.key,
      nameEn: indicators.nameEn,
      nameEs: indicators.nameEs,
      unit: indicators.unit,
      periodNumber: reportingPeriods.number,
      periodStartsOn: reportingPeriods.startsOn,
      periodEndsOn: reportingPeriods.endsOn,
      value: reportActuals.value,
      breakdown: reportActuals.breakdown,
      acceptedAt: progressReports.reviewedAt,
    })
    .from(reportActuals)
    .innerJoin(progressReports, eq(progressReports.id, reportActuals.reportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .innerJoin(awardIndicators, eq(awardIndicators.id, reportActuals.awardIndicatorId))
    .innerJoin(indicators, eq(indicators.id, awardIndicators.indicatorId))
    .innerJoin(awards, and(eq(awards.id, progressReports.awardId), eq(awards.id, awardIndicators.awardId)))
    .where(and(reportedAwardsOf(program.id), eq(progressReports.status, "accepted")))
    .orderBy(asc(awards.reference), asc(indicators.key), asc(reportingPeriods.number));
  return {
    header: [
      t("exports.columns.awardReference"),
      t("exports.columns.countryIso2"),
      t("exports.columns.indicatorKey"),
      t("exports.columns.indicatorName"),
      t("exports.columns.unit"),
      t("exports.columns.periodNumber"),
      t("exports.columns.periodStartsOn"),
      t("exports.columns.periodEndsOn"),
      t("exports.columns.value"),
      t("exports.columns.breakdown"),
      t("exports.columns.acceptedOn"),
    ],
    rows: rows.map((r) => [
      r.reference,
      r.countryIso2,
      r.key,
      inLocale(locale, r.nameEn, r.nameEs),
      r.unit,
      r.periodNumber,
      r.periodStartsOn,
      r.periodEndsOn,
      String(r.value),
      describeBreakdown(r.breakdown as BreakdownRow[] | null, t),
      r.acceptedAt ? isoDateOf(new Date(r.acceptedAt)) : null,
    ]),
  };
};

const BUILDERS: Record<ExportFile, Builder> = {
  awards: awardsFile,
  disbursements: disbursementsFile,
  "indicator-actuals": indicatorActualsFile,
};

/**
 * One CSV file of a program, headers in `locale`: its active and completed awards, their recorded
 * disbursements, or their indicator actuals from accepted reports. Who may call: anyone who may open
 * the program's dashboard (program office, admins, the funding donor); NotFoundError for everyone else.
 */
export async function wholeProgramCsv(
  user: CurrentUser,
  programId: string,
  file: ExportFile,
  locale: Locale,
  options: { today?: string } = {},
): Promise<{ filename: string; body: string }> {
  if (!isExportFile(file)) throw new TypeError(`unknown export file: ${String(file)}`);
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const t = createTranslator(locale);
  const { header, rows } = await BUILDERS[file](db, program, t, locale);
  const date = options.today ?? todayIso();
  return { filename: `${program.key}-${file}-${date}.csv`, body: toCsv(header, rows) };
}

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
export async function wholeProgramIati(user: CurrentUser, programId: string, options: { now?: Date } = {}): Promise<{ filename: string; xml: string }> {
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
