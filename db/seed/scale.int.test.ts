import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";
import { AWARD_STATUSES, REPORT_STATUSES, REQUEST_STATUSES } from "@/lib/enums";
import { reportingPeriods as calendarOf } from "@/lib/reporting/calendar";
import { SCALE_PROGRAM_KEYS, seedScale, type ScaleCounts } from "./scale";

const TABLES = [
  "assistance_requests",
  "request_programs",
  "request_revisions",
  "request_decisions",
  "audit_events",
  "awards",
  "award_requests",
  "award_indicators",
  "award_deliverables",
  "reporting_periods",
  "progress_reports",
  "report_actuals",
  "award_tranches",
  "disbursements",
  "equipment_items",
  "equipment_checks",
];

// The scale data set at a hundredth of its size (500 requests, 50 awards) on top of the demo data.
let db: TestDb;
let counts: ScaleCounts | null;
const before: Record<string, number> = {};
beforeAll(async () => {
  db = await createTestDb({ demo: true });
  for (const table of TABLES) before[table] = await count(`SELECT count(*)::int AS n FROM ${table}`);
  counts = await seedScale(db.db, { factor: 0.01 });
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

const SCALE_AWARDS_SQL = `SELECT a.* FROM awards a JOIN programs p ON p.id = a.program_id WHERE p.key LIKE 'scale-%'`;
const SCALE_AWARDS = sql.raw(SCALE_AWARDS_SQL);

async function count(query: string): Promise<number> {
  const [row] = await execRows<{ n: number }>(db.db, sql.raw(query));
  return Number(row.n);
}

async function identity(handle: TestDb) {
  const requests = await execRows<{ id: string; reference: string; status: string }>(
    handle.db,
    sql`SELECT r.id, r.reference, r.status::text FROM assistance_requests r JOIN request_programs rp ON rp.request_id = r.id JOIN programs p ON p.id = rp.program_id WHERE p.key LIKE 'scale-%' ORDER BY r.id`,
  );
  const awards = await execRows<{ id: string; amount_minor: string }>(handle.db, sql`SELECT id, amount_minor::text FROM (${SCALE_AWARDS}) a ORDER BY id`);
  return { requests, awards };
}

describe("scale seed", () => {
  it("writes the requested size, and the counts it reports are the rows in the tables", async () => {
    expect(counts).not.toBeNull();
    expect(counts!.assistance_requests).toBe(500);
    expect(counts!.awards).toBe(50);
    expect(await count(`SELECT count(*)::int AS n FROM programs WHERE key LIKE 'scale-%'`)).toBe(SCALE_PROGRAM_KEYS.length);
    expect(await count(`SELECT count(*)::int AS n FROM (${SCALE_AWARDS_SQL}) a`)).toBe(50);
    const scaleRequests = await count(
      `SELECT count(*)::int AS n FROM assistance_requests r JOIN request_programs rp ON rp.request_id = r.id JOIN programs p ON p.id = rp.program_id WHERE p.key LIKE 'scale-%'`,
    );
    expect(scaleRequests).toBe(500);
    expect(Object.keys(counts!).sort()).toEqual([...TABLES].sort());
    for (const table of TABLES) {
      expect(counts![table], table).toBeGreaterThan(0);
      expect(await count(`SELECT count(*)::int AS n FROM ${table}`), table).toBe(before[table] + counts![table]);
    }
    // Demo accounts and data are untouched.
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'focal.gt@example.org'`)).toBe(1);
  });

  it("covers every request, award and report status across all 22 recipient states", async () => {
    const { requests } = await identity(db);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES));
    const awardStatuses = await execRows<{ status: string }>(db.db, sql`SELECT DISTINCT status::text FROM (${SCALE_AWARDS}) a`);
    expect(new Set(awardStatuses.map((a) => a.status))).toEqual(new Set(AWARD_STATUSES));
    const reportStatuses = await execRows<{ status: string }>(db.db, sql`SELECT DISTINCT r.status FROM progress_reports r JOIN (${SCALE_AWARDS}) a ON a.id = r.award_id`);
    expect(new Set(reportStatuses.map((r) => r.status))).toEqual(new Set(REPORT_STATUSES));
    expect(new Set(requests.map((r) => r.reference.slice(0, 2))).size).toBe(22);
    const breakdowns = await count(`SELECT count(*)::int AS n FROM report_actuals WHERE jsonb_array_length(breakdown) > 0`);
    expect(breakdowns).toBeGreaterThan(0);
  });

  it("keeps the domain rules: tranches add up, calendars as the calendar code builds them, disbursements after their conditions", async () => {
    const sums = await execRows<{ id: string; amount: string; planned: string | null }>(
      db.db,
      sql`SELECT a.id, a.amount_minor::text AS amount, (SELECT sum(planned_amount_minor)::text FROM award_tranches t WHERE t.award_id = a.id) AS planned FROM (${SCALE_AWARDS}) a`,
    );
    expect(sums.filter((s) => s.amount !== s.planned)).toEqual([]);

    const awards = await execRows<{ id: string; starts_on: string; ends_on: string; reporting_frequency_months: number }>(
      db.db,
      sql`SELECT id, starts_on::text, ends_on::text, reporting_frequency_months FROM (${SCALE_AWARDS}) a`,
    );
    const periods = await execRows<{ award_id: string; number: number; starts_on: string; ends_on: string; due_on: string; is_final: string }>(
      db.db,
      sql`SELECT award_id, number, starts_on::text, ends_on::text, due_on::text, is_final FROM reporting_periods ORDER BY award_id, number`,
    );
    for (const a of awards) {
      const expected = calendarOf({ startsOn: a.starts_on, endsOn: a.ends_on, frequencyMonths: a.reporting_frequency_months });
      const actual = periods.filter((p) => p.award_id === a.id);
      expect(actual.map((p) => ({ number: p.number, startsOn: p.starts_on, endsOn: p.ends_on, dueOn: p.due_on, isFinal: p.is_final === "yes" }))).toEqual(expected);
    }

    const unmet = await execRows<{ id: string }>(
      db.db,
      sql`SELECT t.id FROM award_tranches t JOIN (${SCALE_AWARDS}) a ON a.id = t.award_id
          WHERE t.released_on IS NOT NULL AND (
            a.status NOT IN ('active', 'completed')
            OR (t.condition_period_number IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM reporting_periods p JOIN progress_reports r ON r.period_id = p.id
              WHERE p.award_id = t.award_id AND p.number = t.condition_period_number AND r.status = 'accepted' AND r.reviewed_at::date <= t.released_on))
            OR (t.condition_deliverable_id IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM award_deliverables d WHERE d.id = t.condition_deliverable_id AND d.award_id = t.award_id AND d.status = 'accepted')))`,
    );
    expect(unmet).toEqual([]);
    const conditioned = await count(`SELECT count(*)::int AS n FROM award_tranches t JOIN (${SCALE_AWARDS_SQL}) a ON a.id = t.award_id WHERE t.released_on IS NOT NULL AND (t.condition_period_number IS NOT NULL OR t.condition_deliverable_id IS NOT NULL)`);
    expect(conditioned).toBeGreaterThan(0);
    // A disbursement row for exactly the released tranches, of the released amount.
    const mismatched = await count(
      `SELECT count(*)::int AS n FROM award_tranches t LEFT JOIN disbursements d ON d.tranche_id = t.id
       WHERE (t.released_on IS NULL) <> (d.id IS NULL) OR d.amount_minor <> t.released_amount_minor OR d.disbursed_on <> t.released_on`,
    );
    expect(mismatched).toBe(0);
  });

  it("adds nothing on a second run, and writes the same rows with the same ids on another database", async () => {
    expect(await seedScale(db.db, { factor: 0.01 })).toBeNull();
    const first = await identity(db);
    expect(first.requests).toHaveLength(500);
    const other = await createTestDb({ demo: true });
    try {
      expect(await seedScale(other.db, { factor: 0.01 })).toEqual(counts);
      expect(await identity(other)).toEqual(first);
    } finally {
      await other.drop();
    }
  }, 120_000);
});
