// Data the code now writes when a record changes, filled in once for databases from before that rule.
// Run after the migrations (db/migrate.ts); each step is idempotent and cheap when nothing is missing.
import { and, ne, sql } from "drizzle-orm";
import { calendarRows } from "../lib/reporting/calendar";
import type { Db } from "./client";
import { awards, reportingPeriods } from "./schema";

const BATCH = 1_000;

/**
 * Reporting calendars: built by createAward and approveAward since the pages stopped creating them while
 * reading. Awards from before (not cancelled) that have none get theirs, as the calendar code builds it.
 * Parallel runs insert each period once. Returns the number of periods written.
 */
export async function backfillReportingCalendars(db: Db): Promise<number> {
  const missing = await db
    .select({ id: awards.id, startsOn: awards.startsOn, endsOn: awards.endsOn, frequencyMonths: awards.reportingFrequencyMonths })
    .from(awards)
    .where(and(ne(awards.status, "cancelled"), sql`NOT EXISTS (SELECT 1 FROM reporting_periods rp WHERE rp.award_id = ${awards.id})`));
  const rows = missing.flatMap((a) => calendarRows(a.id, a));
  let written = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const inserted = await db
      .insert(reportingPeriods)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoNothing()
      .returning({ id: reportingPeriods.id });
    written += inserted.length;
  }
  return written;
}

/** Every backfill step, in order. */
export async function runBackfills(db: Db): Promise<void> {
  await backfillReportingCalendars(db);
}
