// Helpers that check nothing: they run inside a caller's transaction or query on ids the caller has
// already checked. Exported for the checked queries and mutations of lib/; never called from a page.
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { awardIndicators, awards, indicators, reportingPeriods } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { reportingPeriods as calendarOf } from "./calendar";
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
 * calls insert each period once). Called lazily by the reporting queries and mutations; no permission
 * check, so callers check visibility first. Returns the number of periods created.
 */
export async function ensureReportingCalendarTx(db: DbOrTx, awardId: string): Promise<number> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(reportingPeriods).where(eq(reportingPeriods.awardId, awardId));
  if (Number(count) > 0) return 0;
  const award = await awardFacts(db, awardId);
  const periods = calendarOf({ startsOn: award.startsOn, endsOn: award.endsOn, frequencyMonths: award.frequencyMonths });
  const inserted = await db
    .insert(reportingPeriods)
    .values(periods.map((p) => ({ awardId, number: p.number, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, isFinal: p.isFinal ? ("yes" as const) : ("no" as const) })))
    .onConflictDoNothing()
    .returning({ id: reportingPeriods.id });
  return inserted.length;
}

/** Money per award, in one query, for per-award and per-program figures that always agree. */
export async function moneyOfAwards(db: DbOrTx, awardIds: string[]): Promise<Map<string, MoneyFigures>> {
  const out = new Map<string, MoneyFigures>();
  if (awardIds.length === 0) return out;
  const rows = await execRows<{ id: string; committed: string | number; disbursed: string | number; reported: string | number | null }>(
    db,
    sql`SELECT a.id,
               a.amount_minor AS committed,
               COALESCE((SELECT sum(d.amount_minor) FROM disbursements d JOIN award_tranches t ON t.id = d.tranche_id WHERE t.award_id = a.id), 0) AS disbursed,
               (SELECT pr.expenditure_to_date_minor FROM progress_reports pr JOIN reporting_periods rp ON rp.id = pr.period_id
                 WHERE pr.award_id = a.id AND pr.status = 'accepted' ORDER BY rp.number DESC LIMIT 1) AS reported
          FROM awards a
         WHERE a.id IN (${sql.join(
           awardIds.map((id) => sql`${id}`),
           sql`, `,
         )})`,
  );
  for (const r of rows) {
    out.set(r.id, { committedMinor: Number(r.committed), disbursedMinor: Number(r.disbursed), reportedExpenditureMinor: Number(r.reported ?? 0) });
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
