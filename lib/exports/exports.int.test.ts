// CSV exports of a program: who may download them, and what a donor finds in them (and never finds).
// The content is asserted on a program of this file's own (funded by INL), so the demo data's figures,
// which others extend, never matter; the permission matrix also covers the seeded programs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import {
  awardIndicators,
  awards,
  countries,
  disbursements,
  indicators,
  organizations,
  programDonors,
  programs,
  progressReports,
  reportActuals,
  reportingPeriods,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { parseCsv } from "@/test/csv-reader";
import { insertAward, loadUsers, rejectionOf, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { CSV_BOM } from "./csv";
import { EXPORT_FILES, exportProgramCsv } from "./queries";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let programId: string;
const seeded: Record<string, string> = {};
let a1: TestAward; // GT, active, hostile title and partner name
let a2: TestAward; // PA, completed, no English title
let pending: TestAward;
let cancelled: TestAward;
let oasName: string;
let panamaEn: string;

const EVIL_TITLE = '=HYPERLINK("http://evil")';
const SPANISH_TITLE = "Capacitación en marcaje — Petén, año 2026";
const PARTNER_EN = 'Acme, "Global"\nServices';
const PARTNER_ES = '-Acme, "Global"\r\nServicios';
const TODAY = "2026-05-01";

async function addPeriod(awardId: string, number: number, startsOn: string, endsOn: string) {
  const [row] = await db.db
    .insert(reportingPeriods)
    .values({ awardId, number, startsOn, endsOn, dueOn: endsOn, isFinal: "no" })
    .returning({ id: reportingPeriods.id });
  return row.id;
}

async function addReport(
  awardId: string,
  periodId: string,
  status: "draft" | "submitted" | "accepted" | "returned",
  actual: { awardIndicatorId: string; value: string; breakdown?: { dimension: string; label: string; value: number }[] },
  extra: { reviewedAt?: Date; expenditureToDateMinor?: number } = {},
) {
  const [report] = await db.db
    .insert(progressReports)
    .values({ awardId, periodId, status, createdById: u.partner.id, reviewedAt: extra.reviewedAt ?? null, expenditureToDateMinor: extra.expenditureToDateMinor ?? null })
    .returning({ id: progressReports.id });
  await db.db.insert(reportActuals).values({ reportId: report.id, awardIndicatorId: actual.awardIndicatorId, value: actual.value, breakdown: actual.breakdown ?? [] });
}

async function track(awardId: string, key: string) {
  const [indicator] = await db.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, key));
  const [row] = await db.db.insert(awardIndicators).values({ awardId, indicatorId: indicator.id, target: "100" }).returning({ id: awardIndicators.id });
  return row.id;
}

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  for (const p of await db.db.select({ id: programs.id, key: programs.key }).from(programs)) seeded[p.key] = p.id;

  const [inl] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, "state-inl"));
  const [program] = await db.db
    .insert(programs)
    .values({ key: "exp-test", nameEn: "Export test", nameEs: "Prueba de exportación", currency: "USD", ceilingMinor: 1_000_000_000, approvalThresholdMinor: 500_000_000, startsOn: "2025-01-01", endsOn: "2028-12-31" })
    .returning({ id: programs.id });
  programId = program.id;
  await db.db.insert(programDonors).values({ programId, organizationId: inl.id });
  await db.db.insert(organizations).values({ key: "exp-acme", type: "implementing_partner", nameEn: PARTNER_EN, nameEs: PARTNER_ES });
  [{ name: oasName }] = await db.db.select({ name: organizations.nameEn }).from(organizations).where(eq(organizations.key, "oas"));
  [{ name: panamaEn }] = await db.db.select({ name: countries.nameEn }).from(countries).where(eq(countries.iso2, "PA"));

  a1 = await insertAward(db, u.officer.id, { program: "exp-test", partner: "exp-acme", country: "GT" });
  a2 = await insertAward(db, u.officer.id, { program: "exp-test", country: "PA", status: "completed" });
  pending = await insertAward(db, u.officer.id, { program: "exp-test", country: "GT", status: "pending_approval" });
  cancelled = await insertAward(db, u.officer.id, { program: "exp-test", country: "HN", status: "cancelled" });
  await db.db.update(awards).set({ titleEn: EVIL_TITLE, titleEs: SPANISH_TITLE }).where(eq(awards.id, a1.id));
  await db.db.update(awards).set({ titleEn: null }).where(eq(awards.id, a2.id));

  await db.db.insert(disbursements).values([
    { trancheId: a1.tranches[0], amountMinor: 6_000_000, disbursedOn: "2026-02-10", recordedById: u.officer.id },
    { trancheId: a2.tranches[0], amountMinor: 1_234_567, disbursedOn: "2026-03-05", recordedById: u.officer.id },
    { trancheId: pending.tranches[0], amountMinor: 111_111, disbursedOn: "2026-02-11", recordedById: u.officer.id },
    { trancheId: cancelled.tranches[0], amountMinor: 222_222, disbursedOn: "2026-02-12", recordedById: u.officer.id },
  ]);

  const marked = await track(a1.id, "firearms_marked");
  const periods = [
    await addPeriod(a1.id, 1, "2026-01-01", "2026-03-31"),
    await addPeriod(a1.id, 2, "2026-04-01", "2026-06-30"),
    await addPeriod(a1.id, 3, "2026-07-01", "2026-09-30"),
    await addPeriod(a1.id, 4, "2026-10-01", "2026-12-31"),
  ];
  await addReport(
    a1.id,
    periods[0],
    "accepted",
    {
      awardIndicatorId: marked,
      value: "15.50",
      breakdown: [
        { dimension: "agency", label: "@DIGECAM", value: 10 },
        { dimension: "other", label: 'PNC, "Sección" =1', value: 5.5 },
      ],
    },
    { reviewedAt: new Date("2026-04-20T23:30:00Z"), expenditureToDateMinor: 2_500_000 },
  );
  await addReport(a1.id, periods[1], "submitted", { awardIndicatorId: marked, value: "99" }, { expenditureToDateMinor: 9_000_000 });
  await addReport(a1.id, periods[2], "returned", { awardIndicatorId: marked, value: "77" }, { reviewedAt: new Date("2026-10-05T10:00:00Z") });
  await addReport(a1.id, periods[3], "draft", { awardIndicatorId: marked, value: "55" });

  const machines = await track(a2.id, "marking_machines_delivered");
  await addReport(a2.id, await addPeriod(a2.id, 1, "2026-01-01", "2026-03-31"), "accepted", { awardIndicatorId: machines, value: "3" }, { reviewedAt: new Date("2026-07-01T08:00:00Z") });

  // Accepted figures of awards that are not reported (awaiting approval, cancelled) stay internal.
  const pendingMarked = await track(pending.id, "firearms_marked");
  await addReport(pending.id, await addPeriod(pending.id, 1, "2026-01-01", "2026-03-31"), "accepted", { awardIndicatorId: pendingMarked, value: "1000" }, { reviewedAt: new Date("2026-04-02T08:00:00Z") });
  const cancelledMarked = await track(cancelled.id, "firearms_marked");
  await addReport(cancelled.id, await addPeriod(cancelled.id, 1, "2026-01-01", "2026-03-31"), "accepted", { awardIndicatorId: cancelledMarked, value: "2000" }, { reviewedAt: new Date("2026-04-02T08:00:00Z") });
});
afterAll(async () => {
  await db?.drop();
});

const exportOf = async (user: CurrentUser, file: (typeof EXPORT_FILES)[number], locale: "en" | "es" = "en", id = programId) =>
  exportProgramCsv(user, id, file, locale, { today: TODAY });

describe("who may export a program", () => {
  it("refuses another donor's programs, on every file, as not found", async () => {
    for (const file of EXPORT_FILES) {
      for (const key of ["merida-ca", "cbsi"]) expect(await rejectionOf(exportOf(u.donorWra, file, "en", seeded[key])), `wra ${key} ${file}`).toBeInstanceOf(NotFoundError);
      for (const key of ["oas-marking", "unlirec-caribbean-stockpile"]) expect(await rejectionOf(exportOf(u.donorInl, file, "en", seeded[key])), `inl ${key} ${file}`).toBeInstanceOf(NotFoundError);
      expect(await rejectionOf(exportOf(u.donorWra, file)), `wra exp-test ${file}`).toBeInstanceOf(NotFoundError);
      // Each donor does get its own programs' files.
      expect((await exportOf(u.donorInl, file, "en", seeded["merida-ca"])).filename).toBe(`merida-ca-${file}-${TODAY}.csv`);
      expect((await exportOf(u.donorWra, file, "en", seeded["oas-marking"])).filename).toBe(`oas-marking-${file}-${TODAY}.csv`);
    }
  });

  it("refuses focal points, partners and reviewers, and unknown or malformed ids", async () => {
    for (const file of EXPORT_FILES) {
      for (const who of ["gt", "jm", "partner", "reviewer"] as const) {
        for (const id of [programId, seeded["merida-ca"], seeded["oas-marking"]]) expect(await rejectionOf(exportOf(u[who], file, "en", id)), `${who} ${file}`).toBeInstanceOf(NotFoundError);
      }
      for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", ""]) expect(await rejectionOf(exportOf(u.officer, file, "en", id)), id).toBeInstanceOf(NotFoundError);
    }
  });

  it("gives the program office, approvers, admins and the funding donor the same file", async () => {
    for (const file of EXPORT_FILES) {
      const donor = await exportOf(u.donorInl, file);
      expect(donor.filename).toBe(`exp-test-${file}-${TODAY}.csv`);
      for (const who of ["officer", "approver", "admin"] as const) expect(await exportOf(u[who], file), `${who} ${file}`).toEqual(donor);
    }
  });
});

describe("the awards file", () => {
  it("lists active and completed awards with money, neutralising hostile text", async () => {
    const { body } = await exportOf(u.donorInl, "awards");
    expect(body.indexOf(CSV_BOM)).toBe(0);
    expect(body.lastIndexOf(CSV_BOM)).toBe(0);
    expect(body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(parseCsv(body)).toEqual([
      ["Reference", "Title", "Country code", "Country", "Implementing partner", "Status", "Currency", "Amount", "Start date", "End date", "Committed", "Disbursed", "Reported expenditure"],
      [a1.reference, `'${EVIL_TITLE}`, "GT", "Guatemala", PARTNER_EN, "Active", "USD", "100000.00", "2026-01-01", "2027-12-31", "100000.00", "60000.00", "25000.00"],
      [a2.reference, `Subvención de prueba ${a2.reference}`, "PA", panamaEn, oasName, "Completed", "USD", "100000.00", "2026-01-01", "2027-12-31", "100000.00", "12345.67", "0.00"],
    ]);
  });

  it("speaks Spanish to a Spanish reader: headers, titles with accents, names and statuses", async () => {
    const rows = parseCsv((await exportOf(u.donorInl, "awards", "es")).body);
    expect(rows[0].slice(0, 6)).toEqual(["Referencia", "Título", "Código de país", "País", "Socio implementador", "Estado"]);
    expect(rows[1].slice(0, 6)).toEqual([a1.reference, SPANISH_TITLE, "GT", "Guatemala", `'${PARTNER_ES}`, "Activa"]);
    expect(rows[2][5]).toBe("Finalizada");
  });

  it("never shows awards awaiting approval or cancelled, even to the program office", async () => {
    for (const who of ["donorInl", "officer"] as const) {
      for (const file of EXPORT_FILES) {
        const { body } = await exportOf(u[who], file);
        expect(body, `${who} ${file}`).not.toContain(pending.reference);
        expect(body, `${who} ${file}`).not.toContain(cancelled.reference);
      }
    }
  });
});

describe("the disbursements file", () => {
  it("has one row per recorded disbursement of a reported award, tranches without one left out", async () => {
    expect(parseCsv((await exportOf(u.donorInl, "disbursements")).body)).toEqual([
      ["Award reference", "Country code", "Tranche", "Planned amount (USD)", "Planned date", "Disbursed amount (USD)", "Disbursement date"],
      [a1.reference, "GT", "1", "60000.00", "2026-02-01", "60000.00", "2026-02-10"],
      [a2.reference, "PA", "1", "60000.00", "2026-02-01", "12345.67", "2026-03-05"],
    ]);
  });
});

describe("the indicator actuals file", () => {
  it("holds actuals of accepted reports only, with a readable breakdown", async () => {
    const { body } = await exportOf(u.donorInl, "indicator-actuals");
    expect(parseCsv(body)).toEqual([
      ["Award reference", "Country code", "Indicator key", "Indicator", "Unit", "Period", "Period start", "Period end", "Value", "Breakdown", "Report accepted on"],
      [a1.reference, "GT", "firearms_marked", "Firearms marked", "count", "1", "2026-01-01", "2026-03-31", "15.50", 'Agency: @DIGECAM = 10; Other: PNC, "Sección" =1 = 5.5', "2026-04-20"],
      [a2.reference, "PA", "marking_machines_delivered", "Marking machines delivered", "count", "1", "2026-01-01", "2026-03-31", "3.00", "", "2026-07-01"],
    ]);
    for (const unaccepted of ["99.00", "77.00", "55.00", "1000.00", "2000.00"]) expect(body).not.toContain(unaccepted);
  });

  it("translates indicator names and breakdown dimensions", async () => {
    const rows = parseCsv((await exportOf(u.officer, "indicator-actuals", "es")).body);
    expect(rows[0][9]).toBe("Desglose");
    expect(rows[1][3]).toBe("Armas de fuego marcadas");
    expect(rows[1][9]).toBe('Institución: @DIGECAM = 10; Otro: PNC, "Sección" =1 = 5.5');
  });
});
