import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import { assistanceRequests, auditEvents, awards, organizations, outbox, programs, requestRevisions, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { createRequest, saveRequest, withdrawRequest } from "./mutations";
import { getRequest, getRequestTimeline, getRevisionComparison, listEligiblePrograms, listRequests } from "./queries";
import { requestListFiltersSchema } from "./schema";
import { addDays, todayIso } from "@/lib/dates";

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.9", userAgent: "vitest", baseUrl: "http://portal.test" };
let oasMarking: string;
let meridaCa: string;
let cbsi: string;

const EMAILS = {
  gt: "focal.gt@example.org",
  jm: "focal.jm@example.org",
  partner: "partner.oas@example.org",
  officer: "officer@example.org",
  reviewer: "reviewer@example.org",
  approver: "approver@example.org",
  donor: "donor.inl@example.org",
  admin: "admin@example.org",
};
const NON_FILERS = ["partner", "officer", "reviewer", "approver", "donor", "admin"] as const;
const NEVER_SEE = ["partner", "reviewer", "approver", "donor", "admin"] as const;

const inAYear = () => addDays(todayIso(), 365);

/** A complete marking-equipment request in Spanish, as the form sends it (strings). */
function validContent(overrides: Record<string, unknown> = {}) {
  return {
    primaryLocale: "es",
    category: "marking_equipment",
    titleEs: "Equipos de marcaje para la PNC",
    narrativeEs: "La Policía Nacional Civil necesita marcar las armas incautadas y las de dotación.",
    justificationEs: "Cumplir con la CIFTA y mejorar el rastreo de armas.",
    details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC, DIGECAM" },
    estimatedCost: "250000",
    urgency: "high",
    desiredStartOn: inAYear(),
    programIds: [oasMarking],
    ...overrides,
  };
}

async function tableCounts() {
  const [row] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM assistance_requests) AS requests,
               (SELECT count(*)::int FROM request_revisions) AS revisions,
               (SELECT count(*)::int FROM request_programs) AS programs,
               (SELECT count(*)::int FROM audit_events WHERE outcome = 'success') AS audit,
               (SELECT count(*)::int FROM outbox) AS outbox`,
  );
  return row;
}

async function row(id: string) {
  const [r] = await db.db.select().from(assistanceRequests).where(eq(assistanceRequests.id, id));
  return r;
}

async function newDraft(user = u.gt, content: Record<string, unknown> = validContent()) {
  return createRequest(user, { ...content, submit: false, creationKey: crypto.randomUUID() }, ctx);
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries(Object.entries((error as ValidationError).fieldErrors).map(([k, v]) => [k, v.key]));
}

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email] of Object.entries(EMAILS)) {
    const [user] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key] = (await loadActiveUser(user.id))!;
  }
  const byKey = async (key: string) => (await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, key)))[0].id;
  oasMarking = await byKey("oas-marking");
  meridaCa = await byKey("merida-ca");
  cbsi = await byKey("cbsi");
});
afterAll(async () => {
  await db.drop();
});

describe("filing a request", () => {
  it("a focal point creates a draft for their own country, with a reference and an audit event", async () => {
    const before = await tableCounts();
    const { id, status } = await newDraft();
    expect(status).toBe("draft");
    const r = await row(id);
    expect(r.countryIso2).toBe("GT");
    expect(r.reference).toMatch(new RegExp(`^GT-${new Date().getUTCFullYear()}-\\d{4}$`));
    expect(r.estimatedCostMinor).toBe(25_000_000);
    expect(r.details).toEqual({ machinesWanted: 4, firearmsToMarkPerYear: 12000, operatingAgencies: "PNC, DIGECAM" });
    const after = await tableCounts();
    expect(after.requests - before.requests).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    expect(after.outbox).toBe(before.outbox); // drafts notify nobody
  });

  it("the country comes from the account, never from the input", async () => {
    await expect(newDraft(u.gt, { ...validContent(), countryIso2: "JM" })).rejects.toBeInstanceOf(ValidationError);
  });

  for (const who of NON_FILERS) {
    it(`${who} cannot file a request (not found) and nothing is written`, async () => {
      const before = await tableCounts();
      await expect(newDraft(u[who])).rejects.toBeInstanceOf(NotFoundError);
      expect(await tableCounts()).toEqual(before);
    });
  }

  it("saves a partial draft, but refuses to submit it, naming every missing field", async () => {
    const { id } = await newDraft(u.gt, { primaryLocale: "es", titleEs: "Solo un título" });
    const r = await row(id);
    expect(r.status).toBe("draft");
    const before = await tableCounts();
    const error = await saveRequest(u.gt, { primaryLocale: "es", titleEs: "Solo un título", requestId: id, submit: true, expectedVersion: r.version }, ctx).catch((e) => e);
    expect(fieldErrorsOf(error)).toMatchObject({
      narrativeEs: "requests.errors.required",
      justificationEs: "requests.errors.required",
      category: "requests.errors.required",
      estimatedCost: "requests.errors.required",
      urgency: "requests.errors.required",
      desiredStartOn: "requests.errors.required",
    });
    expect(await tableCounts()).toEqual(before);
    expect((await row(id)).version).toBe(r.version);
  });
});

describe("bad input is refused with a clear message and changes nothing", () => {
  // Overrides are functions: program ids are known only once the database is seeded.
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ["a title over 200 characters", () => ({ titleEs: "x".repeat(201) }), "titleEs", "requests.errors.tooLong"],
    ["a title under 5 characters", () => ({ titleEs: "abc" }), "titleEs", "requests.errors.titleTooShort"],
    ["a negative cost", () => ({ estimatedCost: "-5" }), "estimatedCost", "requests.errors.money"],
    ["a cost that is not a number", () => ({ estimatedCost: "mucho" }), "estimatedCost", "requests.errors.money"],
    ["a cost over the limit", () => ({ estimatedCost: "100000001" }), "estimatedCost", "requests.errors.costTooHigh"],
    ["a fractional machine count", () => ({ details: { machinesWanted: "2.5" } }), "details.machinesWanted", "requests.errors.wholeNumber"],
    ["a zero machine count", () => ({ details: { machinesWanted: "0" } }), "details.machinesWanted", "requests.errors.outOfRange"],
    ["a field of another category", () => ({ details: { weaponsToDestroy: "100" } }), "details.weaponsToDestroy", "requests.errors.notForCategory"],
    ["an unknown category", () => ({ category: "weapons_purchase" }), "category", "requests.errors.choose"],
    ["an impossible date", () => ({ desiredStartOn: "2026-02-30" }), "desiredStartOn", "requests.errors.date"],
    ["a program that does not fund the category", () => ({ programIds: [meridaCa] }), "programIds", "requests.errors.programNotEligible"],
    ["a program that does not fund the country", () => ({ programIds: [cbsi] }), "programIds", "requests.errors.programNotEligible"],
  ];
  for (const [label, makeOverride, field, key] of cases) {
    it(`refuses ${label}`, async () => {
      const override = makeOverride();
      const { id } = await newDraft();
      const r = await row(id);
      const before = await tableCounts();
      const content = { ...validContent(), ...override, details: { ...validContent().details, ...((override.details as object) ?? {}) } };
      const error = await saveRequest(u.gt, { ...content, requestId: id, submit: false, expectedVersion: r.version }, ctx).catch((e) => e);
      expect(fieldErrorsOf(error)[field]).toBe(key);
      expect(await tableCounts()).toEqual(before);
      expect(await row(id)).toEqual(r);
    });
  }

  it("refuses a desired start in the past on submit", async () => {
    const { id } = await newDraft();
    const r = await row(id);
    const error = await saveRequest(u.gt, { ...validContent({ desiredStartOn: "2020-01-01" }), requestId: id, submit: true, expectedVersion: r.version }, ctx).catch((e) => e);
    expect(fieldErrorsOf(error).desiredStartOn).toBe("requests.errors.startInPast");
    expect((await row(id)).status).toBe("draft");
  });

  it("refuses unknown fields", async () => {
    const { id } = await newDraft();
    const r = await row(id);
    await expect(saveRequest(u.gt, { ...validContent(), status: "approved", requestId: id, submit: false, expectedVersion: r.version }, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await row(id)).toEqual(r);
  });
});

describe("who sees what", () => {
  let draftId: string;
  let submittedId: string;
  let jmId: string;
  beforeAll(async () => {
    draftId = (await newDraft()).id;
    submittedId = (await createRequest(u.gt, { ...validContent({ titleEs: "Solicitud enviada visible" }), submit: true, creationKey: crypto.randomUUID() }, ctx)).id;
    jmId = (await createRequest(u.jm, { ...validContent({ primaryLocale: "en", titleEn: "Marking machines for the JCF", narrativeEn: "Narrative", justificationEn: "Justification", programIds: [] }), titleEs: undefined, narrativeEs: undefined, justificationEs: undefined, submit: true, creationKey: crypto.randomUUID() }, ctx)).id;
  });

  it("the country's focal point sees its drafts and submissions; the other country's does not", async () => {
    await expect(getRequest(u.gt, draftId)).resolves.toMatchObject({ id: draftId, canEdit: true, events: ["submit", "withdraw"] });
    await expect(getRequest(u.gt, submittedId)).resolves.toMatchObject({ canEdit: false, events: ["withdraw"] });
    for (const id of [draftId, submittedId]) {
      await expect(getRequest(u.jm, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRequestTimeline(u.jm, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRevisionComparison(u.jm, id, 1)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getRequest(u.gt, jmId)).rejects.toBeInstanceOf(NotFoundError);
    const gtList = await listRequests(u.gt, requestListFiltersSchema.parse({}));
    expect(gtList.rows.every((r) => r.countryIso2 === "GT")).toBe(true);
    expect(gtList.rows.map((r) => r.id)).toEqual(expect.arrayContaining([draftId, submittedId]));
    // A focal point cannot widen the list to another country through the filter.
    const sneaky = await listRequests(u.gt, requestListFiltersSchema.parse({ country: "JM" }));
    expect(sneaky.rows).toHaveLength(0);
  });

  it("program officers see every submitted request but no drafts, and cannot edit", async () => {
    await expect(getRequest(u.officer, draftId)).rejects.toBeInstanceOf(NotFoundError);
    const detail = await getRequest(u.officer, submittedId);
    expect(detail.canEdit).toBe(false);
    expect(detail.events).toEqual(["startScreening"]);
    const list = await listRequests(u.officer, requestListFiltersSchema.parse({}));
    const ids = list.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([submittedId, jmId]));
    expect(ids).not.toContain(draftId);
    expect(list.rows.some((r) => r.status === "draft")).toBe(false);
  });

  for (const who of NEVER_SEE) {
    it(`${who} sees none of these requests on any path`, async () => {
      for (const id of [draftId, submittedId, jmId]) {
        await expect(getRequest(u[who], id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(getRequestTimeline(u[who], id)).rejects.toBeInstanceOf(NotFoundError);
      }
      const listed = (await listRequests(u[who], requestListFiltersSchema.parse({}))).rows.map((r) => r.id);
      expect(listed).not.toContain(draftId);
      expect(listed).not.toContain(submittedId);
      expect(listed).not.toContain(jmId);
      // Reviewers list only what they are assigned (the demo assigns one Jamaican request); the rest, nothing.
      if (who !== "reviewer") expect(listed).toEqual([]);
    });
  }

  for (const who of ["jm", ...NON_FILERS] as const) {
    it(`${who} cannot save, submit or withdraw a Guatemalan request (not found), and nothing changes`, async () => {
      const before = await row(draftId);
      const counts = await tableCounts();
      await expect(saveRequest(u[who], { ...validContent(), requestId: draftId, submit: false, expectedVersion: before.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(saveRequest(u[who], { ...validContent(), requestId: draftId, submit: true, expectedVersion: before.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(withdrawRequest(u[who], { requestId: draftId, expectedVersion: before.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(withdrawRequest(u[who], { requestId: submittedId, expectedVersion: (await row(submittedId)).version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect(await row(draftId)).toEqual(before);
      expect(await tableCounts()).toEqual(counts);
    });
  }

  it("ids that are not UUIDs are simply not found", async () => {
    await expect(getRequest(u.gt, "../../etc/passwd")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(u.officer, "1 OR 1=1")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(u.officer, "-".repeat(36))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists eligible programs for the country and category only", async () => {
    const marking = await listEligiblePrograms(u.gt, "GT", "marking_equipment");
    expect(marking.map((p) => p.id)).toEqual([oasMarking]);
    const stockpile = (await listEligiblePrograms(u.gt, "GT", "stockpile_assessment")).map((p) => p.id);
    expect(stockpile).toContain(meridaCa);
    expect(stockpile).not.toContain(cbsi);
    expect(await listEligiblePrograms(u.jm, "GT", "marking_equipment")).toEqual([]);
    expect(marking[0].remainingMinor).toBe(marking[0].ceilingMinor - marking[0].committedMinor);
  });
});

describe("timeline", () => {
  it("shows the state its own people by name and everyone else as the program office", async () => {
    const { id } = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
    await db.db.insert(auditEvents).values({ actorUserId: u.officer.id, action: "request.startScreening", entityType: "request", entityId: id });
    const forState = await getRequestTimeline(u.gt, id);
    expect(forState.map((e) => [e.action, e.actorKind, e.actorName])).toEqual([
      ["request.create", "state", "Ana López"],
      ["request.submit", "state", "Ana López"],
      ["request.startScreening", "program_office", null],
    ]);
    const forOfficer = await getRequestTimeline(u.officer, id);
    expect(forOfficer.at(-1)?.actorName).toBe("Daniel Reyes");
  });
});

describe("remaining funds", () => {
  it("count every award but cancelled ones as committed", async () => {
    const [oas] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, "oas"));
    const before = (await listEligiblePrograms(u.gt, "GT", "marking_equipment"))[0];
    const award = (reference: string, amountMinor: number, status: "active" | "pending_approval" | "cancelled") => ({
      reference,
      programId: oasMarking,
      implementingPartnerId: oas.id,
      countryIso2: "GT",
      amountMinor,
      currency: "USD",
      startsOn: "2027-01-01",
      endsOn: "2027-12-31",
      status,
      createdById: u.officer.id,
    });
    await db.db.insert(awards).values([award("T-1", 1_000_00, "active"), award("T-2", 500_00, "pending_approval"), award("T-3", 9_999_00, "cancelled")]);
    const after = (await listEligiblePrograms(u.gt, "GT", "marking_equipment"))[0];
    expect(after.committedMinor - before.committedMinor).toBe(1_500_00);
    expect(after.remainingMinor).toBe(after.ceilingMinor - after.committedMinor);
  });
});

describe("submitting", () => {
  it("stores revision 1, audits it and mails every active program officer in their language", async () => {
    const { id } = await newDraft();
    const r = await row(id);
    const before = await tableCounts();
    const result = await saveRequest(u.gt, { ...validContent(), requestId: id, submit: true, expectedVersion: r.version }, ctx);
    expect(result.status).toBe("submitted");
    const after = await row(id);
    expect(after.status).toBe("submitted");
    expect(after.version).toBe(r.version + 1);
    expect(after.submittedAt).not.toBeNull();
    const revisions = await db.db.select().from(requestRevisions).where(eq(requestRevisions.requestId, id));
    expect(revisions.map((x) => x.number)).toEqual([1]);
    expect(revisions[0].snapshot).toMatchObject({ titleEs: "Equipos de marcaje para la PNC", estimatedCostMinor: 25_000_000 });
    const mails = await db.db.select().from(outbox).where(sql`${outbox.payload}->>'url' = ${`http://portal.test/requests/${id}`}`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "request-submitted", toEmail: EMAILS.officer, locale: "en" });
    const events = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "request.submit")));
    expect(events).toHaveLength(1);
    expect((await tableCounts()).outbox - before.outbox).toBe(1);
  });

  it("submitting twice at once (double click) yields one submission", async () => {
    const { id } = await newDraft();
    const r = await row(id);
    const results = await Promise.all([
      saveRequest(u.gt, { ...validContent(), requestId: id, submit: true, expectedVersion: r.version }, ctx),
      saveRequest(u.gt, { ...validContent(), requestId: id, submit: true, expectedVersion: r.version }, ctx),
    ]);
    expect(results.map((x) => x.status)).toEqual(["submitted", "submitted"]);
    // and a retried POST later, with the version the form had
    await expect(saveRequest(u.gt, { ...validContent(), requestId: id, submit: true, expectedVersion: r.version }, ctx)).resolves.toMatchObject({ status: "submitted" });
    expect(await db.db.select().from(requestRevisions).where(eq(requestRevisions.requestId, id))).toHaveLength(1);
    const submits = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "request.submit")));
    expect(submits).toHaveLength(1);
    const mails = await db.db.select().from(outbox).where(sql`${outbox.payload}->>'url' = ${`http://portal.test/requests/${id}`}`);
    expect(mails).toHaveLength(1);
  });

  it("creating and submitting twice with the same key (retried POST) yields one request", async () => {
    const key = crypto.randomUUID();
    const before = await tableCounts();
    const [a, b] = await Promise.all([
      createRequest(u.gt, { ...validContent(), submit: true, creationKey: key }, ctx),
      createRequest(u.gt, { ...validContent(), submit: true, creationKey: key }, ctx),
    ]);
    expect(a.id).toBe(b.id);
    const c = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: key }, ctx);
    expect(c.id).toBe(a.id);
    const after = await tableCounts();
    expect(after.requests - before.requests).toBe(1);
    expect(after.revisions - before.revisions).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
  });

  it("two saves of the same version at once: one wins, the other is told the request changed", async () => {
    const { id } = await newDraft();
    const r = await row(id);
    const outcomes = await Promise.allSettled([
      saveRequest(u.gt, { ...validContent({ titleEs: "Primera versión del título" }), requestId: id, submit: false, expectedVersion: r.version }, ctx),
      saveRequest(u.gt, { ...validContent({ titleEs: "Segunda versión del título" }), requestId: id, submit: false, expectedVersion: r.version }, ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect((await row(id)).version).toBe(r.version + 1);
  });

  it("a submitted request can no longer be edited", async () => {
    const { id } = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
    const r = await row(id);
    const error = await saveRequest(u.gt, { ...validContent({ titleEs: "Cambio tardío del título" }), requestId: id, submit: false, expectedVersion: r.version }, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).formError?.key).toBe("requests.errors.notEditable");
    expect(await row(id)).toEqual(r);
  });
});

describe("revisions", () => {
  it("each resubmission stores a revision that can be compared with the one before", async () => {
    const { id } = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
    // The program office asks for changes (the review issue adds this transition to the UI).
    await db.db.execute(sql`UPDATE assistance_requests SET status = 'changes_requested', version = version + 1 WHERE id = ${id}`);
    const r = await row(id);
    await saveRequest(u.gt, { ...validContent({ titleEs: "Equipos de marcaje para la PNC y DIGECAM", estimatedCost: "275000.50" }), requestId: id, submit: true, expectedVersion: r.version }, ctx);
    const after = await row(id);
    expect(after.status).toBe("submitted");
    expect(after.revisionCount).toBe(2);
    const comparison = await getRevisionComparison(u.officer, id, 2);
    expect(comparison.previous?.number).toBe(1);
    expect(comparison.changed).toEqual(["estimatedCostMinor", "titleEs"]);
    expect((await getRevisionComparison(u.gt, id, 1)).previous).toBeNull();
    await expect(getRevisionComparison(u.gt, id, 3)).rejects.toBeInstanceOf(NotFoundError);
    const resubmits = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "request.resubmit")));
    expect(resubmits).toHaveLength(1);
  });
});

describe("withdrawing", () => {
  it("the filer withdraws a draft or a submitted request; not an approved one", async () => {
    const draft = await newDraft();
    await withdrawRequest(u.gt, { requestId: draft.id, expectedVersion: (await row(draft.id)).version }, ctx);
    expect((await row(draft.id)).status).toBe("withdrawn");

    const submitted = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
    const v = (await row(submitted.id)).version;
    await Promise.all([withdrawRequest(u.gt, { requestId: submitted.id, expectedVersion: v }, ctx), withdrawRequest(u.gt, { requestId: submitted.id, expectedVersion: v }, ctx)].map((p) => p.catch((e) => e)));
    expect((await row(submitted.id)).status).toBe("withdrawn");
    const withdrawals = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, submitted.id), eq(auditEvents.action, "request.withdraw")));
    expect(withdrawals).toHaveLength(1);

    const approved = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
    await db.db.execute(sql`UPDATE assistance_requests SET status = 'approved' WHERE id = ${approved.id}`);
    const before = await row(approved.id);
    await expect(withdrawRequest(u.gt, { requestId: approved.id, expectedVersion: before.version }, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await row(approved.id)).toEqual(before);
  });
});

describe("the officers' list", () => {
  it("filters by country, category, status and program, searches, sorts and paginates on the server", async () => {
    for (let i = 0; i < 22; i++) {
      await createRequest(
        u.jm,
        {
          primaryLocale: "en",
          category: "training",
          titleEn: `Firearms investigation course ${String(i).padStart(2, "0")}`,
          narrativeEn: "Training for investigators.",
          justificationEn: "Capacity.",
          details: { course: "Investigations", officersToTrain: String(10 + i) },
          estimatedCost: String(1000 * (i + 1)),
          urgency: "medium",
          desiredStartOn: inAYear(),
          programIds: [cbsi],
          submit: true,
          creationKey: crypto.randomUUID(),
        },
        ctx,
      );
    }
    const parse = (q: Record<string, string>) => requestListFiltersSchema.parse(q);
    const jmTraining = await listRequests(u.officer, parse({ country: "JM", category: "training" }));
    expect(jmTraining.total).toBe(22);
    expect(jmTraining.rows).toHaveLength(20);
    expect(jmTraining.pageCount).toBe(2);
    const page2 = await listRequests(u.officer, parse({ country: "JM", category: "training", page: "2" }));
    expect(page2.rows).toHaveLength(2);
    expect(new Set([...jmTraining.rows, ...page2.rows].map((r) => r.id)).size).toBe(22);
    const byCost = await listRequests(u.officer, parse({ country: "JM", category: "training", sort: "cost", dir: "asc" }));
    expect(byCost.rows[0].estimatedCostMinor).toBe(100_000);
    // The pages follow one another in the list's order: newest change first.
    const times = [...jmTraining.rows, ...page2.rows].map((r) => r.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const search = await listRequests(u.officer, parse({ q: "course 07" }));
    expect(search.rows.map((r) => r.titleEn)).toEqual(["Firearms investigation course 07"]);
    // The search ignores case, in the titles as in the reference.
    expect((await listRequests(u.officer, parse({ q: "COURSE 07" }))).rows.map((r) => r.titleEn)).toEqual(["Firearms investigation course 07"]);
    const byReference = await listRequests(u.officer, parse({ q: search.rows[0].reference.toLowerCase() }));
    expect(byReference.rows.map((r) => r.id)).toContain(search.rows[0].id);
    expect((await listRequests(u.officer, parse({ q: "investigation course" }))).total).toBe(22);
    const byProgram = await listRequests(u.officer, parse({ program: cbsi, country: "JM", category: "training" }));
    expect(byProgram.total).toBe(22);
    const otherProgram = await listRequests(u.officer, parse({ program: oasMarking, country: "JM", category: "training" }));
    expect(otherProgram.total).toBe(0);
    const withdrawn = await listRequests(u.officer, parse({ status: "withdrawn" }));
    expect(withdrawn.rows.every((r) => r.status === "withdrawn")).toBe(true);
    // LIKE wildcards in a search are taken literally.
    expect((await listRequests(u.officer, parse({ q: "%" }))).total).toBe(0);
    // Bad filter values fall back to none rather than failing.
    expect(parse({ status: "hacked", page: "-3", sort: "password" })).toMatchObject({ status: undefined, page: 1, sort: "updated" });
  });
});
