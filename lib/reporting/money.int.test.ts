// The money figures by grouped SQL equal those of the per-award subqueries they replaced, for every
// award of the demo data, whether the awards are named by id or by a condition on `awards`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import { awards, programs } from "@/db/schema";
import { reportedAwardsOf } from "@/lib/dashboards/access";
import { createTestDb, type TestDb } from "@/test/db";
import { moneyOfAwards, type MoneyFigures } from "./unchecked";

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** The former query: a correlated subquery per award for each figure. */
async function perAwardFigures(): Promise<Map<string, MoneyFigures>> {
  const rows = await execRows<{ id: string; committed: string | number; disbursed: string | number; reported: string | number | null }>(
    db.db,
    sql`SELECT a.id,
               a.amount_minor AS committed,
               COALESCE((SELECT sum(d.amount_minor) FROM disbursements d JOIN award_tranches t ON t.id = d.tranche_id WHERE t.award_id = a.id), 0) AS disbursed,
               (SELECT pr.expenditure_to_date_minor FROM progress_reports pr JOIN reporting_periods rp ON rp.id = pr.period_id
                 WHERE pr.award_id = a.id AND pr.status = 'accepted' ORDER BY rp.number DESC LIMIT 1) AS reported
          FROM awards a`,
  );
  return new Map(rows.map((r) => [r.id, { committedMinor: Number(r.committed), disbursedMinor: Number(r.disbursed), reportedExpenditureMinor: Number(r.reported ?? 0) }]));
}

describe("moneyOfAwards", () => {
  it("gives every demo award the figures of the per-award subqueries, by ids and by condition", async () => {
    const expected = await perAwardFigures();
    const ids = [...expected.keys()];
    expect(ids.length).toBeGreaterThan(5);
    // The demo data must exercise the figures, or the comparison proves little.
    expect([...expected.values()].some((m) => m.disbursedMinor > 0)).toBe(true);
    expect([...expected.values()].some((m) => m.reportedExpenditureMinor > 0)).toBe(true);

    const byIds = await moneyOfAwards(db.db, ids);
    expect(new Map([...byIds].sort())).toEqual(new Map([...expected].sort()));
    const byCondition = await moneyOfAwards(db.db, sql`true`);
    expect(new Map([...byCondition].sort())).toEqual(new Map([...expected].sort()));
  });

  it("keeps to the awards the condition selects", async () => {
    const expected = await perAwardFigures();
    for (const { id } of await db.db.select({ id: programs.id }).from(programs)) {
      const reported = await db.db.select({ id: awards.id }).from(awards).where(reportedAwardsOf(id));
      const money = await moneyOfAwards(db.db, reportedAwardsOf(id));
      expect([...money.keys()].sort()).toEqual(reported.map((r) => r.id).sort());
      for (const [awardId, figures] of money) expect(figures).toEqual(expected.get(awardId));
    }
    const [one] = await db.db.select({ id: awards.id }).from(awards).where(eq(awards.status, "active")).limit(1);
    expect([...(await moneyOfAwards(db.db, [one.id])).keys()]).toEqual([one.id]);
    expect((await moneyOfAwards(db.db, [])).size).toBe(0);
  });
});
