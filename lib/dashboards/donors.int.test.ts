import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import {
  awardIndicators,
  disbursements,
  equipmentChecks,
  equipmentItems,
  indicators,
  programCountries,
  programDonors,
  programs,
  progressReports,
  reportActuals,
  reportingPeriods,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { moneyOfAwards } from "@/lib/reporting/unchecked";
import { createTestDb, type TestDb } from "@/test/db";
import { insertAward, loadUsers, rejectionOf, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { getAwardOverview, getProgramOverview, listProgramGlances } from "./queries";

// Markers that must never reach a donor-facing object.
const SECRET = {
  submitted: "SECRET-SUBMITTED-NARRATIVE",
  draft: "SECRET-DRAFT-NARRATIVE",
  returned: "SECRET-RETURNED-NARRATIVE",
  returnComment: "SECRET-RETURN-COMMENT",
  acceptComment: "SECRET-ACCEPT-COMMENT",
  deliverableComment: "SECRET-DELIVERABLE-COMMENT",
  checkNote: "SECRET-CHECK-NOTE",
} as const;

const TODAY = "2026-06-15";
const CEILING = 100_000_000;

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let inlProgram: string;
let wraProgram: string;
let a1: TestAward; // GT, active: the award with everything
let a2: TestAward; // HN, completed
let pending: TestAward;
let cancelled: TestAward;
let wraAward: TestAward;

async function insertProgram(key: string, donorOrganizationId: string, countryIsos: string[]) {
  const [p] = await db.db
    .insert(programs)
    .values({
      key,
      nameEn: `Dashboard test ${key}`,
      nameEs: `Prueba de tablero ${key}`,
      currency: "USD",
      ceilingMinor: CEILING,
      approvalThresholdMinor: 50_000_000,
      startsOn: "2026-01-01",
      endsOn: "2028-12-31",
    })
    .returning({ id: programs.id });
  await db.db.insert(programDonors).values({ programId: p.id, organizationId: donorOrganizationId });
  await db.db.insert(programCountries).values(countryIsos.map((countryIso2) => ({ programId: p.id, countryIso2 })));
  return p.id;
}

async function track(awardId: string, key: string, baseline: string, target: string) {
  const [indicator] = await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, key));
  const [row] = await db.db.insert(awardIndicators).values({ awardId, indicatorId: indicator.id, baseline, target }).returning({ id: awardIndicators.id });
  return row.id;
}

async function report(
  awardId: string,
  number: number,
  spec: {
    status: "draft" | "submitted" | "accepted" | "returned";
    narrative: string;
    expenditure?: number;
    reviewedAt?: string;
    reviewComment?: string;
    actuals: [string, string][];
  },
) {
  const start = `2026-${String(number * 3 - 2).padStart(2, "0")}-01`;
  const [period] = await db.db
    .insert(reportingPeriods)
    .values({ awardId, number, startsOn: start, endsOn: start, dueOn: start })
    .returning({ id: reportingPeriods.id });
  const [r] = await db.db
    .insert(progressReports)
    .values({
      awardId,
      periodId: period.id,
      status: spec.status,
      narrativeEn: spec.narrative,
      narrativeEs: `${spec.narrative} (es)`,
      expenditureToDateMinor: spec.expenditure ?? null,
      createdById: u.gt.id,
      submittedById: spec.status === "draft" ? null : u.gt.id,
      submittedAt: spec.status === "draft" ? null : new Date("2026-04-01T10:00:00Z"),
      reviewedById: spec.reviewedAt ? u.officer.id : null,
      reviewedAt: spec.reviewedAt ? new Date(spec.reviewedAt) : null,
      reviewComment: spec.reviewComment ?? null,
    })
    .returning({ id: progressReports.id });
  if (spec.actuals.length > 0) {
    await db.db.insert(reportActuals).values(spec.actuals.map(([awardIndicatorId, value]) => ({ reportId: r.id, awardIndicatorId, value })));
  }
  return r.id;
}

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  inlProgram = await insertProgram("dash-inl", u.donorInl.organizationId!, ["GT", "HN", "JM"]);
  wraProgram = await insertProgram("dash-wra", u.donorWra.organizationId!, ["JM"]);

  a1 = await insertAward(db, u.officer.id, {
    program: "dash-inl",
    country: "GT",
    deliverables: [
      { title: "Late machines", dueOn: "2026-03-31" },
      { title: "Accepted survey", dueOn: "2026-02-28", status: "accepted" },
      { title: "Future training", dueOn: "2026-12-31", status: "submitted" },
    ],
  });
  a2 = await insertAward(db, u.officer.id, { program: "dash-inl", country: "HN", status: "completed" });
  pending = await insertAward(db, u.officer.id, { program: "dash-inl", country: "GT", status: "pending_approval", deliverables: [{ title: "Pending late", dueOn: "2026-02-01" }] });
  cancelled = await insertAward(db, u.officer.id, { program: "dash-inl", country: "PA", status: "cancelled", deliverables: [{ title: "Cancelled late", dueOn: "2026-02-01" }] });
  wraAward = await insertAward(db, u.officer.id, { program: "dash-wra", country: "JM", partner: "unlirec" });

  const a1Marked = await track(a1.id, "firearms_marked", "10", "1000");
  const a1Trained = await track(a1.id, "officers_trained", "0", "50");
  const a2Marked = await track(a2.id, "firearms_marked", "0", "500");
  const pendingMarked = await track(pending.id, "firearms_marked", "0", "9000");

  await report(a1.id, 1, {
    status: "accepted",
    narrative: "A1 accepted period one",
    expenditure: 1_500_000,
    reviewedAt: "2026-04-10T12:00:00Z",
    reviewComment: SECRET.acceptComment,
    actuals: [
      [a1Marked, "200"],
      [a1Trained, "10.5"],
    ],
  });
  await report(a1.id, 2, { status: "submitted", narrative: SECRET.submitted, expenditure: 4_000_000, actuals: [[a1Marked, "300"]] });
  await report(a1.id, 3, { status: "draft", narrative: SECRET.draft, actuals: [[a1Marked, "400"]] });
  await report(a1.id, 4, {
    status: "returned",
    narrative: SECRET.returned,
    expenditure: 9_000_000,
    reviewedAt: "2026-06-01T12:00:00Z",
    reviewComment: SECRET.returnComment,
    actuals: [[a1Trained, "40"]],
  });
  await report(a2.id, 1, { status: "accepted", narrative: "A2 accepted period one", expenditure: 2_500_000, reviewedAt: "2026-05-01T09:00:00Z", actuals: [[a2Marked, "50"]] });
  await report(pending.id, 1, { status: "accepted", narrative: "Pending award report", reviewedAt: "2026-05-20T09:00:00Z", actuals: [[pendingMarked, "7000"]] });

  await db.db.insert(disbursements).values({ trancheId: a1.tranches[0], amountMinor: 6_000_000, disbursedOn: "2026-02-03", recordedById: u.officer.id });
  await db.db.insert(disbursements).values({ trancheId: pending.tranches[0], amountMinor: 6_000_000, disbursedOn: "2026-02-03", recordedById: u.officer.id });

  const [machine] = await db.db
    .insert(equipmentItems)
    .values({ awardId: a1.id, kind: "Dot-peen marking machine", model: "TM-5000", quantity: 2, handoverOn: "2026-03-15", custodianAgency: "DIGECAM", condition: "good", createdById: u.partner.id })
    .returning({ id: equipmentItems.id });
  await db.db.insert(equipmentItems).values({ awardId: a1.id, kind: "Vault door", quantity: 1, custodianAgency: "PNC", createdById: u.partner.id });
  await db.db.insert(equipmentChecks).values([
    { itemId: machine.id, checkedOn: "2026-04-01", result: "misused", note: SECRET.checkNote, checkedById: u.officer.id },
    { itemId: machine.id, checkedOn: "2026-05-20", result: "in_use_as_intended", checkedById: u.officer.id },
  ]);
});

afterAll(async () => {
  await db.drop();
});

function leaks(value: unknown): string[] {
  const json = JSON.stringify(value);
  const forbidden = [...Object.values(SECRET), "focal.gt@example.org", "officer@example.org", u.gt.id, u.officer.id, u.partner.id];
  return forbidden.filter((s) => json.includes(s));
}

describe("who sees which dashboards", () => {
  it("isolates donors: each sees only the programs its organization funds", async () => {
    const inlKeys = (await listProgramGlances(u.donorInl)).map((g) => g.program.key);
    expect(inlKeys).toEqual(expect.arrayContaining(["dash-inl", "merida-ca", "cbsi"]));
    for (const key of ["dash-wra", "oas-marking", "unlirec-caribbean-stockpile"]) expect(inlKeys).not.toContain(key);

    const wraKeys = (await listProgramGlances(u.donorWra)).map((g) => g.program.key);
    expect(wraKeys).toEqual(expect.arrayContaining(["dash-wra", "oas-marking", "unlirec-caribbean-stockpile"]));
    for (const key of ["dash-inl", "merida-ca", "cbsi"]) expect(wraKeys).not.toContain(key);

    const refusals: [CurrentUser, string, string, string][] = [
      [u.donorWra, inlProgram, "GT", a1.id],
      [u.donorInl, wraProgram, "JM", wraAward.id],
    ];
    for (const [who, programId, country, awardId] of refusals) {
      expect(await rejectionOf(getProgramOverview(who, programId, { today: TODAY }))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getProgramOverview(who, programId, { today: TODAY, country }))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getAwardOverview(who, awardId, { today: TODAY }))).toBeInstanceOf(NotFoundError);
    }
    expect((await getProgramOverview(u.donorInl, inlProgram, { today: TODAY })).program.key).toBe("dash-inl");
    expect((await getAwardOverview(u.donorWra, wraAward.id, { today: TODAY })).award.reference).toBe(wraAward.reference);
  });

  it("gives focal points, partners and reviewers nothing", async () => {
    for (const who of ["gt", "jm", "partner", "reviewer"] as const) {
      expect(await listProgramGlances(u[who]), who).toEqual([]);
      expect(await rejectionOf(getProgramOverview(u[who], inlProgram)), who).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getProgramOverview(u[who], inlProgram, { country: "GT" })), who).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getAwardOverview(u[who], a1.id)), who).toBeInstanceOf(NotFoundError);
    }
  });

  it("shows officers, approvers and admins every program", async () => {
    for (const who of ["officer", "approver", "admin"] as const) {
      const keys = (await listProgramGlances(u[who])).map((g) => g.program.key);
      expect(keys, who).toEqual(expect.arrayContaining(["dash-inl", "dash-wra", "merida-ca", "cbsi", "oas-marking", "unlirec-caribbean-stockpile"]));
      expect((await getProgramOverview(u[who], wraProgram)).program.id, who).toBe(wraProgram);
      expect((await getAwardOverview(u[who], a1.id)).award.id, who).toBe(a1.id);
    }
  });

  it("answers not found for malformed and unknown ids, and for awards not reported to donors", async () => {
    for (const id of ["", "nope", "00000000-0000-0000-0000-000000000000"]) {
      expect(await rejectionOf(getProgramOverview(u.officer, id))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getAwardOverview(u.officer, id))).toBeInstanceOf(NotFoundError);
    }
    for (const award of [pending, cancelled]) {
      expect(await rejectionOf(getAwardOverview(u.officer, award.id))).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(getAwardOverview(u.donorInl, award.id))).toBeInstanceOf(NotFoundError);
    }
  });
});

describe("program figures", () => {
  it("counts only active and completed awards and accepted actuals; remaining is what the program has left", async () => {
    const o = await getProgramOverview(u.donorInl, inlProgram, { today: TODAY });
    expect(o.program).toMatchObject({ key: "dash-inl", ceilingMinor: CEILING, currency: "USD", donors: [{ id: u.donorInl.organizationId }] });
    expect(o.awards.map((a) => a.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(o.countries.map((c) => [c.iso2, c.awards, c.committedMinor])).toEqual([
      ["GT", 1, 10_000_000],
      ["HN", 1, 10_000_000],
    ]);

    const money = await moneyOfAwards(db.db, [a1.id, a2.id]);
    const sum = (k: "committedMinor" | "disbursedMinor" | "reportedExpenditureMinor") => [...money.values()].reduce((s, m) => s + m[k], 0);
    expect(o.money).toEqual({
      committedMinor: sum("committedMinor"),
      disbursedMinor: sum("disbursedMinor"),
      reportedExpenditureMinor: sum("reportedExpenditureMinor"),
      ceilingMinor: CEILING,
      // The pending award still holds its share of the ceiling; the cancelled one does not.
      remainingMinor: CEILING - 30_000_000,
    });
    expect(o.money).toMatchObject({ committedMinor: 20_000_000, disbursedMinor: 6_000_000, reportedExpenditureMinor: 4_000_000 });
    const a1Row = o.awards.find((a) => a.id === a1.id)!;
    expect(a1Row).toMatchObject({ committedMinor: 10_000_000, disbursedMinor: 6_000_000, reportedExpenditureMinor: 1_500_000, status: "active" });

    expect(o.indicators.map((i) => [i.key, i.baseline, i.target, i.actual, i.awards])).toEqual([
      ["firearms_marked", "10.00", "1500.00", "250.00", 2],
      ["officers_trained", "0.00", "50.00", "10.50", 1],
    ]);

    // a1: late, accepted, submitted-but-not-due; a2: its default deliverable due 2026-06-30.
    expect(o.deliverables).toEqual({ total: 4, accepted: 1, onTime: 3, late: 1 });
    expect(a1Row.deliverables).toEqual({ total: 3, accepted: 1, onTime: 2, late: 1 });
    expect(o.asOf).toBe(TODAY);
    const later = await getProgramOverview(u.donorInl, inlProgram, { today: "2026-07-01" });
    expect(later.deliverables).toEqual({ total: 4, accepted: 1, onTime: 2, late: 2 });

    // Reports by period: a1 period 1 and a2 period 1 accepted (the pending award's accepted report does not
    // count); a1 period 2 (due April 1, submitted, not accepted) is overdue. Period 3 (draft) falls due on
    // July 1: not overdue on the day, overdue the day after; period 4 (returned) only from October 2.
    expect(o.reportCounts).toEqual({ accepted: 2, overdue: 1 });
    expect(a1Row.reportCounts).toEqual({ accepted: 1, overdue: 1 });
    expect(o.awards.find((a) => a.id === a2.id)!.reportCounts).toEqual({ accepted: 1, overdue: 0 });
    expect(o.countries.map((c) => [c.iso2, c.reportCounts])).toEqual([
      ["GT", { accepted: 1, overdue: 1 }],
      ["HN", { accepted: 1, overdue: 0 }],
    ]);
    expect(later.reportCounts).toEqual({ accepted: 2, overdue: 1 });
    expect((await getProgramOverview(u.donorInl, inlProgram, { today: "2026-07-02" })).reportCounts).toEqual({ accepted: 2, overdue: 2 });
    expect((await getProgramOverview(u.donorInl, inlProgram, { today: "2026-10-02" })).reportCounts).toEqual({ accepted: 2, overdue: 3 });
    expect((await getAwardOverview(u.donorInl, a1.id, { today: "2026-10-02" })).award.reportCounts).toEqual({ accepted: 1, overdue: 3 });

    expect(o.latestReports.map((r) => [r.awardReference, r.periodNumber, r.acceptedAt])).toEqual([
      [a2.reference, 1, "2026-05-01T09:00:00.000Z"],
      [a1.reference, 1, "2026-04-10T12:00:00.000Z"],
    ]);
    expect(o.latestReports[1]).toMatchObject({ countryIso2: "GT", narrativeEn: "A1 accepted period one", isFinal: false });
    expect(leaks(o)).toEqual([]);
  });

  it("puts each visible program on the home at a glance, with its dashboard's figures and nothing of other donors", async () => {
    const inl = await listProgramGlances(u.donorInl, { today: TODAY });
    const wra = await listProgramGlances(u.donorWra, { today: TODAY });
    // By English name, as the dashboards list shows them.
    const names = inl.map((g) => g.program.nameEn);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(inl.map((g) => g.program.id)).not.toContain(wraProgram);
    expect(wra.map((g) => g.program.id)).not.toContain(inlProgram);

    const g = inl.find((x) => x.program.id === inlProgram)!;
    // Running and finished awards only; remaining also holds back the pending award, as on the dashboard.
    expect(g.money).toEqual({ committedMinor: 20_000_000, disbursedMinor: 6_000_000, reportedExpenditureMinor: 4_000_000, ceilingMinor: CEILING, remainingMinor: CEILING - 30_000_000 });
    expect(g.deliverables).toEqual({ total: 4, accepted: 1, onTime: 3, late: 1 });
    expect([g.awards, g.countries]).toEqual([2, 2]);
    expect(g.indicators.map((i) => [i.key, i.target, i.actual])).toEqual([
      ["firearms_marked", "1500.00", "250.00"],
      ["officers_trained", "50.00", "10.50"],
    ]);
    expect(g.latestReport).toMatchObject({ awardReference: a2.reference, periodNumber: 1 });
    expect(g.reportCounts).toEqual({ accepted: 2, overdue: 1 });
    expect(leaks(inl)).toEqual([]);

    expect((await listProgramGlances(u.officer)).map((x) => x.program.id)).toEqual(expect.arrayContaining([inlProgram, wraProgram]));
  });

  it("keeps at most the 10 newest accepted reports", async () => {
    const many = await insertAward(db, u.officer.id, { program: "dash-wra", country: "JM", deliverables: [] });
    for (let n = 1; n <= 4; n += 1) {
      await report(many.id, n, { status: "accepted", narrative: `bulk ${n}`, reviewedAt: `2026-0${n + 2}-01T00:00:00Z`, actuals: [] });
    }
    const other = await insertAward(db, u.officer.id, { program: "dash-wra", country: "JM", deliverables: [] });
    for (let n = 1; n <= 4; n += 1) {
      await report(other.id, n, { status: "accepted", narrative: `other ${n}`, reviewedAt: `2026-0${n + 2}-02T00:00:00Z`, actuals: [] });
    }
    const third = await insertAward(db, u.officer.id, { program: "dash-wra", country: "JM", deliverables: [] });
    for (let n = 1; n <= 4; n += 1) {
      await report(third.id, n, { status: "accepted", narrative: `third ${n}`, reviewedAt: `2026-0${n + 2}-03T00:00:00Z`, actuals: [] });
    }
    const o = await getProgramOverview(u.donorWra, wraProgram);
    expect(o.latestReports).toHaveLength(10);
    const stamps = o.latestReports.map((r) => r.acceptedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
    expect(stamps[0]).toBe("2026-06-03T00:00:00.000Z");
    expect(o.latestReports.map((r) => r.narrativeEn)).not.toContain("bulk 1");
  });
});

describe("country drill-down", () => {
  it("restricts every section to the country and keeps the program's ceiling and remaining", async () => {
    const whole = await getProgramOverview(u.officer, inlProgram, { today: TODAY });
    for (const code of ["GT", "gt"]) {
      const gt = await getProgramOverview(u.donorInl, inlProgram, { today: TODAY, country: code });
      expect(gt.country).toMatchObject({ iso2: "GT", nameEn: "Guatemala" });
      expect(gt.awards.map((a) => a.id)).toEqual([a1.id]);
      expect(gt.countries.map((c) => c.iso2)).toEqual(["GT"]);
      expect(gt.money).toEqual({ committedMinor: 10_000_000, disbursedMinor: 6_000_000, reportedExpenditureMinor: 1_500_000, ceilingMinor: CEILING, remainingMinor: whole.money.remainingMinor });
      expect(gt.indicators.map((i) => [i.key, i.target, i.actual])).toEqual([
        ["firearms_marked", "1000.00", "200.00"],
        ["officers_trained", "50.00", "10.50"],
      ]);
      expect(gt.deliverables).toEqual({ total: 3, accepted: 1, onTime: 2, late: 1 });
      expect(gt.latestReports.map((r) => r.awardId)).toEqual([a1.id]);
      expect(leaks(gt)).toEqual([]);
    }
    const hn = await getProgramOverview(u.donorInl, inlProgram, { today: TODAY, country: "HN" });
    expect(hn.awards.map((a) => a.id)).toEqual([a2.id]);
    expect(hn.indicators.map((i) => [i.key, i.actual])).toEqual([["firearms_marked", "50.00"]]);
  });

  it("shows an eligible country without awards as empty and refuses other codes", async () => {
    const jm = await getProgramOverview(u.donorInl, inlProgram, { today: TODAY, country: "JM" });
    expect(jm.country).toMatchObject({ iso2: "JM", nameEn: "Jamaica" });
    expect([jm.awards, jm.countries, jm.indicators, jm.latestReports]).toEqual([[], [], [], []]);
    expect(jm.money).toMatchObject({ committedMinor: 0, disbursedMinor: 0, reportedExpenditureMinor: 0 });
    // PA holds only a cancelled award and is not eligible; MX is neither; the rest are malformed.
    for (const code of ["PA", "MX", "ZZ", "GTM", "", "G1", "' OR 1=1"]) {
      expect(await rejectionOf(getProgramOverview(u.officer, inlProgram, { country: code })), code).toBeInstanceOf(NotFoundError);
    }
  });
});

describe("award drill-down", () => {
  it("shows accepted figures only, lateness, the latest check and tranches with their disbursement", async () => {
    const o = await getAwardOverview(u.donorInl, a1.id, { today: TODAY });
    expect(o.program.id).toBe(inlProgram);
    expect(o.award).toMatchObject({ reference: a1.reference, countryIso2: "GT", status: "active", partner: { nameEn: expect.any(String) } });
    expect(o.money).toEqual({ committedMinor: 10_000_000, disbursedMinor: 6_000_000, reportedExpenditureMinor: 1_500_000 });
    expect(o.indicators.map((i) => [i.key, i.baseline, i.target, i.actual])).toEqual([
      ["firearms_marked", "10.00", "1000.00", "200.00"],
      ["officers_trained", "0.00", "50.00", "10.50"],
    ]);
    expect(o.deliverables.map((d) => [d.title, d.status, d.isLate])).toEqual([
      ["Accepted survey", "accepted", false],
      ["Late machines", "pending", true],
      ["Future training", "submitted", false],
    ]);
    expect(o.equipment).toEqual([
      {
        kind: "Dot-peen marking machine",
        model: "TM-5000",
        quantity: 2,
        handoverOn: "2026-03-15",
        custodianAgency: "DIGECAM",
        condition: "good",
        lastCheck: { checkedOn: "2026-05-20", result: "in_use_as_intended" },
      },
      { kind: "Vault door", model: null, quantity: 1, handoverOn: null, custodianAgency: "PNC", condition: "new", lastCheck: null },
    ]);
    expect(o.tranches).toEqual([
      { trancheNumber: 1, plannedAmountMinor: 6_000_000, plannedOn: "2026-02-01", disbursedMinor: 6_000_000, disbursedOn: "2026-02-03" },
      { trancheNumber: 2, plannedAmountMinor: 4_000_000, plannedOn: "2026-09-01", disbursedMinor: null, disbursedOn: null },
    ]);
    expect(o.reports.map((r) => [r.periodNumber, r.narrativeEn])).toEqual([[1, "A1 accepted period one"]]);
    expect(leaks(o)).toEqual([]);
  });

  it("refuses an award reached through another program", async () => {
    expect((await getAwardOverview(u.officer, wraAward.id, { programId: wraProgram })).award.id).toBe(wraAward.id);
    expect(await rejectionOf(getAwardOverview(u.officer, wraAward.id, { programId: inlProgram }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(getAwardOverview(u.donorInl, a1.id, { programId: "not-a-uuid" }))).toBeInstanceOf(NotFoundError);
  });
});
