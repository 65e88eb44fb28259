// The program cards (donor home, dashboards list) come from their own grouped queries: their figures
// must be those of each program's dashboard cut to a card (glanceOf of getProgramOverview), for every
// viewer of the demo data, and each viewer gets only the programs it may open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/queries";
import { createTestDb, type TestDb } from "@/test/db";
import { loadUsers, type DeliveryUserKey } from "@/test/delivery-fixtures";
import { glanceOf } from "./glance";
import { getProgramOverview, listProgramGlances } from "./queries";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

describe("listProgramGlances", () => {
  for (const today of ["2026-06-15", "2027-03-01"]) {
    it(`gives every card the figures of its program's dashboard, for each viewer (as of ${today})`, async () => {
      let cards = 0;
      for (const who of ["officer", "admin", "donorInl", "donorWra"] as const) {
        const glances = await listProgramGlances(u[who], { today });
        const expected = await Promise.all(glances.map((g) => getProgramOverview(u[who], g.program.id, { today }).then(glanceOf)));
        expect(glances, who).toEqual(expected);
        cards += glances.length;
      }
      expect(cards).toBeGreaterThan(4);
    });
  }

  it("lists the programs the viewer's dashboards show, by English name; none for those without dashboards", async () => {
    const all = await listProgramGlances(u.officer);
    const inl = await listProgramGlances(u.donorInl);
    const wra = await listProgramGlances(u.donorWra);
    expect(all.map((g) => g.program.nameEn)).toEqual(all.map((g) => g.program.nameEn).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(inl.length).toBeGreaterThan(0);
    expect(wra.length).toBeGreaterThan(0);
    for (const g of [...inl, ...wra]) expect(all.map((a) => a.program.id)).toContain(g.program.id);
    expect(inl.some((g) => wra.some((w) => w.program.id === g.program.id))).toBe(false);
    // The demo data must exercise the figures, or the comparison proves little.
    expect(all.some((g) => g.money.disbursedMinor > 0 && g.money.reportedExpenditureMinor > 0 && g.deliverables.late > 0 && g.latestReport)).toBe(true);
    expect(all.some((g) => g.indicators.length > 0)).toBe(true);
    expect(await listProgramGlances(u.partner)).toEqual([]);
  });
});
