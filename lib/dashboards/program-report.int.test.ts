// The program PDF report's data comes from grouped queries and reads only the awards it lists: its figures
// must be those of the program's dashboard (getProgramOverview) cut the same way (programReportOf), for
// every program of the demo and (a hundredth of) the scale data, and only for those who may open it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { seedScale, SCALE_TODAY } from "@/db/seed/scale";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { loadUsers, type DeliveryUserKey } from "@/test/delivery-fixtures";
import { getProgramOverview, getProgramReport, listProgramGlances } from "./queries";
import { programReportOf } from "./report";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;

beforeAll(async () => {
  db = await createTestDb({ demo: true });
  await seedScale(db.db, { factor: 0.01 });
  u = await loadUsers(db);
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe("getProgramReport", () => {
  for (const [today, limits] of [[SCALE_TODAY, { awards: 3, late: 1 }], ["2027-06-30", { awards: 3, late: 1 }], [SCALE_TODAY, {}]] as const) {
    it(`has the dashboard's figures and lists the ${limits.awards ?? "default number of"} largest and most late awards (as of ${today})`, async () => {
      const programs = await listProgramGlances(u.officer);
      let awardsCut = 0;
      let lateCut = 0;
      for (const { program } of programs) {
        const report = await getProgramReport(u.officer, program.id, { today, limits });
        const expected = programReportOf(await getProgramOverview(u.officer, program.id, { today }), limits);
        expect(report, program.key).toEqual(expected);
        if (report.awards.length < report.awardCount) awardsCut += 1;
        if (report.lateAwards.length < report.lateAwardCount) lateCut += 1;
      }
      // The scale programs have more awards than the small limit lists; a year on, more late ones too.
      if (limits.awards) expect(awardsCut).toBeGreaterThanOrEqual(4);
      if (limits.awards && today > SCALE_TODAY) expect(lateCut).toBeGreaterThanOrEqual(1);
    });
  }

  it("is the donor's for its own programs only, and a NotFoundError for any other", async () => {
    const inl = await listProgramGlances(u.donorInl);
    const wra = await listProgramGlances(u.donorWra);
    const own = await getProgramReport(u.donorInl, inl[0].program.id);
    expect(own.program.id).toBe(inl[0].program.id);
    await expect(getProgramReport(u.donorInl, wra[0].program.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgramReport(u.donorInl, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });
});
