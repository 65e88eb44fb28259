import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import {
  assistanceRequests,
  auditEvents,
  awards,
  organizations,
  programCategories,
  programCountries,
  programDonors,
  programs,
  reviewAssignments,
  rubricCriteria,
  users,
} from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { createProgram, updateProgram } from "./mutations";
import { getProgramForAdmin, getProgramFormOptions, listProgramFunds, listProgramsForUser } from "./queries";

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.8", userAgent: "vitest", baseUrl: "http://localhost:3000" };
const org: Record<string, string> = {};

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
const NOT_ADMINS = ["gt", "jm", "partner", "officer", "reviewer", "approver", "donorInl", "donorWra"] as const;

let keyCounter = 0;
const nextKey = () => `test-program-${++keyCounter}`;

function programInput(overrides: Record<string, unknown> = {}) {
  return {
    key: nextKey(),
    nameEn: "Regional marking and tracing support",
    nameEs: "Apoyo regional al marcaje y rastreo",
    currency: "USD",
    ceiling: "2,000,000",
    perAwardCap: "",
    approvalThreshold: "250000",
    startsOn: "2026-01-01",
    endsOn: "2029-12-31",
    donorIds: [org["state-inl"]],
    countryIsos: ["GT", "HN", "JM"],
    categories: ["marking_equipment", "training"],
    rubric: [
      { key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "60" },
      { key: "feasibility", nameEn: "Feasibility", nameEs: "Viabilidad", weight: "40" },
    ],
    ...overrides,
  };
}

/** The edit form's values for a stored program, with its version. */
async function editInput(programId: string, overrides: Record<string, unknown> = {}) {
  const p = await getProgramForAdmin(u.admin, programId);
  const major = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
  return {
    nameEn: p.nameEn,
    nameEs: p.nameEs,
    currency: "USD",
    ceiling: major(p.ceilingMinor),
    perAwardCap: p.perAwardCapMinor === null ? "" : major(p.perAwardCapMinor),
    approvalThreshold: major(p.approvalThresholdMinor),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    donorIds: p.donorIds,
    countryIsos: p.countryIsos,
    categories: p.categories,
    rubric: p.rubric.map((c) => ({ ...c, weight: String(c.weight) })),
    expectedUpdatedAt: p.updatedAt.toISOString(),
    ...overrides,
  };
}

async function tableCounts() {
  const [row] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM programs) AS programs,
               (SELECT count(*)::int FROM program_donors) AS donors,
               (SELECT count(*)::int FROM program_countries) AS countries,
               (SELECT count(*)::int FROM program_categories) AS categories,
               (SELECT count(*)::int FROM rubric_criteria) AS rubric,
               (SELECT count(*)::int FROM audit_events) AS audit`,
  );
  return row;
}

async function programRow(id: string) {
  const [p] = await db.db.select().from(programs).where(eq(programs.id, id));
  return p;
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries(Object.entries((error as ValidationError).fieldErrors).map(([k, v]) => [k, v.key]));
}

/** An award written straight to the table (the award flow is tested in lib/awards). */
async function insertAward(programId: string, amountMinor: number, status: "active" | "pending_approval" = "active", period = { startsOn: "2026-06-01", endsOn: "2027-06-30" }) {
  const [a] = await db.db
    .insert(awards)
    .values({
      reference: `T-${crypto.randomUUID().slice(0, 8)}`,
      programId,
      implementingPartnerId: org.oas,
      countryIso2: "GT",
      amountMinor,
      currency: "USD",
      ...period,
      status,
      createdById: u.officer.id,
    })
    .returning({ id: awards.id });
  return a.id;
}

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email] of Object.entries(EMAILS)) {
    const [user] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key] = (await loadActiveUser(user.id))!;
  }
  for (const o of await db.db.select({ id: organizations.id, key: organizations.key }).from(organizations)) org[o.key] = o.id;
});
afterAll(async () => {
  await db.drop();
});

describe("creating a program", () => {
  it("an admin creates a program with its donors, countries, categories and rubric, audited", async () => {
    const before = await tableCounts();
    const input = programInput();
    const { id } = await createProgram(u.admin, input, ctx);
    expect(await programRow(id)).toMatchObject({
      key: input.key,
      nameEn: "Regional marking and tracing support",
      nameEs: "Apoyo regional al marcaje y rastreo",
      currency: "USD",
      ceilingMinor: 200_000_000,
      perAwardCapMinor: null,
      approvalThresholdMinor: 25_000_000,
      startsOn: "2026-01-01",
      endsOn: "2029-12-31",
      isDemoFigures: false,
    });
    expect((await db.db.select().from(programDonors).where(eq(programDonors.programId, id))).map((d) => d.organizationId)).toEqual([org["state-inl"]]);
    expect((await db.db.select().from(programCountries).where(eq(programCountries.programId, id))).map((c) => c.countryIso2).sort()).toEqual(["GT", "HN", "JM"]);
    expect((await db.db.select().from(programCategories).where(eq(programCategories.programId, id))).map((c) => c.category).sort()).toEqual(["marking_equipment", "training"]);
    const rubric = await db.db.select().from(rubricCriteria).where(eq(rubricCriteria.programId, id)).orderBy(asc(rubricCriteria.position));
    expect(rubric.map((c) => [c.key, c.weight, c.position])).toEqual([
      ["relevance", 60, 0],
      ["feasibility", 40, 1],
    ]);
    const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "program.create")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: u.admin.id, entityType: "program", ip: ctx.ip });
    const after = await tableCounts();
    expect(after.programs - before.programs).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    // Officers see it with its funds at once.
    expect((await listProgramFunds(u.officer)).find((p) => p.id === id)).toMatchObject({ ceilingMinor: 200_000_000, committedMinor: 0, pendingMinor: 0, remainingMinor: 200_000_000 });
  });

  it("a per-award cap is stored when given", async () => {
    const { id } = await createProgram(u.admin, programInput({ perAwardCap: "500000.50" }), ctx);
    expect((await programRow(id)).perAwardCapMinor).toBe(50_000_050);
  });

  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ["a key with spaces", () => ({ key: "my program" }), "key", "programs.errors.key"],
    ["a key already used", () => ({ key: "oas-marking" }), "key", "programs.errors.keyTaken"],
    ["a name too short", () => ({ nameEs: "ab" }), "nameEs", "programs.errors.nameShort"],
    ["another currency", () => ({ currency: "EUR" }), "currency", "programs.errors.currency"],
    ["a negative ceiling", () => ({ ceiling: "-100" }), "ceiling", "programs.errors.money"],
    ["a zero ceiling", () => ({ ceiling: "0", approvalThreshold: "0" }), "ceiling", "programs.errors.ceilingPositive"],
    ["a threshold above the ceiling", () => ({ approvalThreshold: "3000000" }), "approvalThreshold", "programs.errors.thresholdAboveCeiling"],
    ["a cap above the ceiling", () => ({ perAwardCap: "3000000" }), "perAwardCap", "programs.errors.capAboveCeiling"],
    ["an end before the start", () => ({ startsOn: "2029-01-01", endsOn: "2028-12-31" }), "endsOn", "programs.errors.endsBeforeStart"],
    ["no donor", () => ({ donorIds: [] }), "donorIds", "programs.errors.donorsRequired"],
    ["an implementing partner as donor", () => ({ donorIds: [org.oas] }), "donorIds", "programs.errors.donorInvalid"],
    ["a donor country as eligible", () => ({ countryIsos: ["GT", "US"] }), "countryIsos", "programs.errors.countryInvalid"],
    ["an unknown category", () => ({ categories: ["weapons_purchase"] }), "categories.0", "programs.errors.categoryInvalid"],
    ["no category", () => ({ categories: [] }), "categories", "programs.errors.categoriesRequired"],
    ["an empty rubric", () => ({ rubric: [] }), "rubric", "programs.errors.rubricMin"],
    ["eleven criteria", () => ({ rubric: Array.from({ length: 11 }, (_, i) => ({ key: `c${i}x`, nameEn: "Criterion", nameEs: "Criterio", weight: "10" })) }), "rubric", "programs.errors.rubricMax"],
    ["a criterion weight of 0", () => ({ rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "0" }] }), "rubric.0.weight", "programs.errors.weight"],
    ["a criterion weight of 101", () => ({ rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "101" }] }), "rubric.0.weight", "programs.errors.weight"],
    [
      "two criteria with the same key",
      () => ({ rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "50" }, { key: "relevance", nameEn: "Other", nameEs: "Otro", weight: "50" }] }),
      "rubric.1.key",
      "programs.errors.criterionKeyDuplicate",
    ],
  ];
  for (const [label, makeOverride, field, key] of cases) {
    it(`refuses ${label}, changing nothing`, async () => {
      const before = await tableCounts();
      const error = await createProgram(u.admin, programInput(makeOverride()), ctx).catch((e) => e);
      expect(fieldErrorsOf(error)[field]).toBe(key);
      expect(await tableCounts()).toEqual(before);
    });
  }

  it("refuses unknown fields such as a demo flag or a ceiling in cents", async () => {
    const before = await tableCounts();
    await expect(createProgram(u.admin, { ...programInput(), isDemoFigures: true }, ctx)).rejects.toBeInstanceOf(ValidationError);
    await expect(createProgram(u.admin, { ...programInput(), ceilingMinor: 1 }, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("updating a program", () => {
  it("an admin changes names, funds, sets and rubric on the version they loaded, audited", async () => {
    const { id } = await createProgram(u.admin, programInput(), ctx);
    const before = await programRow(id);
    await updateProgram(
      u.admin,
      { programId: id, ...(await editInput(id, {
        nameEn: "Regional marking support",
        ceiling: "3000000",
        perAwardCap: "400000",
        donorIds: [org["state-inl"], org["state-pm-wra"]],
        countryIsos: ["GT"],
        categories: ["training"],
        rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "100" }],
      })) },
      ctx,
    );
    const after = await programRow(id);
    expect(after).toMatchObject({ nameEn: "Regional marking support", ceilingMinor: 300_000_000, perAwardCapMinor: 40_000_000, key: before.key });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const detail = await getProgramForAdmin(u.admin, id);
    expect(detail.donorIds.sort()).toEqual([org["state-inl"], org["state-pm-wra"]].sort());
    expect(detail.countryIsos).toEqual(["GT"]);
    expect(detail.categories).toEqual(["training"]);
    expect(detail.rubric).toEqual([{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: 100 }]);
    const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "program.update")));
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ before: { ceilingMinor: 200_000_000 }, after: { ceilingMinor: 300_000_000 }, rubricReplaced: true });
  });

  it("cannot lower the ceiling below what is committed (pending approval included)", async () => {
    const { id } = await createProgram(u.admin, programInput({ ceiling: "1000000" }), ctx);
    await insertAward(id, 40_000_000, "active");
    await insertAward(id, 30_000_000, "pending_approval");
    const before = await tableCounts();
    const row = await programRow(id);
    const error = await updateProgram(u.admin, { programId: id, ...(await editInput(id, { ceiling: "699999.99" })) }, ctx).catch((e) => e);
    expect(fieldErrorsOf(error).ceiling).toBe("programs.errors.ceilingBelowCommitted");
    expect(await tableCounts()).toEqual(before);
    expect(await programRow(id)).toEqual(row);
    // Exactly the committed amount is fine: nothing remains.
    await updateProgram(u.admin, { programId: id, ...(await editInput(id, { ceiling: "700000" })) }, ctx);
    expect((await listProgramFunds(u.approver)).find((p) => p.id === id)).toMatchObject({ committedMinor: 70_000_000, pendingMinor: 30_000_000, remainingMinor: 0 });
  });

  it("cannot set a per-award cap below an award awaiting approval, nor a period that leaves out an award", async () => {
    const { id } = await createProgram(u.admin, programInput(), ctx);
    await insertAward(id, 30_000_000, "pending_approval", { startsOn: "2026-06-01", endsOn: "2027-06-30" });
    const row = await programRow(id);
    const capError = await updateProgram(u.admin, { programId: id, ...(await editInput(id, { perAwardCap: "200000" })) }, ctx).catch((e) => e);
    expect(fieldErrorsOf(capError).perAwardCap).toBe("programs.errors.capBelowPending");
    const periodError = await updateProgram(u.admin, { programId: id, ...(await editInput(id, { startsOn: "2026-07-01" })) }, ctx).catch((e) => e);
    expect(fieldErrorsOf(periodError).startsOn).toBe("programs.errors.periodExcludesAwards");
    const endError = await updateProgram(u.admin, { programId: id, ...(await editInput(id, { endsOn: "2027-06-29" })) }, ctx).catch((e) => e);
    expect(fieldErrorsOf(endError).endsOn).toBe("programs.errors.periodExcludesAwards");
    expect(await programRow(id)).toEqual(row);
  });

  it("keeps the rubric once reviews have been submitted with it, but allows other changes", async () => {
    const { id } = await createProgram(u.admin, programInput({ countryIsos: ["GT"] }), ctx);
    const [request] = await db.db.select({ id: assistanceRequests.id }).from(assistanceRequests).limit(1);
    await db.db.insert(reviewAssignments).values({ requestId: request.id, reviewerId: u.reviewer.id, assignedById: u.officer.id, programId: id, status: "submitted" });
    expect((await getProgramForAdmin(u.admin, id)).isRubricLocked).toBe(true);
    const criteria = await db.db.select().from(rubricCriteria).where(eq(rubricCriteria.programId, id));
    const error = await updateProgram(
      u.admin,
      { programId: id, ...(await editInput(id, { rubric: [{ key: "relevance", nameEn: "Relevance", nameEs: "Pertinencia", weight: "100" }] })) },
      ctx,
    ).catch((e) => e);
    expect(fieldErrorsOf(error).rubric).toBe("programs.errors.rubricLocked");
    await updateProgram(u.admin, { programId: id, ...(await editInput(id, { nameEn: "Renamed while reviewed" })) }, ctx);
    expect((await programRow(id)).nameEn).toBe("Renamed while reviewed");
    // The criteria are the same rows, so scores keep pointing at them.
    expect((await db.db.select().from(rubricCriteria).where(eq(rubricCriteria.programId, id))).map((c) => c.id).sort()).toEqual(criteria.map((c) => c.id).sort());
  });

  it("a form loaded before another change is told the program changed; two saves at once make one", async () => {
    const { id } = await createProgram(u.admin, programInput(), ctx);
    const stale = await editInput(id, { nameEn: "First change" });
    await updateProgram(u.admin, { programId: id, ...stale }, ctx);
    const conflict = await updateProgram(u.admin, { programId: id, ...stale, nameEn: "Second change" }, ctx).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    // Named as the program, not as a request (the error's default).
    expect((conflict as ConflictError).messageKey).toBe("programs.errors.conflict");
    expect((await programRow(id)).nameEn).toBe("First change");

    const fresh = await editInput(id);
    const outcomes = await Promise.allSettled([
      updateProgram(u.admin, { programId: id, ...fresh, nameEn: "Parallel one" }, ctx),
      updateProgram(u.admin, { programId: id, ...fresh, nameEn: "Parallel two" }, ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "program.update")));
    expect(events).toHaveLength(2);
  });

  it("an unknown program or a malformed id is not found", async () => {
    const input = await editInput((await createProgram(u.admin, programInput(), ctx)).id);
    await expect(updateProgram(u.admin, { programId: crypto.randomUUID(), ...input }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProgram(u.admin, { programId: "oas-marking", ...input }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgramForAdmin(u.admin, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may manage and read programs", () => {
  let programId: string;
  beforeAll(async () => {
    programId = (await createProgram(u.admin, programInput(), ctx)).id;
  });

  for (const who of NOT_ADMINS) {
    it(`${who} cannot create, edit or open a program for editing (not found), and nothing changes`, async () => {
      const before = await tableCounts();
      const row = await programRow(programId);
      const input = await editInput(programId, { nameEn: "Hijacked program" });
      await expect(createProgram(u[who], programInput(), ctx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateProgram(u[who], { programId, ...input }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getProgramForAdmin(u[who], programId)).rejects.toBeInstanceOf(NotFoundError);
      expect(await getProgramFormOptions(u[who])).toEqual({ donors: [], countries: [] });
      expect(await tableCounts()).toEqual(before);
      expect(await programRow(programId)).toEqual(row);
    });
  }

  it("officers, approvers and admins see every program's funds; others see none", async () => {
    const all = (await db.db.select({ id: programs.id }).from(programs)).length;
    for (const who of ["officer", "approver", "admin"]) {
      const funds = await listProgramFunds(u[who]);
      expect(funds).toHaveLength(all);
      for (const p of funds) expect(p.remainingMinor).toBe(p.ceilingMinor - p.committedMinor);
      expect(funds.some((p) => p.isDemoFigures)).toBe(true);
    }
    for (const who of ["gt", "jm", "partner", "reviewer", "donorInl", "donorWra"]) expect(await listProgramFunds(u[who])).toEqual([]);
  });

  it("the form options list donor organizations and recipient countries only", async () => {
    const options = await getProgramFormOptions(u.admin);
    expect(options.donors.map((d) => d.id).sort()).toEqual([org["state-inl"], org["state-pm-wra"]].sort());
    expect(options.countries.map((c) => c.iso2)).toContain("GT");
    expect(options.countries.map((c) => c.iso2)).not.toContain("US");
  });

  it("listProgramsForUser is unchanged: donors see the programs they fund", async () => {
    const inl = (await listProgramsForUser(u.donorInl)).map((p) => p.key);
    expect(inl).toEqual(expect.arrayContaining(["merida-ca", "cbsi"]));
    expect(inl).not.toContain("oas-marking");
  });
});
