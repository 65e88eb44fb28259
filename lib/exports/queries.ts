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
  progressReports,
  reportActuals,
  reportingPeriods,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { findDashboardProgram, reportedAwardBatches, type AwardOrderColumn, type DashboardProgram } from "@/lib/dashboards/access";
import { textOfStream, textStream } from "@/lib/http/text-stream";
import type { Locale } from "@/lib/i18n/config";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import { moneyOfAwards } from "@/lib/reporting/unchecked";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "@/lib/reporting/schema";
import { isoDateOf, todayIso } from "@/lib/dates";
import { CSV_BOM, csvRecords, minorToDecimal, type CsvCell } from "./csv";

/** The files a program offers; the route serves each as `<name>.csv`. */
export const EXPORT_FILES = ["awards", "disbursements", "indicator-actuals"] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** Narrows untrusted input (a URL segment) to a known file; anyone may call it. */
export function isExportFile(value: unknown): value is ExportFile {
  return typeof value === "string" && (EXPORT_FILES as readonly string[]).includes(value);
}

/**
 * One file: its header, the award order its rows follow (ending with the unique reference), and the
 * rows of one batch of awards (a condition on `awards`, from reportedAwardBatches) in the file's order,
 * read by grouped queries, never one per award.
 */
interface CsvFile {
  header: (t: Translate, program: DashboardProgram) => string[];
  awardOrder: readonly AwardOrderColumn[];
  /** Awards per batch: a few thousand rows at most, a few milliseconds to encode (scripts/bench-downloads.ts). */
  awardsPerBatch: number;
  rows: (db: DbOrTx, batch: SQL, program: DashboardProgram, t: Translate, locale: Locale) => Promise<CsvCell[][]>;
}

const inLocale = (locale: Locale, en: string | null, es: string | null) => (locale === "es" ? es || en : en || es) ?? "";

const awardsFile: CsvFile = {
  header: (t) => [
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
  awardOrder: [awards.countryIso2, awards.reference],
  // One row per award.
  awardsPerBatch: 250,
  rows: async (db, batch, _program, t, locale) => {
    const [rows, money] = await Promise.all([
      db
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
        .where(batch)
        .orderBy(asc(awards.countryIso2), asc(awards.reference)),
      moneyOfAwards(db, batch),
    ]);
    return rows.map((r) => {
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
    });
  },
};

const disbursementsFile: CsvFile = {
  header: (t, program) => {
    const currency = { currency: program.currency };
    return [
      t("exports.columns.awardReference"),
      t("exports.columns.countryIso2"),
      t("exports.columns.trancheNumber"),
      t("exports.columns.plannedAmount", currency),
      t("exports.columns.plannedOn"),
      t("exports.columns.disbursedAmount", currency),
      t("exports.columns.disbursedOn"),
    ];
  },
  awardOrder: [awards.reference],
  // A row per disbursed tranche: two or three per award.
  awardsPerBatch: 250,
  rows: async (db, batch) => {
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
      .where(batch)
      .orderBy(asc(awards.reference), asc(awardTranches.position), asc(disbursements.disbursedOn));
    return rows.map((r) => [
      r.reference,
      r.countryIso2,
      r.position,
      minorToDecimal(r.plannedMinor, r.currency),
      r.plannedOn,
      minorToDecimal(r.amountMinor, r.currency),
      r.disbursedOn,
    ]);
  },
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

const indicatorActualsFile: CsvFile = {
  header: (t) => [
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
  awardOrder: [awards.reference],
  // A row per indicator and accepted period: a dozen or two per award.
  awardsPerBatch: 50,
  rows: async (db, batch, _program, t, locale) => {
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
      .where(and(batch, eq(progressReports.status, "accepted")))
      .orderBy(asc(awards.reference), asc(indicators.key), asc(reportingPeriods.number));
    return rows.map((r) => [
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
    ]);
  },
};

const FILES: Record<ExportFile, CsvFile> = {
  awards: awardsFile,
  disbursements: disbursementsFile,
  "indicator-actuals": indicatorActualsFile,
};

/** The file's text, piece by piece: the byte-order mark and the header, then one piece per batch of awards. */
async function* csvPieces(db: DbOrTx, program: DashboardProgram, file: CsvFile, locale: Locale, batchSize: number): AsyncGenerator<string> {
  const t = createTranslator(locale);
  yield CSV_BOM + csvRecords([file.header(t, program)]);
  for await (const batch of reportedAwardBatches(db, program.id, file.awardOrder, batchSize)) {
    yield csvRecords(await file.rows(db, batch, program, t, locale));
  }
}

/**
 * One CSV file of a program as a stream, headers in `locale`: its active and completed awards, their
 * recorded disbursements, or their indicator actuals from accepted reports, read and encoded one batch
 * of awards at a time (`batchSize`, for tests; the bytes are the same whatever it is). Who may call:
 * anyone who may open the program's dashboard (program office, admins, the funding donor);
 * NotFoundError for everyone else, thrown before the stream exists, so a refusal is always a plain 404.
 */
export async function streamProgramCsv(
  user: CurrentUser,
  programId: string,
  file: ExportFile,
  locale: Locale,
  options: { today?: string; batchSize?: number } = {},
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  if (!isExportFile(file)) throw new TypeError(`unknown export file: ${String(file)}`);
  const db = await getDb();
  const program = await findDashboardProgram(user, programId, db);
  const date = options.today ?? todayIso();
  const stream = textStream(csvPieces(db, program, FILES[file], locale, options.batchSize ?? FILES[file].awardsPerBatch), {
    onError: (error) => console.error(`export ${program.key} ${file}.csv failed after it started`, error),
  });
  return { filename: `${program.key}-${file}-${date}.csv`, stream };
}

/**
 * The same file as one string, for callers that need it whole (tests, scripts). Who may call: as
 * streamProgramCsv.
 */
export async function exportProgramCsv(
  user: CurrentUser,
  programId: string,
  file: ExportFile,
  locale: Locale,
  options: { today?: string; batchSize?: number } = {},
): Promise<{ filename: string; body: string }> {
  const { filename, stream } = await streamProgramCsv(user, programId, file, locale, options);
  return { filename, body: await textOfStream(stream) };
}
