import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import {
  assistanceRequests,
  auditEvents,
  awardDeliverables,
  awardRequests,
  awards,
  awardTranches,
  organizations,
  outbox,
  programCategories,
  programCountries,
  programs,
  reportingPeriods,
  reviewAssignments,
  userRoles,
  users,
} from "@/db/schema";
import type { Role } from "@/lib/enums";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { listProgramFunds } from "@/lib/programs/queries";
import { createRequest } from "@/lib/requests/mutations";
import { createTestDb, type TestDb } from "@/test/db";
import { approveAward, createAward } from "./mutations";
import { getAward, getAwardFormContext, getAwardPanel, listAwardProgramOptions, listAwards, listPendingApprovals, mayListAwards, type AwardListRow } from "./queries";
import type { AwardListFilters } from "./schema";
import type { Paged, PageRequest } from "@/lib/paging";
import { fundingViolationOf } from "./workflow";
import { addDays, todayIso } from "@/lib/dates";
import { reportingPeriods as calendarOf } from "@/lib/reporting/calendar";

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.7", userAgent: "vitest", baseUrl: "http://portal.test" };
const ids = { oasMarking: "", meridaCa: "", cbsi: "", oas: "", unlirec: "", inl: "", digecam: "" };

const EMAILS = {
  gt: "focal.gt@example.org",
  jm: "focal.jm@example.org",
  partner: "partner.oas@example.org",
  officer: "officer@example.org",
  reviewer: "reviewer@example.org",
  approver: "approver@example.org",
  donorInl: "donor.inl@example.org",
  donorWra: "donor.wra@example.org",
  admin: "admin@example.org",
};
const NOT_OFFICERS = ["gt", "jm", "partner", "reviewer", "approver", "donorInl", "donorWra", "admin"] as const;
const NOT_APPROVERS = ["gt", "jm", "partner", "officer", "reviewer", "donorInl", "donorWra", "admin"] as const;

const inAYear = () => addDays(todayIso(), 365);

/** Every row of a paged list, page after page (asserting each page is the one asked for). */
async function allPages<Row>(list: (paging: PageRequest) => Promise<Paged<Row>>, pageSize = 10): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const one = await list({ page, pageSize });
    expect(one.page).toBe(page);
    rows.push(...one.rows);
    if (page >= one.pageCount) return rows;
  }
}
const allAwards = (user: CurrentUser, filters: AwardListFilters = {}): Promise<AwardListRow[]> => allPages((paging) => listAwards(user, filters, paging));
const allPendingApprovals = (user: CurrentUser) => allPages((paging) => listPendingApprovals(user, paging));

/** A submitted marking-equipment request from Guatemala, moved to "approved" as the decision step would. */
async function approvedRequest(title = "Equipos de marcaje para la PNC"): Promise<{ id: string; version: number }> {
  const { id } = await createRequest(
    u.gt,
    {
      primaryLocale: "es",
      category: "marking_equipment",
      titleEs: title,
      narrativeEs: "La Policía Nacional Civil necesita marcar las armas incautadas y las de dotación.",
      justificationEs: "Cumplir con la CIFTA y mejorar el rastreo de armas.",
      details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC, DIGECAM" },
      estimatedCost: "250000",
      urgency: "high",
      desiredStartOn: inAYear(),
      programIds: [ids.oasMarking],
      submit: true,
      creationKey: crypto.randomUUID(),
    },
    ctx,
  );
  await db.db.execute(sql`UPDATE assistance_requests SET status = 'approved' WHERE id = ${id}`);
  const [r] = await db.db.select({ version: assistanceRequests.version }).from(assistanceRequests).where(eq(assistanceRequests.id, id));
  return { id, version: r.version };
}

/** A valid award input for the request: USD 100,000 from the OAS marking program, in two tranches. */
function awardInput(request: { id: string; version: number }, overrides: Record<string, unknown> = {}) {
  return {
    requestId: request.id,
    programId: ids.oasMarking,
    implementingPartnerId: ids.oas,
    amount: "100000",
    startsOn: "2026-09-01",
    endsOn: "2027-08-31",
    tranches: [
      { amount: "60000", plannedOn: "2026-09-15" },
      { amount: "40000", plannedOn: "2027-03-01" },
    ],
    deliverables: [{ title: "Marking machines delivered and installed", dueOn: "2027-01-31" }],
    expectedVersion: request.version,
    ...overrides,
  };
}

async function tableCounts() {
  const [row] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM awards) AS awards,
               (SELECT count(*)::int FROM award_requests) AS "awardRequests",
               (SELECT count(*)::int FROM award_tranches) AS tranches,
               (SELECT count(*)::int FROM award_deliverables) AS deliverables,
               (SELECT count(*)::int FROM audit_events WHERE outcome = 'success') AS audit,
               (SELECT count(*)::int FROM outbox) AS outbox,
               (SELECT count(*)::int FROM assistance_requests WHERE status = 'awarded') AS awarded`,
  );
  return row;
}

async function requestRow(id: string) {
  const [r] = await db.db.select().from(assistanceRequests).where(eq(assistanceRequests.id, id));
  return r;
}

async function awardRow(id: string) {
  const [a] = await db.db.select().from(awards).where(eq(awards.id, id));
  return a;
}

/**
 * The award's reporting periods, each with whether the transaction that wrote it is the one that last
 * wrote the award row (its creation, or its activation by approveAward).
 */
async function calendarOfAward(awardId: string) {
  return execRows<{ number: number; startsOn: string; endsOn: string; dueOn: string; isFinal: boolean; withAward: boolean }>(
    db.db,
    sql`SELECT rp.number, rp.starts_on::text AS "startsOn", rp.ends_on::text AS "endsOn", rp.due_on::text AS "dueOn",
               rp.is_final = 'yes' AS "isFinal", rp.xmin::text = a.xmin::text AS "withAward"
          FROM reporting_periods rp JOIN awards a ON a.id = rp.award_id
         WHERE rp.award_id = ${awardId} ORDER BY rp.number`,
  );
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries(Object.entries((error as ValidationError).fieldErrors).map(([k, v]) => [k, v.key]));
}

/** A user created for the test (the seed has one of each role). */
async function extraUser(email: string, roles: Role[]): Promise<CurrentUser> {
  const [row] = await db.db.insert(users).values({ email, name: email.split("@")[0], locale: "es" }).returning({ id: users.id });
  await db.db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role })));
  return (await loadActiveUser(row.id))!;
}

/** A program only this test uses, so that its funds are known exactly. */
async function testProgram(key: string, ceilingMinor: number, options: { thresholdMinor?: number; capMinor?: number | null } = {}) {
  const [p] = await db.db
    .insert(programs)
    .values({
      key,
      nameEn: `Test program ${key}`,
      nameEs: `Programa de prueba ${key}`,
      currency: "USD",
      ceilingMinor,
      perAwardCapMinor: options.capMinor ?? null,
      approvalThresholdMinor: options.thresholdMinor ?? ceilingMinor,
      startsOn: "2020-01-01",
      endsOn: "2030-12-31",
    })
    .returning({ id: programs.id });
  await db.db.insert(programCountries).values({ programId: p.id, countryIso2: "GT" });
  await db.db.insert(programCategories).values({ programId: p.id, category: "marking_equipment" });
  return p.id;
}

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email] of Object.entries(EMAILS)) {
    const [user] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key] = (await loadActiveUser(user.id))!;
  }
  u.officer2 = await extraUser("officer2@example.org", ["program_officer"]);
  u.approver2 = await extraUser("approver2@example.org", ["approver"]);
  u.officerApprover = await extraUser("officer.approver@example.org", ["program_officer", "approver"]);
  const programId = async (key: string) => (await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, key)))[0].id;
  const orgId = async (key: string) => (await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, key)))[0].id;
  ids.oasMarking = await programId("oas-marking");
  ids.meridaCa = await programId("merida-ca");
  ids.cbsi = await programId("cbsi");
  ids.oas = await orgId("oas");
  ids.unlirec = await orgId("unlirec");
  ids.inl = await orgId("state-inl");
  ids.digecam = await orgId("gt-digecam");
});
afterAll(async () => {
  await db.drop();
});

describe("creating an award", () => {
  it("moves the request to awarded and writes the award, its tranches, deliverables, audit and mails in one go", async () => {
    const request = await approvedRequest();
    const before = await tableCounts();
    const result = await createAward(u.officer, awardInput(request), ctx);
    expect(result.status).toBe("active");
    expect(result.reference).toMatch(new RegExp(`^AW-${new Date().getUTCFullYear()}-\\d{4}$`));
    const award = await awardRow(result.id);
    expect(award).toMatchObject({
      programId: ids.oasMarking,
      implementingPartnerId: ids.oas,
      countryIso2: "GT",
      amountMinor: 10_000_000,
      currency: "USD",
      startsOn: "2026-09-01",
      endsOn: "2027-08-31",
      status: "active",
      createdById: u.officer.id,
      approvedById: null,
      titleEs: "Equipos de marcaje para la PNC",
    });
    const r = await requestRow(request.id);
    expect(r.status).toBe("awarded");
    expect(r.version).toBe(request.version + 1);
    const tranches = await db.db.select().from(awardTranches).where(eq(awardTranches.awardId, result.id));
    expect(tranches.map((t) => [t.position, t.plannedAmountMinor, t.plannedOn]).sort()).toEqual([
      [1, 6_000_000, "2026-09-15"],
      [2, 4_000_000, "2027-03-01"],
    ]);
    const deliverables = await db.db.select().from(awardDeliverables).where(eq(awardDeliverables.awardId, result.id));
    expect(deliverables).toMatchObject([{ title: "Marking machines delivered and installed", dueOn: "2027-01-31", status: "pending" }]);
    expect(await db.db.select().from(awardRequests).where(eq(awardRequests.awardId, result.id))).toHaveLength(1);
    // Its reporting calendar, written by the same transaction, so that no page has to create it.
    const calendar = await calendarOfAward(result.id);
    expect(calendar.map(({ withAward: _w, ...p }) => p)).toEqual(calendarOf({ startsOn: "2026-09-01", endsOn: "2027-08-31", frequencyMonths: 3 }));
    expect(calendar.every((p) => p.withAward)).toBe(true);
    const audit = await db.db
      .select()
      .from(auditEvents)
      .where(and(inArray(auditEvents.entityId, [result.id, request.id]), inArray(auditEvents.action, ["award.create", "request.award"])));
    expect(audit.every((a) => a.actorUserId === u.officer.id && a.ip === ctx.ip)).toBe(true);
    expect(audit.map((a) => a.action).sort()).toEqual(["award.create", "request.award"]);
    const mails = await db.db.select().from(outbox).where(sql`${outbox.payload}->>'url' = ${`http://portal.test/awards/${result.id}`}`);
    expect(mails.map((m) => [m.template, m.toEmail, m.locale]).sort()).toEqual([
      ["award-notice", EMAILS.gt, "es"],
      ["award-notice", EMAILS.partner, "es"],
    ]);
    expect(mails[0].payload).toMatchObject({ reference: result.reference, amountMinor: 10_000_000, currency: "USD", programName: { en: "OAS Firearms Marking Program" } });
    const after = await tableCounts();
    expect(after.awards - before.awards).toBe(1);
    expect(after.audit - before.audit).toBe(2);
    expect(after.outbox - before.outbox).toBe(2);
  });

  it("an award above the program's threshold waits for approval, mails the approvers, and its funds count as committed", async () => {
    const programId = await testProgram("pending-counts", 50_000_000, { thresholdMinor: 20_000_000 });
    const request = await approvedRequest();
    const result = await createAward(u.officer, awardInput(request, { programId, amount: "300000", tranches: [{ amount: "300000", plannedOn: "2026-10-01" }] }), ctx);
    expect(result.status).toBe("pending_approval");
    expect((await requestRow(request.id)).status).toBe("awarded");
    // Its page shows the calendar while it waits (and tranche conditions may name its periods).
    expect((await calendarOfAward(result.id)).map((p) => p.number)).toEqual([1, 2, 3, 4]);
    const mails = await db.db.select().from(outbox).where(sql`${outbox.payload}->>'url' = ${`http://portal.test/awards/${result.id}`}`);
    expect(mails.every((m) => m.template === "award-approval-needed")).toBe(true);
    expect(mails.map((m) => m.toEmail).sort()).toEqual([EMAILS.approver, "approver2@example.org", "officer.approver@example.org"].sort());
    const funds = (await listProgramFunds(u.officer)).find((p) => p.id === programId)!;
    expect(funds).toMatchObject({ ceilingMinor: 50_000_000, committedMinor: 30_000_000, pendingMinor: 30_000_000, remainingMinor: 20_000_000 });
    // The pending award's funds are taken: a second award for more than what is left is refused.
    const second = await approvedRequest();
    const error = await createAward(u.officer, awardInput(second, { programId, amount: "200000.01", tranches: [{ amount: "200000.01", plannedOn: "2026-10-01" }] }), ctx).catch((e) => e);
    expect(fieldErrorsOf(error).amount).toBe("awards.errors.exceedsRemaining");
    expect((await requestRow(second.id)).status).toBe("approved");
  });

  it("the form context offers the programs funding the request's country and category, with their funds", async () => {
    const request = await approvedRequest();
    const context = await getAwardFormContext(u.officer, request.id);
    expect(context.isApproved).toBe(true);
    const offered = context.programs.map((p) => p.id);
    expect(offered).toContain(ids.oasMarking);
    expect(offered).not.toContain(ids.cbsi);
    expect(offered).not.toContain(ids.meridaCa);
    expect(context.programs[0].id).toBe(ids.oasMarking); // proposed by the state, listed first
    const oas = context.programs.find((p) => p.id === ids.oasMarking)!;
    expect(oas.remainingMinor).toBe(oas.ceilingMinor - oas.committedMinor);
    expect(context.partners.map((p) => p.id)).toEqual(expect.arrayContaining([ids.oas, ids.unlirec]));
    expect(context.partners.map((p) => p.id)).not.toContain(ids.inl);
    for (const who of NOT_OFFICERS) await expect(getAwardFormContext(u[who], request.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the program's ceiling holds under parallel awards", () => {
  it("20 parallel awards against a program that fits 7: exactly 7 succeed and the rest change nothing", async () => {
    const FITS = 7;
    const amountMinor = 10_000_000; // USD 100,000 each
    const ceilingMinor = FITS * amountMinor + amountMinor / 2;
    const programId = await testProgram("parallel-ceiling", ceilingMinor);
    const requests: { id: string; version: number }[] = [];
    for (let i = 0; i < 20; i++) requests.push(await approvedRequest(`Solicitud paralela número ${i}`));
    const before = await tableCounts();
    const outcomes = await Promise.allSettled(requests.map((r) => createAward(u.officer, awardInput(r, { programId }), ctx)));
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [{ request: requests[i], award: o.value }] : []));
    const lost = outcomes.flatMap((o, i) => (o.status === "rejected" ? [{ request: requests[i], error: o.reason as unknown }] : []));
    expect(won).toHaveLength(FITS);
    expect(lost).toHaveLength(20 - FITS);
    for (const { error } of lost) expect(fieldErrorsOf(error).amount).toBe("awards.errors.exceedsRemaining");

    const [{ total }] = await execRows<{ total: string | number }>(
      db.db,
      sql`SELECT COALESCE(sum(amount_minor), 0) AS total FROM awards WHERE program_id = ${programId} AND status <> 'cancelled'`,
    );
    expect(Number(total)).toBe(FITS * amountMinor);
    expect(Number(total)).toBeLessThanOrEqual(ceilingMinor);
    for (const { request } of lost) {
      const r = await requestRow(request.id);
      expect(r.status).toBe("approved");
      expect(r.version).toBe(request.version);
    }
    for (const { request } of won) expect((await requestRow(request.id)).status).toBe("awarded");
    // Rows only for the winners: one award, one link, two tranches, one deliverable, two audit events, two mails each.
    const after = await tableCounts();
    expect(after.awards - before.awards).toBe(FITS);
    expect(after.awardRequests - before.awardRequests).toBe(FITS);
    expect(after.tranches - before.tranches).toBe(2 * FITS);
    expect(after.deliverables - before.deliverables).toBe(FITS);
    expect(after.audit - before.audit).toBe(2 * FITS);
    expect(after.outbox - before.outbox).toBe(2 * FITS);
    expect(after.awarded - before.awarded).toBe(FITS);
    const lostIds = lost.map((l) => l.request.id);
    expect(await db.db.select().from(auditEvents).where(inArray(auditEvents.entityId, lostIds))).toHaveLength(
      // each lost request has only its own create and submit events
      lostIds.length * 2,
    );
  });

  it("the database itself refuses an award beyond the ceiling or the per-award cap, and the error is recognised", async () => {
    const programId = await testProgram("raw-guard", 1_000_000, { capMinor: 600_000 });
    const base = {
      programId,
      implementingPartnerId: ids.oas,
      countryIso2: "GT",
      currency: "USD",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      status: "active" as const,
      createdById: u.officer.id,
    };
    await db.db.insert(awards).values({ ...base, reference: "RAW-1", amountMinor: 500_000 });
    const overCeiling = await db.db.insert(awards).values({ ...base, reference: "RAW-2", amountMinor: 500_001 }).catch((e: unknown) => e);
    expect(fundingViolationOf(overCeiling)).toBe("ceiling");
    const overCap = await db.db.insert(awards).values({ ...base, reference: "RAW-3", amountMinor: 600_001 }).catch((e: unknown) => e);
    expect(fundingViolationOf(overCap)).toBe("cap");
    expect(fundingViolationOf(new Error("something else"))).toBeNull();
    expect(await db.db.select().from(awards).where(eq(awards.programId, programId))).toHaveLength(1);
  });

  it("two officers awarding the same request at once make one award; the other is told it changed", async () => {
    const request = await approvedRequest();
    const before = await tableCounts();
    const outcomes = await Promise.allSettled([
      createAward(u.officer, awardInput(request), ctx),
      createAward(u.officer2, awardInput(request, { implementingPartnerId: ids.unlirec }), ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await db.db.select().from(awardRequests).where(eq(awardRequests.requestId, request.id))).toHaveLength(1);
    const after = await tableCounts();
    expect(after.awards - before.awards).toBe(1);
    expect(after.tranches - before.tranches).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    // and a retry on the old version later is refused the same way
    await expect(createAward(u.officer2, awardInput(request), ctx)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("bad input is refused with a clear message and changes nothing", () => {
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ["a negative amount", () => ({ amount: "-5" }), "amount", "awards.errors.amountPositive"],
    ["a zero amount", () => ({ amount: "0", tranches: [{ amount: "0", plannedOn: "2026-10-01" }] }), "amount", "awards.errors.amountPositive"],
    ["an amount that is not a number", () => ({ amount: "mucho" }), "amount", "awards.errors.money"],
    ["tranches that do not add up to the amount", () => ({ tranches: [{ amount: "60000", plannedOn: "2026-10-01" }, { amount: "30000", plannedOn: "2026-11-01" }] }), "tranches", "awards.errors.tranchesSum"],
    ["no tranche", () => ({ tranches: [] }), "tranches", "awards.errors.tranchesMin"],
    ["13 tranches", () => ({ amount: "13000", tranches: Array.from({ length: 13 }, () => ({ amount: "1000", plannedOn: "2026-10-01" })) }), "tranches", "awards.errors.tranchesMax"],
    ["a tranche outside the award's period", () => ({ tranches: [{ amount: "60000", plannedOn: "2026-08-01" }, { amount: "40000", plannedOn: "2027-03-01" }] }), "tranches.0.plannedOn", "awards.errors.trancheOutsidePeriod"],
    ["an end before the start", () => ({ startsOn: "2027-01-01", endsOn: "2026-12-31" }), "endsOn", "awards.errors.endsBeforeStart"],
    ["a period over five years", () => ({ startsOn: "2010-01-01", endsOn: "2015-01-02", tranches: [{ amount: "100000", plannedOn: "2010-02-01" }], deliverables: [] }), "endsOn", "awards.errors.periodTooLong"],
    ["an impossible date", () => ({ endsOn: "2027-02-30" }), "endsOn", "awards.errors.date"],
    ["a deliverable due outside the period", () => ({ deliverables: [{ title: "Informe final", dueOn: "2028-01-01" }] }), "deliverables.0.dueOn", "awards.errors.deliverableOutsidePeriod"],
    ["a deliverable without a real title", () => ({ deliverables: [{ title: "x", dueOn: "2027-01-01" }] }), "deliverables.0.title", "awards.errors.deliverableTitleShort"],
    ["a period outside the program's", () => ({ startsOn: "2008-06-01", endsOn: "2009-05-31", tranches: [{ amount: "100000", plannedOn: "2008-07-01" }], deliverables: [] }), "startsOn", "awards.errors.outsideProgramPeriod"],
    ["a partner that is not an implementing partner", () => ({ implementingPartnerId: ids.inl }), "implementingPartnerId", "awards.errors.partnerNotImplementing"],
    ["a government agency as the partner", () => ({ implementingPartnerId: ids.digecam }), "implementingPartnerId", "awards.errors.partnerNotImplementing"],
    ["a program that does not fund the country", () => ({ programId: ids.cbsi }), "programId", "awards.errors.programNotEligible"],
    ["a program that does not fund the category", () => ({ programId: ids.meridaCa }), "programId", "awards.errors.programNotEligible"],
    ["an unknown program", () => ({ programId: crypto.randomUUID() }), "programId", "awards.errors.programNotEligible"],
    ["no program", () => ({ programId: "" }), "programId", "awards.errors.programRequired"],
    ["an amount above the program's remaining funds", () => ({ amount: "5000000", tranches: [{ amount: "5000000", plannedOn: "2026-10-01" }] }), "amount", "awards.errors.exceedsRemaining"],
  ];
  for (const [label, makeOverride, field, key] of cases) {
    it(`refuses ${label}`, async () => {
      const request = await approvedRequest();
      const before = await tableCounts();
      const beforeRequest = await requestRow(request.id);
      const error = await createAward(u.officer, awardInput(request, makeOverride()), ctx).catch((e) => e);
      expect(fieldErrorsOf(error)[field]).toBe(key);
      expect(await tableCounts()).toEqual(before);
      expect(await requestRow(request.id)).toEqual(beforeRequest);
    });
  }

  it("refuses an amount above the program's per-award cap", async () => {
    const programId = await testProgram("capped", 100_000_000, { capMinor: 5_000_000 });
    const request = await approvedRequest();
    const before = await tableCounts();
    const error = await createAward(u.officer, awardInput(request, { programId }), ctx).catch((e) => e);
    expect(fieldErrorsOf(error).amount).toBe("awards.errors.exceedsCap");
    expect(await tableCounts()).toEqual(before);
    expect((await requestRow(request.id)).status).toBe("approved");
  });

  it("refuses unknown fields and amounts sent as something else than text", async () => {
    const request = await approvedRequest();
    const before = await tableCounts();
    await expect(createAward(u.officer, { ...awardInput(request), status: "active" }, ctx)).rejects.toBeInstanceOf(ValidationError);
    await expect(createAward(u.officer, { ...awardInput(request), amountMinor: 1 }, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses an award on a request that is not approved", async () => {
    for (const status of ["submitted", "in_review", "rejected"] as const) {
      const request = await approvedRequest();
      await db.db.execute(sql`UPDATE assistance_requests SET status = ${status} WHERE id = ${request.id}`);
      const before = await tableCounts();
      const error = await createAward(u.officer, awardInput(request), ctx).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).formError?.key).toBe("awards.errors.requestNotApproved");
      expect(await tableCounts()).toEqual(before);
      expect((await requestRow(request.id)).status).toBe(status);
    }
  });

  it("a stale form (older request version) is told the request changed", async () => {
    const request = await approvedRequest();
    // Someone changed the request after the form was opened.
    await db.db.execute(sql`UPDATE assistance_requests SET version = version + 1 WHERE id = ${request.id}`);
    const before = await tableCounts();
    await expect(createAward(u.officer, awardInput(request), ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("second approval and segregation of duties", () => {
  let programId: string;
  /** A pending award (above the program's USD 50,000 threshold) created by `creator`. */
  async function pendingAward(creator: CurrentUser = u.officer) {
    const request = await approvedRequest();
    const result = await createAward(creator, awardInput(request, { programId }), ctx);
    expect(result.status).toBe("pending_approval");
    return { ...result, requestId: request.id, version: (await awardRow(result.id)).version };
  }

  beforeAll(async () => {
    programId = await testProgram("second-approval", 1_000_000_000, { thresholdMinor: 5_000_000 });
  });

  it("the creator cannot approve their own award, even holding the approver role", async () => {
    const award = await pendingAward(u.officerApprover);
    expect((await getAward(u.officerApprover, award.id)).canApprove).toBe(false);
    expect((await getAward(u.officerApprover, award.id)).approvalBlocker).toBe("creator");
    const before = await tableCounts();
    const error = await approveAward(u.officerApprover, { awardId: award.id, expectedVersion: award.version }, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).formError?.key).toBe("awards.errors.segregation");
    expect(await tableCounts()).toEqual(before);
    expect((await awardRow(award.id)).status).toBe("pending_approval");
    const pending = await allPendingApprovals(u.officerApprover);
    expect(pending.find((p) => p.id === award.id)).toMatchObject({ canApprove: false, approvalBlocker: "creator" });
  });

  it("an approver who reviewed the request cannot approve; another approver can, which activates it and mails the state and partner", async () => {
    const award = await pendingAward();
    // As for an award created before calendars came with the award: the activation builds it.
    await db.db.delete(reportingPeriods).where(eq(reportingPeriods.awardId, award.id));
    await db.db.insert(reviewAssignments).values({ requestId: award.requestId, reviewerId: u.approver.id, assignedById: u.officer.id, status: "recused" });
    expect((await getAward(u.approver, award.id)).approvalBlocker).toBe("reviewer");
    expect((await allPendingApprovals(u.approver)).find((p) => p.id === award.id)).toMatchObject({ canApprove: false, approvalBlocker: "reviewer" });
    const before = await tableCounts();
    const error = await approveAward(u.approver, { awardId: award.id, expectedVersion: award.version }, ctx).catch((e) => e);
    expect((error as ValidationError).formError?.key).toBe("awards.errors.segregation");
    expect(await tableCounts()).toEqual(before);
    expect(await calendarOfAward(award.id)).toEqual([]);

    expect((await getAward(u.approver2, award.id)).canApprove).toBe(true);
    await approveAward(u.approver2, { awardId: award.id, expectedVersion: award.version }, ctx);
    const row = await awardRow(award.id);
    expect(row).toMatchObject({ status: "active", approvedById: u.approver2.id, version: award.version + 1 });
    const calendar = await calendarOfAward(award.id);
    expect(calendar.map(({ withAward: _w, ...p }) => p)).toEqual(calendarOf({ startsOn: "2026-09-01", endsOn: "2027-08-31", frequencyMonths: 3 }));
    expect(calendar.every((p) => p.withAward)).toBe(true);
    expect(row.approvedAt).not.toBeNull();
    const events = await db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, award.id), eq(auditEvents.action, "award.approve"), eq(auditEvents.outcome, "success")));
    expect(events).toHaveLength(1);
    expect(events[0].actorUserId).toBe(u.approver2.id);
    const notices = await db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "award-notice"), sql`${outbox.payload}->>'url' = ${`http://portal.test/awards/${award.id}`}`));
    expect(notices.map((m) => m.toEmail).sort()).toEqual([EMAILS.gt, EMAILS.partner]);
    expect((await getAward(u.approver2, award.id)).canApprove).toBe(false);
    // Approving again is refused: it no longer waits for approval.
    const again = await approveAward(u.approver2, { awardId: award.id, expectedVersion: award.version + 1 }, ctx).catch((e) => e);
    expect((again as ValidationError).formError?.key).toBe("awards.errors.notPendingApproval");
  });

  it("two approvals at once make one", async () => {
    const award = await pendingAward();
    const outcomes = await Promise.allSettled([
      approveAward(u.approver2, { awardId: award.id, expectedVersion: award.version }, ctx),
      approveAward(u.approver, { awardId: award.id, expectedVersion: award.version }, ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, award.id), eq(auditEvents.action, "award.approve")))).toHaveLength(1);
    const notices = await db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "award-notice"), sql`${outbox.payload}->>'url' = ${`http://portal.test/awards/${award.id}`}`));
    expect(notices).toHaveLength(2);
    expect((await awardRow(award.id)).version).toBe(award.version + 1);
  });

  it("the awards awaiting approval come in disjoint pages, oldest first, counting only those awaiting approval", async () => {
    await pendingAward();
    await pendingAward();
    const waiting = await db.db
      .select({ id: awards.id })
      .from(awards)
      .where(eq(awards.status, "pending_approval"))
      .orderBy(sql`${awards.createdAt} ASC, ${awards.reference} ASC, ${awards.id} ASC`);
    expect(waiting.length).toBeGreaterThan(2);
    const first = await listPendingApprovals(u.approver, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: waiting.length, page: 1, pageSize: 2, pageCount: Math.ceil(waiting.length / 2) });
    const paged = (await allPages((paging) => listPendingApprovals(u.approver, paging), 2)).map((a) => a.id);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(waiting.map((a) => a.id));
    const past = await listPendingApprovals(u.approver, { page: 999, pageSize: 2 });
    expect(past.page).toBe(first.pageCount);
    expect(past.rows.map((a) => a.id)).toEqual(waiting.slice((first.pageCount - 1) * 2).map((a) => a.id));
  });

  for (const who of NOT_APPROVERS) {
    it(`${who} cannot approve (not found), and nothing changes`, async () => {
      const award = await pendingAward();
      const before = await tableCounts();
      const row = await awardRow(award.id);
      await expect(approveAward(u[who], { awardId: award.id, expectedVersion: award.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect(await tableCounts()).toEqual(before);
      expect(await awardRow(award.id)).toEqual(row);
      expect(await listPendingApprovals(u[who])).toMatchObject({ rows: [], total: 0 });
    });
  }

  it("an unknown award or a malformed id is not found", async () => {
    await expect(approveAward(u.approver2, { awardId: crypto.randomUUID(), expectedVersion: 1 }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveAward(u.approver2, { awardId: "1 OR 1=1", expectedVersion: 1 }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAward(u.officer, "../etc/passwd")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may create and see awards", () => {
  let activeGt: string;
  let pendingGt: string;
  let requestId: string;

  beforeAll(async () => {
    const request = await approvedRequest();
    requestId = request.id;
    activeGt = (await createAward(u.officer, awardInput(request, { amount: "1000", tranches: [{ amount: "1000", plannedOn: "2026-10-01" }] }), ctx)).id;
    const other = await approvedRequest();
    pendingGt = (await createAward(u.officer, awardInput(other, { amount: "300000", tranches: [{ amount: "300000", plannedOn: "2026-10-01" }] }), ctx)).id;
    expect((await awardRow(pendingGt)).status).toBe("pending_approval");
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot create an award (not found), and nothing changes`, async () => {
      const request = await approvedRequest();
      const before = await tableCounts();
      const beforeRequest = await requestRow(request.id);
      await expect(createAward(u[who], awardInput(request), ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect(await tableCounts()).toEqual(before);
      expect(await requestRow(request.id)).toEqual(beforeRequest);
    });
  }

  it("officers and approvers see every award, pending ones included", async () => {
    for (const who of ["officer", "approver"]) {
      const listed = (await allAwards(u[who])).map((a) => a.id);
      expect(listed).toEqual(expect.arrayContaining([activeGt, pendingGt]));
      await expect(getAward(u[who], pendingGt)).resolves.toMatchObject({ id: pendingGt, status: "pending_approval" });
    }
    const pendingOnly = await allAwards(u.officer, { status: "pending_approval" });
    expect(pendingOnly.every((a) => a.status === "pending_approval")).toBe(true);
  });

  it("the state's focal point and the implementing partner see the active award only", async () => {
    for (const who of ["gt", "partner"]) {
      const listed = (await allAwards(u[who])).map((a) => a.id);
      expect(listed, who).toContain(activeGt);
      expect(listed, who).not.toContain(pendingGt);
      const detail = await getAward(u[who], activeGt);
      expect(detail).toMatchObject({ id: activeGt, canApprove: false, program: { id: ids.oasMarking } });
      expect(detail.tranches).toHaveLength(1);
      await expect(getAward(u[who], pendingGt)).rejects.toBeInstanceOf(NotFoundError);
    }
    // The focal point may open the request; the partner sees its reference only.
    expect((await getAward(u.gt, activeGt)).requests[0]).toMatchObject({ id: requestId, isVisible: true });
    expect((await getAward(u.partner, activeGt)).requests[0]).toMatchObject({ id: requestId, isVisible: false });
  });

  it("the funding donor reaches awards only through the dashboards: the generic lookups know none (decision 0011)", async () => {
    expect(mayListAwards(u.donorWra)).toBe(false);
    expect(await listAwards(u.donorWra, {})).toMatchObject({ rows: [], total: 0 });
    expect(await listAwardProgramOptions(u.donorWra)).toEqual([]);
    await expect(getAward(u.donorWra, activeGt)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAward(u.donorWra, pendingGt)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("another country's focal point, a donor of other programs, reviewers and admins see none of them", async () => {
    for (const who of ["jm", "donorInl", "reviewer", "admin"]) {
      const listed = (await allAwards(u[who])).map((a) => a.id);
      expect(listed, who).not.toContain(activeGt);
      expect(listed, who).not.toContain(pendingGt);
      await expect(getAward(u[who], activeGt)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getAward(u[who], pendingGt)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await listAwards(u.reviewer, {})).toMatchObject({ rows: [], total: 0 });
    expect(await listAwards(u.admin, {})).toMatchObject({ rows: [], total: 0 });
  });

  it("each viewer's awards come in disjoint pages in a stable order, the total counting only the awards they may see", async () => {
    const every = await db.db
      .select({ id: awards.id, status: awards.status, countryIso2: awards.countryIso2, implementingPartnerId: awards.implementingPartnerId })
      .from(awards)
      .orderBy(sql`${awards.createdAt} DESC, ${awards.reference} DESC, ${awards.id} DESC`);
    const visibleTo: Record<string, (a: (typeof every)[number]) => boolean> = {
      officer: () => true,
      gt: (a) => a.countryIso2 === u.gt.countryIso2 && a.status !== "pending_approval",
      partner: (a) => a.implementingPartnerId === u.partner.organizationId && a.status !== "pending_approval",
      jm: (a) => a.countryIso2 === u.jm.countryIso2 && a.status !== "pending_approval",
    };
    for (const [who, sees] of Object.entries(visibleTo)) {
      const expected = every.filter(sees).map((a) => a.id);
      const first = await listAwards(u[who], {}, { page: 1, pageSize: 2 });
      expect(first, who).toMatchObject({ total: expected.length, page: 1, pageSize: 2, pageCount: Math.max(1, Math.ceil(expected.length / 2)) });
      const paged = (await allPages((paging) => listAwards(u[who], {}, paging), 2)).map((a) => a.id);
      expect(new Set(paged).size, who).toBe(paged.length);
      expect(paged, who).toEqual(expected);
    }
    expect(every.filter(visibleTo.gt).length).toBeGreaterThan(2);
    // A filter narrows the count as well as the rows.
    const pending = await listAwards(u.officer, { status: "pending_approval" }, { pageSize: 1 });
    expect(pending.total).toBe(every.filter((a) => a.status === "pending_approval").length);
    expect(pending.rows).toHaveLength(1);
    // A page past the end shows the last page.
    const last = await listAwards(u.gt, {}, { page: 1, pageSize: 2 });
    const past = await listAwards(u.gt, {}, { page: 999, pageSize: 2 });
    expect(past.page).toBe(last.pageCount);
    expect(past.rows.map((a) => a.id)).toEqual(every.filter(visibleTo.gt).slice((last.pageCount - 1) * 2).map((a) => a.id));
  });

  it("the award panel offers creation to officers on approved requests, and links the awards others may see", async () => {
    const approved = await approvedRequest();
    expect(await getAwardPanel(u.officer, approved.id)).toMatchObject({ canCreate: true, awards: [] });
    expect(await getAwardPanel(u.gt, approved.id)).toMatchObject({ canCreate: false, awards: [] });
    expect(await getAwardPanel(u.officer, requestId)).toMatchObject({ canCreate: false, awards: [{ id: activeGt }] });
    expect(await getAwardPanel(u.gt, requestId)).toMatchObject({ canCreate: false, awards: [{ id: activeGt }] });
    expect(await getAwardPanel(u.jm, requestId)).toBeNull();
    expect(await getAwardPanel(u.donorWra, requestId)).toBeNull();
  });
});
