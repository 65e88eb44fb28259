// Helpers that check nothing: they run inside a caller's transaction or query on ids the caller has
// already checked. Exported for the checked queries and mutations of lib/; never called from a page.
import "server-only";
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { awardIndicators, awards, indicators, reportingPeriods } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { calendarRows } from "./calendar";
import { recipientsOf } from "@/lib/users/recipients";
import type { AwardFacts } from "./queries";

export interface MoneyFigures {
  /** The award amount (the sum of award amounts for a program). */
  committedMinor: number;
  /** Recorded disbursements against the award's tranches. */
  disbursedMinor: number;
  /** Expenditure to date of the latest accepted report (0 before any). */
  reportedExpenditureMinor: number;
}

async function awardFacts(db: DbOrTx, awardId: string): Promise<AwardFacts & { startsOn: string; endsOn: string; frequencyMonths: number }> {
  const [row] = await db
    .select({
      id: awards.id,
      countryIso2: awards.countryIso2,
      implementingPartnerId: awards.implementingPartnerId,
      status: awards.status,
      startsOn: awards.startsOn,
      endsOn: awards.endsOn,
      frequencyMonths: awards.reportingFrequencyMonths,
    })
    .from(awards)
    .where(eq(awards.id, awardId));
  if (!row) throw new NotFoundError("award");
  return row;
}


/**
 * Writes the award's reporting periods from its calendar when they are missing (idempotent: parallel
 * calls insert each period once). Called by the mutations that create and activate an award, inside
 * their transaction, and before a report is saved; never by a query (reads write nothing: awards from
 * before this rule get theirs from db/backfill.ts). No permission check, so callers check visibility
 * first. Returns the number of periods created.
 */
export async function ensureReportingCalendarTx(db: DbOrTx, awardId: string): Promise<number> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(reportingPeriods).where(eq(reportingPeriods.awardId, awardId));
  if (Number(count) > 0) return 0;
  const award = await awardFacts(db, awardId);
  const inserted = await db.insert(reportingPeriods).values(calendarRows(awardId, award)).onConflictDoNothing().returning({ id: reportingPeriods.id });
  return inserted.length;
}

/**
 * Per award matching `condition` (on `awards`), as a parenthesised subquery to select from: id,
 * program_id, country_iso2, committed, disbursed and reported (0 when none). Disbursements are summed in
 * one grouped pass and the reported expenditure is the latest accepted report per award (DISTINCT ON).
 */
export function awardMoneySql(condition: SQL): SQL {
  return sql`(WITH selected AS (SELECT ${awards.id} AS id, ${awards.programId} AS program_id, ${awards.countryIso2} AS country_iso2,
                                       ${awards.amountMinor} AS amount_minor
                                  FROM ${awards} WHERE ${condition}),
                   disbursed AS (SELECT t.award_id, sum(d.amount_minor) AS total
                                   FROM disbursements d JOIN award_tranches t ON t.id = d.tranche_id
                                  WHERE t.award_id IN (SELECT id FROM selected)
                                  GROUP BY t.award_id),
                   reported AS (SELECT DISTINCT ON (pr.award_id) pr.award_id, pr.expenditure_to_date_minor AS total
                                  FROM progress_reports pr JOIN reporting_periods rp ON rp.id = pr.period_id
                                 WHERE pr.status = 'accepted' AND pr.award_id IN (SELECT id FROM selected)
                                 ORDER BY pr.award_id, rp.number DESC)
              SELECT s.id, s.program_id, s.country_iso2, s.amount_minor AS committed,
                     COALESCE(d.total, 0) AS disbursed, COALESCE(r.total, 0) AS reported
                FROM selected s
                LEFT JOIN disbursed d ON d.award_id = s.id
                LEFT JOIN reported r ON r.award_id = s.id)`;
}

/**
 * Money per award, in one query, for per-award and per-program figures that always agree: the awards
 * are `ids`, or those matching a condition on `awards` (e.g. reportedAwardsOf(programId)), which spares
 * the caller listing ids (awardMoneySql).
 */
export async function moneyOfAwards(db: DbOrTx, selection: readonly string[] | SQL): Promise<Map<string, MoneyFigures>> {
  const out = new Map<string, MoneyFigures>();
  if (Array.isArray(selection) && selection.length === 0) return out;
  const condition = Array.isArray(selection) ? inArray(awards.id, [...selection]) : (selection as SQL);
  const rows = await execRows<{ id: string; committed: string | number; disbursed: string | number; reported: string | number }>(
    db,
    sql`SELECT m.id, m.committed, m.disbursed, m.reported FROM ${awardMoneySql(condition)} m`,
  );
  for (const r of rows) {
    out.set(r.id, { committedMinor: Number(r.committed), disbursedMinor: Number(r.disbursed), reportedExpenditureMinor: Number(r.reported) });
  }
  return out;
}

/** The award's tracked indicators with their library names and units. */
export async function trackedIndicators(db: DbOrTx, awardId: string) {
  return db
    .select({
      id: awardIndicators.id,
      indicatorId: indicators.id,
      key: indicators.key,
      unit: indicators.unit,
      nameEn: indicators.nameEn,
      nameEs: indicators.nameEs,
      baseline: awardIndicators.baseline,
      target: awardIndicators.target,
    })
    .from(awardIndicators)
    .innerJoin(indicators, eq(indicators.id, awardIndicators.indicatorId))
    .where(eq(awardIndicators.awardId, awardId))
    .orderBy(asc(indicators.nameEn));
}

/** Active officers (program_officer), to whom submitted reports are announced. */
export async function officersToNotify(db: DbOrTx) {
  return recipientsOf(db, { role: "program_officer" });
}
