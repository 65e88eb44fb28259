// The IATI export against a real database: the demo programs and hand-made edge cases validate against
// the official schema, only donor-safe data gets in, and only those who may open the program's
// dashboard get the file. The download route has its own test beside it (app/dashboards/[programId]/iati.xml).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import {
  awardIndicators,
  awards,
  disbursements,
  indicators,
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
import { DEMO_REPORTING_ORG_REF } from "./config";
import { exportProgramIati } from "./queries";
import { xpath } from "@/test/iati-xpath";
import { validateIatiXml } from "./validate";

const DEMO_PROGRAMS = ["merida-ca", "cbsi", "oas-marking", "unlirec-caribbean-stockpile"] as const;
const INL_PROGRAMS = ["merida-ca", "cbsi"] as const;
const WRA_PROGRAMS = ["oas-marking", "unlirec-caribbean-stockpile"] as const;

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
const programId: Record<string, string> = {};
const fx = {} as Record<"plain" | "spanish" | "threeYears" | "reported" | "hostile" | "pending" | "cancelled", TestAward>;
const HOSTILE_TITLE = `Marking & tracing <kits> "A" 'B'\u0001\u0008\u001B done`;

function expectValid(xml: string) {
  const result = validateIatiXml(xml);
  expect(result.output).toMatch(/validates/);
  expect(result.valid, result.output).toBe(true);
}

/** The activity of this award in the file, as an XPath prefix. */
const activityOf = (a: TestAward) => `//iati-activity[iati-identifier='${DEMO_REPORTING_ORG_REF}-${a.reference}']`;

function sumOf(xml: string, path: string): number {
  const count = Number(xpath(xml, `count(${path})`));
  let total = 0;
  for (let i = 1; i <= count; i += 1) total += Number(xpath(xml, `string((${path})[${i}])`).replace(".", ""));
  return total;
}

async function periodsFor(awardId: string, count: number) {
  const rows = await db.db
    .insert(reportingPeriods)
    .values(
      Array.from({ length: count }, (_, i) => ({
        awardId,
        number: i + 1,
        startsOn: ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"][i],
        endsOn: ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"][i],
        dueOn: ["2026-04-30", "2026-07-30", "2026-10-30", "2027-01-30"][i],
      })),
    )
    .returning({ id: reportingPeriods.id, number: reportingPeriods.number });
  return rows.sort((a, b) => a.number - b.number).map((r) => r.id);
}

beforeAll(async () => {
  delete process.env.IATI_REPORTING_ORG_REF;
  db = await createTestDb();
  u = await loadUsers(db);
  for (const p of await db.db.select({ id: programs.id, key: programs.key }).from(programs)) programId[p.key] = p.id;

  fx.plain = await insertAward(db, u.officer.id);
  fx.spanish = await insertAward(db, u.officer.id, { country: "HN" });
  await db.db.update(awards).set({ titleEn: null, titleEs: "Destrucción de arsenales en Honduras" }).where(eq(awards.id, fx.spanish.id));
  fx.threeYears = await insertAward(db, u.officer.id, { startsOn: "2025-07-01", endsOn: "2028-06-30" });
  fx.hostile = await insertAward(db, u.officer.id);
  await db.db.update(awards).set({ titleEn: HOSTILE_TITLE }).where(eq(awards.id, fx.hostile.id));
  fx.pending = await insertAward(db, u.officer.id, { status: "pending_approval" });
  fx.cancelled = await insertAward(db, u.officer.id, { status: "cancelled" });

  // An award with two accepted reports, one submitted and one returned (their figures must stay out).
  fx.reported = await insertAward(db, u.officer.id);
  await db.db.insert(disbursements).values({ trancheId: fx.reported.tranches[0], amountMinor: 6_000_000, disbursedOn: "2026-02-01", recordedById: u.officer.id });
  const [marked] = await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, "firearms_marked"));
  const [tracked] = await db.db.insert(awardIndicators).values({ awardId: fx.reported.id, indicatorId: marked.id, baseline: "10", target: "5000" }).returning({ id: awardIndicators.id });
  const periods = await periodsFor(fx.reported.id, 4);
  const reports = await db.db
    .insert(progressReports)
    .values([
      { awardId: fx.reported.id, periodId: periods[0], status: "accepted" as const, expenditureToDateMinor: 1_500_000, createdById: u.partner.id },
      { awardId: fx.reported.id, periodId: periods[1], status: "accepted" as const, expenditureToDateMinor: 4_000_000, createdById: u.partner.id },
      { awardId: fx.reported.id, periodId: periods[2], status: "submitted" as const, expenditureToDateMinor: 7_777_700, createdById: u.partner.id },
      { awardId: fx.reported.id, periodId: periods[3], status: "returned" as const, expenditureToDateMinor: 8_888_800, createdById: u.partner.id },
    ])
    .returning({ id: progressReports.id, periodId: progressReports.periodId });
  const reportOf = (period: string) => reports.find((r) => r.periodId === period)!.id;
  await db.db.insert(reportActuals).values([
    { reportId: reportOf(periods[0]), awardIndicatorId: tracked.id, value: "120" },
    { reportId: reportOf(periods[1]), awardIndicatorId: tracked.id, value: "300.5" },
    { reportId: reportOf(periods[2]), awardIndicatorId: tracked.id, value: "7777" },
    { reportId: reportOf(periods[3]), awardIndicatorId: tracked.id, value: "8888" },
  ]);
});
afterAll(async () => {
  await db?.drop();
});

describe("the demo data", () => {
  it.each(DEMO_PROGRAMS)("of %s exports as one valid activity per active or completed award", async (key) => {
    const { xml, filename } = await exportProgramIati(u.officer, programId[key], { now: new Date("2026-11-28T09:00:00Z") });
    expectValid(xml);
    expect(filename).toBe(`${key}-iati-activities-2026-11-28.xml`);
    const reported = await db.db
      .select({ reference: awards.reference })
      .from(awards)
      .where(and(eq(awards.programId, programId[key]), inArray(awards.status, ["active", "completed"])));
    expect(reported.length).toBeGreaterThan(0);
    expect(Number(xpath(xml, "count(//iati-activity)"))).toBe(reported.length);
    for (const a of reported) expect(xpath(xml, `count(//iati-identifier[.='${DEMO_REPORTING_ORG_REF}-${a.reference}'])`), a.reference).toBe("1");
    expect(xpath(xml, "string(/iati-activities/@generated-datetime)")).toBe("2026-11-28T09:00:00Z");
  });
});

describe("edge cases from the database", () => {
  let xml: string;
  beforeAll(async () => {
    xml = (await exportProgramIati(u.officer, programId["merida-ca"])).xml;
  });

  it("validate together in one file", () => {
    expectValid(xml);
    for (const a of [fx.plain, fx.spanish, fx.threeYears, fx.hostile, fx.reported]) expect(xpath(xml, `count(${activityOf(a)})`), a.reference).toBe("1");
  });

  it("an award with no disbursements has only its commitment", () => {
    const a = activityOf(fx.plain);
    expect(xpath(xml, `count(${a}/transaction)`)).toBe("1");
    expect(xpath(xml, `string(${a}/transaction/transaction-type/@code)`)).toBe("2");
    expect(xpath(xml, `string(${a}/transaction/value)`)).toBe("100000.00");
    expect(xpath(xml, `string(${a}/transaction/transaction-date/@iso-date)`)).toBe("2026-01-01");
  });

  it("a Spanish-only award has Spanish-only title and description", () => {
    const a = activityOf(fx.spanish);
    expect(xpath(xml, `count(${a}/title/narrative)`)).toBe("1");
    expect(xpath(xml, `string(${a}/title/narrative[@xml:lang='es'])`)).toBe("Destrucción de arsenales en Honduras");
    expect(xpath(xml, `count(${a}/description/narrative)`)).toBe("1");
    expect(xpath(xml, `string(${a}/description/narrative/@xml:lang)`)).toBe("es");
    expect(xpath(xml, `string(${a}/recipient-country/@code)`)).toBe("HN");
  });

  it("a three-year award has three one-year budgets adding up to its amount", () => {
    const a = activityOf(fx.threeYears);
    expect(xpath(xml, `count(${a}/budget)`)).toBe("3");
    expect(xpath(xml, `string(${a}/budget[1]/period-end/@iso-date)`)).toBe("2026-06-30");
    expect(xpath(xml, `string(${a}/budget[3]/period-start/@iso-date)`)).toBe("2027-07-01");
    expect(sumOf(xml, `${a}/budget/value`)).toBe(10_000_000);
  });

  it("text with XML specials and control characters reads back intact, minus the control characters", () => {
    expect(xpath(xml, `string(${activityOf(fx.hostile)}/title/narrative[@xml:lang='en'])`)).toBe(`Marking & tracing <kits> "A" 'B' done`);
    expect(xml).not.toMatch(/[\u0001\u0008\u001B]/);
  });

  it("an award with reports shows accepted figures only, agreeing with the dashboards' money", async () => {
    const a = activityOf(fx.reported);
    const money = (await moneyOfAwards(db.db, [fx.reported.id])).get(fx.reported.id)!;
    expect(sumOf(xml, `${a}/transaction[transaction-type/@code='2']/value`)).toBe(money.committedMinor);
    expect(sumOf(xml, `${a}/transaction[transaction-type/@code='3']/value`)).toBe(money.disbursedMinor);
    expect(money.disbursedMinor).toBe(6_000_000);
    expect(sumOf(xml, `${a}/transaction[transaction-type/@code='4']/value`)).toBe(money.reportedExpenditureMinor);
    expect(money.reportedExpenditureMinor).toBe(4_000_000);
    expect(xpath(xml, `string(${a}/transaction[transaction-type/@code='4'][2]/transaction-date/@iso-date)`)).toBe("2026-06-30");
    expect(xpath(xml, `string(${a}/transaction[transaction-type/@code='4'][2]/value)`)).toBe("25000.00");

    expect(xpath(xml, `count(${a}/result)`)).toBe("1");
    const indicator = `${a}/result/indicator`;
    expect(xpath(xml, `string(${indicator}/title/narrative[@xml:lang='en'])`)).toBe("Firearms marked");
    expect(xpath(xml, `string(${indicator}/baseline/@value)`)).toBe("10");
    expect(xpath(xml, `count(${indicator}/period)`)).toBe("2");
    expect(xpath(xml, `string(${indicator}/period[2]/period-start/@iso-date)`)).toBe("2026-04-01");
    expect(xpath(xml, `string(${indicator}/period[2]/target/@value)`)).toBe("5000");
    expect(xpath(xml, `string(${indicator}/period[2]/actual/@value)`)).toBe("300.5");
    for (const leaked of ["7777", "8888", "77777.00", "88888.00"]) expect(xml).not.toContain(leaked);
  });

  it("awards pending approval or cancelled never appear", () => {
    expect(xml).not.toContain(fx.pending.reference);
    expect(xml).not.toContain(fx.cancelled.reference);
  });
});

describe("who may export", () => {
  it("each donor gets its own programs only; everyone but the program office and admins gets not found", async () => {
    for (const key of INL_PROGRAMS) {
      const { xml } = await exportProgramIati(u.donorInl, programId[key]);
      expectValid(xml);
      expect(await rejectionOf(exportProgramIati(u.donorWra, programId[key])), key).toBeInstanceOf(NotFoundError);
    }
    for (const key of WRA_PROGRAMS) {
      const { xml } = await exportProgramIati(u.donorWra, programId[key]);
      expectValid(xml);
      // Nothing of INL's programs slips into WRA's files.
      for (const a of Object.values(fx)) expect(xml, key).not.toContain(a.reference);
      expect(await rejectionOf(exportProgramIati(u.donorInl, programId[key])), key).toBeInstanceOf(NotFoundError);
    }
    for (const who of ["gt", "jm", "partner", "reviewer"] as const) {
      for (const key of DEMO_PROGRAMS) expect(await rejectionOf(exportProgramIati(u[who], programId[key])), `${who} ${key}`).toBeInstanceOf(NotFoundError);
    }
    for (const who of ["officer", "admin", "approver"] as const) {
      expect((await exportProgramIati(u[who], programId["oas-marking"])).xml, who).toContain("<iati-activity ");
    }
    for (const bad of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect(await rejectionOf(exportProgramIati(u.officer, bad))).toBeInstanceOf(NotFoundError);
    }
  });
});
