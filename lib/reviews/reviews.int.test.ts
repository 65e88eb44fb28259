import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import {
  assistanceRequests,
  auditEvents,
  organizations,
  outbox,
  programs,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  userRoles,
  users,
} from "@/db/schema";
import type { Role } from "@/lib/enums";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createRequest, saveRequest } from "@/lib/requests/mutations";
import { findVisibleRequest } from "@/lib/requests/queries";
import { createTestDb, type TestDb } from "@/test/db";
import { assignReviewers, declareConflict, submitReview } from "./mutations";
import {
  getAssignmentForReviewer,
  getReviewSummary,
  listAssignableReviewers,
  listMyAssignments,
  listPartnerOptions,
  listReviewEvents,
  listReviewProgramOptions,
} from "./queries";
import { addDays, todayIso } from "@/lib/dates";

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.7", userAgent: "vitest", baseUrl: "http://portal.test" };
let oasMarking: string;
let meridaCa: string;
let cbsi: string;
let oasOrg: string;
let criteria: { id: string; key: string; weight: number }[];

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
const DEMO_ROLES = Object.keys(EMAILS) as (keyof typeof EMAILS)[];

/** Every assignment listed to this user, page after page. */
async function allMyAssignments(user: CurrentUser) {
  const rows = [];
  for (let page = 1; ; page++) {
    const list = await listMyAssignments(user, { page, pageSize: 10 });
    rows.push(...list.rows);
    if (page >= list.pageCount) return rows;
  }
}
const NOT_OFFICERS = DEMO_ROLES.filter((k) => k !== "officer");
const NOT_REVIEWER = DEMO_ROLES.filter((k) => k !== "reviewer");

const inAYear = () => addDays(todayIso(), 365);

function validContent(overrides: Record<string, unknown> = {}) {
  return {
    primaryLocale: "es",
    category: "marking_equipment",
    titleEs: "Equipos de marcaje para la PNC",
    titleEn: "Marking equipment for the PNC",
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

/** A Guatemalan request under review (screening is another module: the status is set directly). */
async function requestInReview(status: "in_review" | "screening" | "submitted" = "in_review"): Promise<string> {
  const { id } = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
  if (status !== "submitted") await db.db.execute(sql`UPDATE assistance_requests SET status = ${status} WHERE id = ${id}`);
  return id;
}

async function counts() {
  const [row] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM review_assignments) AS assignments,
               (SELECT count(*)::int FROM review_scores) AS scores,
               (SELECT count(*)::int FROM audit_events WHERE outcome = 'success') AS audit,
               (SELECT count(*)::int FROM outbox) AS outbox,
               (SELECT count(*)::int FROM assistance_requests) AS requests`,
  );
  return row;
}

async function assignmentRow(id: string) {
  const [row] = await db.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  return row;
}

/** A reviewer account created in the test database, with optional country or organization binding. */
async function createReviewer(email: string, options: { locale?: "en" | "es"; countryIso2?: string; organizationKey?: string; isActive?: boolean; roles?: Role[] } = {}) {
  let organizationId: string | null = null;
  if (options.organizationKey) {
    [{ id: organizationId }] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, options.organizationKey));
  }
  const [row] = await db.db
    .insert(users)
    .values({
      email,
      name: email.split("@")[0],
      locale: options.locale ?? "en",
      countryIso2: options.countryIso2 ?? null,
      organizationId,
      isActive: options.isActive ?? true,
    })
    .returning({ id: users.id });
  await db.db.insert(userRoles).values((options.roles ?? ["reviewer"]).map((role) => ({ userId: row.id, role })));
  return options.isActive === false ? ({ id: row.id } as CurrentUser) : (await loadActiveUser(row.id))!;
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries(Object.entries((error as ValidationError).fieldErrors).map(([k, v]) => [k, v.key]));
}

function formErrorOf(error: unknown): string | undefined {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).formError?.key;
}

/** A complete review: `values` are the scores in rubric order. */
function review(values: number[], recommendation = "approve") {
  return {
    scores: criteria.map((c, i) => ({ criterionId: c.id, score: values[i], comment: `Reason for ${c.key}` })),
    recommendation,
    comment: "Overall a sound request.",
  };
}

async function assignedTo(requestId: string, reviewer: CurrentUser): Promise<string> {
  const [row] = await db.db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.requestId, requestId), eq(reviewAssignments.reviewerId, reviewer.id)));
  return row.id;
}

/** Assigns and declares no conflict: an assignment ready for scoring. */
async function activeAssignment(requestId: string, reviewer: CurrentUser): Promise<string> {
  await assignReviewers(u.officer, { reviewerIds: [reviewer.id], programId: oasMarking, requestId }, ctx);
  const id = await assignedTo(requestId, reviewer);
  await declareConflict(reviewer, { hasConflict: false, assignmentId: id }, ctx);
  return id;
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
  [{ id: oasOrg }] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, "oas"));
  criteria = await db.db
    .select({ id: rubricCriteria.id, key: rubricCriteria.key, weight: rubricCriteria.weight })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, oasMarking))
    .orderBy(asc(rubricCriteria.position));
  u.reviewer2 = await createReviewer("reviewer2@example.org", { locale: "es" });
  u.reviewer3 = await createReviewer("reviewer3@example.org");
  u.reviewerGt = await createReviewer("reviewer.gt@example.org", { countryIso2: "GT", locale: "es" });
  u.reviewerDigecam = await createReviewer("reviewer.digecam@example.org", { organizationKey: "gt-digecam" });
  u.reviewerOas = await createReviewer("reviewer.oas@example.org", { organizationKey: "oas" });
  u.inactiveReviewer = await createReviewer("reviewer.inactive@example.org", { isActive: false });
});
afterAll(async () => {
  await db.drop();
});

describe("the rubric", () => {
  it("every program has the default four weighted criteria", () => {
    expect(criteria.map((c) => c.weight)).toEqual([30, 25, 20, 25]);
  });
});

describe("assigning reviewers", () => {
  it("an officer assigns two reviewers: two assignments, an audit event and a mail in each reviewer's language", async () => {
    const requestId = await requestInReview();
    const before = await counts();
    const result = await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id, u.reviewer2.id], programId: oasMarking, requestId }, ctx);
    expect(result.skipped).toEqual([]);
    expect(result.assigned.map((a) => [a.reviewerId, a.status, a.autoRecusal])).toEqual([
      [u.reviewer.id, "awaiting_declaration", null],
      [u.reviewer2.id, "awaiting_declaration", null],
    ]);
    const after = await counts();
    expect(after.assignments - before.assignments).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    expect(after.outbox - before.outbox).toBe(2);

    const mails = await db.db.select().from(outbox).where(eq(outbox.template, "review-assigned")).orderBy(asc(outbox.createdAt));
    const mine = mails.filter((m) => (m.payload as { url: string }).url.includes(result.assigned[0].assignmentId) || (m.payload as { url: string }).url.includes(result.assigned[1].assignmentId));
    expect(mine.map((m) => [m.toEmail, m.locale])).toEqual(
      expect.arrayContaining([
        [EMAILS.reviewer, "en"],
        ["reviewer2@example.org", "es"],
      ]),
    );
    const en = mine.find((m) => m.toEmail === EMAILS.reviewer)!;
    const es = mine.find((m) => m.toEmail === "reviewer2@example.org")!;
    expect(en.payload).toMatchObject({ title: "Marking equipment for the PNC", url: `http://portal.test/reviews/${result.assigned[0].assignmentId}` });
    expect(es.payload).toMatchObject({ title: "Equipos de marcaje para la PNC", url: `http://portal.test/reviews/${result.assigned[1].assignmentId}` });

    const events = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "review.assign"));
    expect(events.filter((e) => (e.details as { requestId?: string })?.requestId === requestId)).toHaveLength(2);
    // Under the assignment, so that the request's own timeline (which the state reads) never names reviewers.
    expect(events.every((e) => e.entityType === "review_assignment")).toBe(true);
  });

  it("assigning an already assigned reviewer again skips it: no duplicate, no mail, no audit", async () => {
    const requestId = await requestInReview();
    await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    const before = await counts();
    const result = await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id, u.reviewer3.id], programId: oasMarking, requestId }, ctx);
    expect(result.skipped).toEqual([u.reviewer.id]);
    expect(result.assigned.map((a) => a.reviewerId)).toEqual([u.reviewer3.id]);
    const after = await counts();
    expect(after.assignments - before.assignments).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
    expect(after.audit - before.audit).toBe(1);
  });

  it("parallel assignments of the same reviewer yield one assignment", async () => {
    const requestId = await requestInReview();
    const input = { reviewerIds: [u.reviewer3.id], programId: oasMarking };
    const results = await Promise.all([1, 2, 3].map(() => assignReviewers(u.officer, { ...input, requestId }, ctx)));
    expect(results.flatMap((r) => r.assigned)).toHaveLength(1);
    expect(results.flatMap((r) => r.skipped)).toHaveLength(2);
    const rows = await db.db.select().from(reviewAssignments).where(eq(reviewAssignments.requestId, requestId));
    expect(rows).toHaveLength(1);
  });

  it("works in screening too", async () => {
    const requestId = await requestInReview("screening");
    const result = await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    expect(result.assigned).toHaveLength(1);
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot assign reviewers (not found) and nothing is written`, async () => {
      const requestId = await requestInReview();
      const before = await counts();
      await expect(
        assignReviewers(u[who], { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
    });
  }

  const refusals: [string, () => Record<string, unknown>, string, string][] = [
    ["no reviewer", () => ({ reviewerIds: [], programId: oasMarking }), "reviewerIds", "reviews.errors.reviewersRequired"],
    ["eleven reviewers", () => ({ reviewerIds: Array.from({ length: 11 }, (_, i) => `r${i}`), programId: oasMarking }), "reviewerIds", "reviews.errors.tooManyReviewers"],
    ["a user who is not a reviewer", () => ({ reviewerIds: [u.officer.id], programId: oasMarking }), "reviewerIds", "reviews.errors.reviewerInvalid"],
    ["a deactivated reviewer", () => ({ reviewerIds: [u.inactiveReviewer.id], programId: oasMarking }), "reviewerIds", "reviews.errors.reviewerInvalid"],
    ["an unknown reviewer id", () => ({ reviewerIds: ["no-such-user"], programId: oasMarking }), "reviewerIds", "reviews.errors.reviewerInvalid"],
    ["no program", () => ({ reviewerIds: [u.reviewer.id] }), "programId", "reviews.errors.programRequired"],
    ["a malformed program id", () => ({ reviewerIds: [u.reviewer.id], programId: "oas" }), "programId", "reviews.errors.programRequired"],
    ["a program not open to the country", () => ({ reviewerIds: [u.reviewer.id], programId: cbsi }), "programId", "reviews.errors.programNotEligible"],
    ["a program not open to the category", () => ({ reviewerIds: [u.reviewer.id], programId: meridaCa }), "programId", "reviews.errors.programNotEligible"],
    ["a partner that is not an implementing partner", () => ({ reviewerIds: [u.reviewer.id], programId: oasMarking, proposedPartnerId: crypto.randomUUID() }), "proposedPartnerId", "reviews.errors.partnerInvalid"],
    ["an unknown field", () => ({ reviewerIds: [u.reviewer.id], programId: oasMarking, status: "submitted" }), "_form", "common.errors.invalidInput"],
  ];
  for (const [label, input, field, key] of refusals) {
    it(`refuses ${label} with "${key}" and writes nothing`, async () => {
      const requestId = await requestInReview();
      const before = await counts();
      const error = await assignReviewers(u.officer, { ...input(), requestId }, ctx).catch((e) => e);
      // A refusal of the whole input (no field to place it on) is the form's message.
      if (field === "_form") expect([fieldErrorsOf(error), formErrorOf(error)]).toEqual([{}, key]);
      else expect(fieldErrorsOf(error)[field]).toBe(key);
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a request that is not in screening or review, and writes nothing", async () => {
    const requestId = await requestInReview("submitted");
    const before = await counts();
    const error = await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx).catch((e) => e);
    expect(formErrorOf(error)).toBe("reviews.errors.notAssignable");
    expect(await counts()).toEqual(before);
  });

  it("an unknown or malformed request id is not found", async () => {
    await expect(assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId: crypto.randomUUID() }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId: "1 OR 1=1" }, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("automatic recusal", () => {
  it("a reviewer bound to the requesting country is recused at once, gets no mail, cannot see the request or score", async () => {
    const requestId = await requestInReview();
    const before = await counts();
    const result = await assignReviewers(u.officer, { reviewerIds: [u.reviewerGt.id], programId: oasMarking, requestId }, ctx);
    expect(result.assigned[0]).toMatchObject({ status: "recused", autoRecusal: "country" });
    const row = await assignmentRow(result.assigned[0].assignmentId);
    expect(row).toMatchObject({ status: "recused", isAutoRecused: true });
    const after = await counts();
    expect(after.outbox).toBe(before.outbox);
    expect(after.audit - before.audit).toBe(1);

    expect(await findVisibleRequest(u.reviewerGt, requestId)).toBeNull();
    const view = await getAssignmentForReviewer(u.reviewerGt, row.id);
    expect(view).toMatchObject({ isRecused: true, detail: null, peers: null, aggregate: null, rubric: [], ownScores: [], canScore: false, canDeclare: false });

    const beforeScore = await counts();
    const scoring = await submitReview(u.reviewerGt, { ...review([3, 3, 3, 3]), assignmentId: row.id }, ctx).catch((e) => e);
    expect(formErrorOf(scoring)).toBe("reviews.errors.recused");
    await expect(declareConflict(u.reviewerGt, { hasConflict: false, assignmentId: row.id }, ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(await counts()).toEqual(beforeScore);
    expect((await assignmentRow(row.id)).status).toBe("recused");
  });

  it("a reviewer of a government agency of the requesting country is recused", async () => {
    const requestId = await requestInReview();
    const result = await assignReviewers(u.officer, { reviewerIds: [u.reviewerDigecam.id], programId: oasMarking, requestId }, ctx);
    expect(result.assigned[0]).toMatchObject({ status: "recused", autoRecusal: "government" });
  });

  it("a reviewer of the proposed implementing partner is recused, and only when that partner is proposed", async () => {
    const first = await requestInReview();
    const withPartner = await assignReviewers(u.officer, { reviewerIds: [u.reviewerOas.id, u.reviewer.id], programId: oasMarking, proposedPartnerId: oasOrg, requestId: first }, ctx);
    expect(withPartner.assigned.map((a) => [a.reviewerId, a.status, a.autoRecusal])).toEqual([
      [u.reviewerOas.id, "recused", "partner"],
      [u.reviewer.id, "awaiting_declaration", null],
    ]);
    const second = await requestInReview();
    const without = await assignReviewers(u.officer, { reviewerIds: [u.reviewerOas.id], programId: oasMarking, requestId: second }, ctx);
    expect(without.assigned[0]).toMatchObject({ status: "awaiting_declaration", autoRecusal: null });
  });

  it("the officer's list of assignable reviewers says who would be recused", async () => {
    const requestId = await requestInReview();
    await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    const list = await listAssignableReviewers(u.officer, requestId);
    const byId = new Map(list.map((r) => [r.id, r]));
    expect(byId.get(u.reviewer.id)).toMatchObject({ autoRecusal: null, isAssigned: true });
    expect(byId.get(u.reviewer2.id)).toMatchObject({ autoRecusal: null, isAssigned: false });
    expect(byId.get(u.reviewerGt.id)?.autoRecusal).toBe("country");
    expect(byId.get(u.reviewerDigecam.id)?.autoRecusal).toBe("government");
    expect(byId.has(u.inactiveReviewer.id)).toBe(false);
    expect(byId.has(u.officer.id)).toBe(false);
  });

  it("the officer's program choices are the suggested program first, then those open to the country and category", async () => {
    const requestId = await requestInReview();
    const options = await listReviewProgramOptions(u.officer, requestId);
    expect(options[0]).toMatchObject({ id: oasMarking, isSuggested: true, hasRubric: true });
    const ids = options.map((o) => o.id);
    expect(ids).not.toContain(cbsi); // not open to Guatemala
    expect(ids).not.toContain(meridaCa); // not open to marking equipment
    expect((await listPartnerOptions(u.officer)).map((p) => p.id)).toContain(oasOrg);
    for (const who of NOT_OFFICERS) {
      await expect(listReviewProgramOptions(u[who], requestId)).rejects.toBeInstanceOf(NotFoundError);
      expect(await listPartnerOptions(u[who])).toEqual([]);
    }
  });
});

describe("declaring a conflict of interest", () => {
  for (const who of [...NOT_REVIEWER, "reviewer2"]) {
    it(`${who} cannot declare on another reviewer's assignment (not found) and nothing changes`, async () => {
      const requestId = await requestInReview();
      await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
      const id = await assignedTo(requestId, u.reviewer);
      const before = await counts();
      await expect(declareConflict(u[who], { hasConflict: false, assignmentId: id }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
      expect((await assignmentRow(id)).status).toBe("awaiting_declaration");
    });
  }

  it("no conflict opens the scoring, once; a second declaration is a conflict", async () => {
    const requestId = await requestInReview();
    await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    const id = await assignedTo(requestId, u.reviewer);
    const before = await counts();
    expect(await declareConflict(u.reviewer, { hasConflict: "false", reason: "", assignmentId: id }, ctx)).toEqual({ status: "active" });
    const row = await assignmentRow(id);
    expect(row).toMatchObject({ status: "active", conflictDeclared: false, conflictReason: null });
    expect(row.declaredAt).toBeInstanceOf(Date);
    expect((await counts()).audit - before.audit).toBe(1);
    await expect(declareConflict(u.reviewer, { hasConflict: true, reason: "I changed my mind about this.", assignmentId: id }, ctx)).rejects.toBeInstanceOf(ConflictError);
    await expect(declareConflict(u.reviewer, { hasConflict: true, reason: "I changed my mind about this.", assignmentId: id }, ctx)).rejects.toMatchObject({ messageKey: "reviews.errors.conflict" });
    expect((await assignmentRow(id)).status).toBe("active");
  });

  it("parallel declarations: one wins, the other is a conflict", async () => {
    const requestId = await requestInReview();
    await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    const id = await assignedTo(requestId, u.reviewer);
    const results = await Promise.allSettled([
      declareConflict(u.reviewer, { hasConflict: false, assignmentId: id }, ctx),
      declareConflict(u.reviewer, { hasConflict: false, assignmentId: id }, ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
  });

  it("a declared conflict recuses: the request disappears, no scores are visible, scoring is refused", async () => {
    const requestId = await requestInReview();
    const peer = await activeAssignment(requestId, u.reviewer3);
    await submitReview(u.reviewer3, { ...review([4, 4, 4, 4]), assignmentId: peer }, ctx);
    await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    const id = await assignedTo(requestId, u.reviewer);
    // Awaiting the declaration, the request itself is closed to the reviewer.
    expect(await findVisibleRequest(u.reviewer, requestId)).toBeNull();

    expect(await declareConflict(u.reviewer, { hasConflict: true, reason: "  My brother works at DIGECAM.  ", assignmentId: id }, ctx)).toEqual({ status: "recused" });
    expect(await assignmentRow(id)).toMatchObject({ status: "recused", conflictDeclared: true, conflictReason: "My brother works at DIGECAM.", isAutoRecused: false });
    expect(await findVisibleRequest(u.reviewer, requestId)).toBeNull();
    const view = await getAssignmentForReviewer(u.reviewer, id);
    expect(view).toMatchObject({ isRecused: true, detail: null, peers: null, aggregate: null, ownScores: [] });
    const before = await counts();
    expect(formErrorOf(await submitReview(u.reviewer, { ...review([5, 5, 5, 5]), assignmentId: id }, ctx).catch((e) => e))).toBe("reviews.errors.recused");
    expect(await counts()).toEqual(before);
    const mine = await allMyAssignments(u.reviewer);
    expect(mine.find((a) => a.id === id)).toMatchObject({ status: "recused", requestId });
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ["no choice", { reason: "" }, "hasConflict", "reviews.errors.conflictChoice"],
    ["a conflict without a reason", { hasConflict: true }, "reason", "reviews.errors.reasonRequired"],
    ["a conflict with a blank reason", { hasConflict: "true", reason: "   " }, "reason", "reviews.errors.reasonRequired"],
    ["a reason under 10 characters", { hasConflict: true, reason: "family" }, "reason", "reviews.errors.reasonTooShort"],
    ["a reason over 1000 characters", { hasConflict: true, reason: "x".repeat(1001) }, "reason", "reviews.errors.reasonTooLong"],
    ["a choice that is not yes or no", { hasConflict: "maybe" }, "hasConflict", "reviews.errors.conflictChoice"],
  ];
  for (const [label, input, field, key] of bad) {
    it(`refuses ${label} with "${key}" and changes nothing`, async () => {
      const requestId = await requestInReview();
      await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
      const id = await assignedTo(requestId, u.reviewer);
      const before = await counts();
      const error = await declareConflict(u.reviewer, { ...input, assignmentId: id }, ctx).catch((e) => e);
      expect(fieldErrorsOf(error)[field]).toBe(key);
      expect(await counts()).toEqual(before);
      expect((await assignmentRow(id)).status).toBe("awaiting_declaration");
    });
  }
});

describe("scoring", () => {
  for (const who of [...NOT_REVIEWER, "reviewer2"]) {
    it(`${who} cannot score another reviewer's assignment or read it (not found) and nothing changes`, async () => {
      const requestId = await requestInReview();
      const id = await activeAssignment(requestId, u.reviewer);
      const before = await counts();
      await expect(submitReview(u[who], { ...review([3, 3, 3, 3]), assignmentId: id }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getAssignmentForReviewer(u[who], id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
      expect((await assignmentRow(id)).status).toBe("active");
    });
  }

  it("the assigned reviewer must declare before scoring", async () => {
    const requestId = await requestInReview();
    await assignReviewers(u.officer, { reviewerIds: [u.reviewer.id], programId: oasMarking, requestId }, ctx);
    const id = await assignedTo(requestId, u.reviewer);
    const before = await counts();
    expect(formErrorOf(await submitReview(u.reviewer, { ...review([3, 3, 3, 3]), assignmentId: id }, ctx).catch((e) => e))).toBe("reviews.errors.declareFirst");
    expect(await counts()).toEqual(before);
  });

  it("a request in screening cannot be scored yet", async () => {
    const requestId = await requestInReview("screening");
    const id = await activeAssignment(requestId, u.reviewer);
    const before = await counts();
    const view = await getAssignmentForReviewer(u.reviewer, id);
    expect(view.canScore).toBe(false);
    expect(formErrorOf(await submitReview(u.reviewer, { ...review([3, 3, 3, 3]), assignmentId: id }, ctx).catch((e) => e))).toBe("reviews.errors.notInReview");
    expect(await counts()).toEqual(before);
  });

  it("a complete review is stored with its revision, scores and an audit event", async () => {
    const requestId = await requestInReview();
    const id = await activeAssignment(requestId, u.reviewer);
    const before = await counts();
    expect(await submitReview(u.reviewer, { ...review([5, 4, 3, 2], "request_changes"), assignmentId: id }, ctx)).toEqual({ revisionNumber: 1 });
    const row = await assignmentRow(id);
    expect(row).toMatchObject({ status: "submitted", recommendation: "request_changes", comment: "Overall a sound request.", revisionNumber: 1 });
    const after = await counts();
    expect(after.scores - before.scores).toBe(4);
    expect(after.audit - before.audit).toBe(1);
    const stored = await db.db.select().from(reviewScores).where(eq(reviewScores.assignmentId, id));
    expect(stored.map((s) => s.comment).sort()).toEqual(criteria.map((c) => `Reason for ${c.key}`).sort());
    // Submitted once: a second submission is a conflict.
    await expect(submitReview(u.reviewer, { ...review([1, 1, 1, 1]), assignmentId: id }, ctx)).rejects.toBeInstanceOf(ConflictError);
    expect((await counts()).scores).toBe(after.scores);
  });

  const badScores: [string, () => Record<string, unknown>, string, string][] = [
    ["a score of 0", () => review([0, 3, 3, 3]), "scores.0.score", "reviews.errors.scoreRange"],
    ["a score of 6", () => review([3, 6, 3, 3]), "scores.1.score", "reviews.errors.scoreRange"],
    ["a score of 2.5", () => review([3, 3, 2.5, 3]), "scores.2.score", "reviews.errors.scoreWhole"],
    ["a score that is not a number", () => ({ ...review([3, 3, 3, 3]), scores: review([3, 3, 3, 3]).scores.map((s, i) => (i === 3 ? { ...s, score: "five" } : s)) }), "scores.3.score", "reviews.errors.scoreRequired"],
    ["a missing score", () => ({ ...review([3, 3, 3, 3]), scores: review([3, 3, 3, 3]).scores.map((s, i) => (i === 0 ? { criterionId: s.criterionId, comment: s.comment } : s)) }), "scores.0.score", "reviews.errors.scoreRequired"],
    ["a missing criterion", () => ({ ...review([3, 3, 3, 3]), scores: review([3, 3, 3, 3]).scores.slice(0, 3) }), "scores", "reviews.errors.criterionMissing"],
    ["an unknown criterion", () => ({ ...review([3, 3, 3, 3]), scores: [...review([3, 3, 3, 3]).scores, { criterionId: crypto.randomUUID(), score: 3, comment: "Extra" }] }), "scores.4.criterionId", "reviews.errors.criterionUnknown"],
    ["a criterion scored twice", () => ({ ...review([3, 3, 3, 3]), scores: [...review([3, 3, 3, 3]).scores, review([4, 4, 4, 4]).scores[0]] }), "scores.4.criterionId", "reviews.errors.criterionDuplicate"],
    ["a missing comment", () => ({ ...review([3, 3, 3, 3]), scores: review([3, 3, 3, 3]).scores.map((s, i) => (i === 1 ? { ...s, comment: "   " } : s)) }), "scores.1.comment", "reviews.errors.scoreCommentRequired"],
    ["a comment over 2000 characters", () => ({ ...review([3, 3, 3, 3]), scores: review([3, 3, 3, 3]).scores.map((s, i) => (i === 1 ? { ...s, comment: "x".repeat(2001) } : s)) }), "scores.1.comment", "reviews.errors.scoreCommentTooLong"],
    ["no recommendation", () => ({ ...review([3, 3, 3, 3]), recommendation: "" }), "recommendation", "reviews.errors.recommendationRequired"],
    ["an unknown recommendation", () => ({ ...review([3, 3, 3, 3]), recommendation: "fund_twice" }), "recommendation", "reviews.errors.recommendationRequired"],
    ["an overall comment over 5000 characters", () => ({ ...review([3, 3, 3, 3]), comment: "x".repeat(5001) }), "comment", "reviews.errors.commentTooLong"],
    ["no scores", () => ({ ...review([3, 3, 3, 3]), scores: [] }), "scores", "reviews.errors.scoresRequired"],
  ];
  for (const [label, input, field, key] of badScores) {
    it(`refuses ${label} with "${key}" and stores nothing`, async () => {
      const requestId = await requestInReview();
      const id = await activeAssignment(requestId, u.reviewer);
      const before = await counts();
      const error = await submitReview(u.reviewer, { ...input(), assignmentId: id }, ctx).catch((e) => e);
      expect(fieldErrorsOf(error)[field]).toBe(key);
      expect(await counts()).toEqual(before);
      expect(await assignmentRow(id)).toMatchObject({ status: "active", recommendation: null, submittedAt: null });
    });
  }

  it("a parallel double submit stores one review", async () => {
    const requestId = await requestInReview();
    const id = await activeAssignment(requestId, u.reviewer);
    const before = await counts();
    const results = await Promise.allSettled([
      submitReview(u.reviewer, { ...review([5, 5, 5, 5]), assignmentId: id }, ctx),
      submitReview(u.reviewer, { ...review([1, 1, 1, 1]), assignmentId: id }, ctx),
      submitReview(u.reviewer, { ...review([3, 3, 3, 3]), assignmentId: id }, ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const after = await counts();
    expect(after.scores - before.scores).toBe(4);
    expect(after.audit - before.audit).toBe(1);
    const scores = await db.db.select({ score: reviewScores.score }).from(reviewScores).where(eq(reviewScores.assignmentId, id));
    expect(new Set(scores.map((s) => s.score)).size).toBe(1); // all from the one winner
  });
});

describe("what reviewers and officers see", () => {
  let requestId: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    requestId = await requestInReview();
    first = await activeAssignment(requestId, u.reviewer);
    second = await activeAssignment(requestId, u.reviewer2);
    await assignReviewers(u.officer, { reviewerIds: [u.reviewerGt.id], programId: oasMarking, requestId }, ctx);
  });

  it("peers' scores stay hidden until the reviewer submits their own", async () => {
    await submitReview(u.reviewer, { ...review([5, 4, 3, 2], "approve"), assignmentId: first }, ctx);
    const waiting = await getAssignmentForReviewer(u.reviewer2, second);
    expect(waiting.peers).toBeNull();
    expect(waiting.aggregate).toBeNull();
    expect(waiting.canScore).toBe(true);
    expect(waiting.detail?.reference).toBeTruthy();
    expect(waiting.rubric.map((c) => c.weight)).toEqual([30, 25, 20, 25]);

    const own = await getAssignmentForReviewer(u.reviewer, first);
    expect(own.peers).toEqual([]); // submitted, but no peer has yet
    expect(own.ownTotal).toBe(3.6);

    await submitReview(u.reviewer2, { ...review([3, 3, 3, 3], "request_changes"), assignmentId: second }, ctx);
    const after = await getAssignmentForReviewer(u.reviewer2, second);
    expect(after.peers).toHaveLength(1);
    expect(after.peers![0]).toMatchObject({ label: 1, recommendation: "approve", weightedTotal: 3.6 });
    expect(after.peers![0].scores.map((s) => s.score)).toEqual([5, 4, 3, 2]);
    expect(JSON.stringify(after.peers)).not.toContain(u.reviewer.id);
    expect(JSON.stringify(after.peers)).not.toContain(EMAILS.reviewer);
    expect(after.aggregate).toMatchObject({ count: 2, meanTotal: 3.3, totalSpread: 0.6 });

    const back = await getAssignmentForReviewer(u.reviewer, first);
    expect(back.peers!.map((p) => p.weightedTotal)).toEqual([3]);
  });

  it("the officer sees every review with weighted totals and spreads", async () => {
    const summary = await getReviewSummary(u.officer, requestId);
    expect(summary.counts).toMatchObject({ total: 3, submitted: 2, recused: 1, active: 0, awaiting_declaration: 0 });
    expect(summary.recommendations).toEqual({ approve: 1, reject: 0, request_changes: 1 });
    expect(summary.groups).toHaveLength(1);
    const group = summary.groups[0];
    expect(group.program?.id).toBe(oasMarking);
    const byReviewer = new Map(group.assignments.map((a) => [a.reviewerId, a]));
    expect(byReviewer.get(u.reviewer.id)).toMatchObject({ weightedTotal: 3.6, reviewerName: u.reviewer.name, status: "submitted", assignedByName: u.officer.name });
    expect(byReviewer.get(u.reviewer2.id)?.weightedTotal).toBe(3);
    expect(byReviewer.get(u.reviewerGt.id)).toMatchObject({ status: "recused", isAutoRecused: true, weightedTotal: null, scores: [] });
    expect(group.aggregate.totalSpread).toBe(0.6);
    expect(group.aggregate.meanTotal).toBe(3.3);
    expect(group.aggregate.perCriterion.map((c) => c.spread)).toEqual([2, 1, 0, 1]);
    expect(group.aggregate.perCriterion.map((c) => c.mean)).toEqual([4, 3.5, 3, 2.5]);
  });

  it("the recused reviewer still sees no score", async () => {
    const id = await assignedTo(requestId, u.reviewerGt);
    const view = await getAssignmentForReviewer(u.reviewerGt, id);
    expect(view.peers).toBeNull();
    expect(view.aggregate).toBeNull();
    expect(view.detail).toBeNull();
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} gets not found from the review summary, the reviewer list and the review events`, async () => {
      await expect(getReviewSummary(u[who], requestId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listAssignableReviewers(u[who], requestId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listReviewEvents(u[who], requestId)).rejects.toBeInstanceOf(NotFoundError);
    });
  }

  it("the state never sees reviews, even of its own request", async () => {
    expect(await findVisibleRequest(u.gt, requestId)).not.toBeNull();
    await expect(getReviewSummary(u.gt, requestId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listMyAssignments(u.gt)).toMatchObject({ rows: [], total: 0 });
    // The request's own timeline (the state reads it) has no review events.
    const onRequest = await db.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, "request"), eq(auditEvents.entityId, requestId)));
    expect(onRequest.some((e) => e.action.startsWith("review."))).toBe(false);
  });

  it("the officer's review events list assignments, declarations and submissions", async () => {
    const events = await listReviewEvents(u.officer, requestId);
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === "review.assign")).toHaveLength(3);
    expect(actions.filter((a) => a === "review.declare")).toHaveLength(2);
    expect(actions.filter((a) => a === "review.submit")).toHaveLength(2);
  });

  it("a reviewer lists only their own assignments; others list none", async () => {
    const mine = await allMyAssignments(u.reviewer2);
    expect(mine.length).toBeGreaterThan(0);
    const ownIds = new Set(
      (await db.db.select({ id: reviewAssignments.id }).from(reviewAssignments).where(eq(reviewAssignments.reviewerId, u.reviewer2.id))).map((r) => r.id),
    );
    expect(mine.every((a) => ownIds.has(a.id))).toBe(true);
    expect(mine.find((a) => a.id === second)).toMatchObject({ status: "submitted", reference: expect.any(String), requestStatus: "in_review" });
    for (const who of DEMO_ROLES.filter((k) => k !== "reviewer")) expect(await listMyAssignments(u[who])).toMatchObject({ rows: [], total: 0 });
  });

  it("a reviewer's assignments come in disjoint pages, newest first, counting only their own, and a page past the end shows the last", async () => {
    const own = await db.db
      .select({ id: reviewAssignments.id, createdAt: reviewAssignments.createdAt })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.reviewerId, u.reviewer.id));
    expect(own.length).toBeGreaterThan(2);
    const expected = own.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((a) => a.id);

    const first = await listMyAssignments(u.reviewer, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: own.length, page: 1, pageSize: 2, pageCount: Math.ceil(own.length / 2) });
    const pages = [first.rows.map((r) => r.id)];
    for (let page = 2; page <= first.pageCount; page++) {
      const next = await listMyAssignments(u.reviewer, { page, pageSize: 2 });
      expect(next.page).toBe(page);
      pages.push(next.rows.map((r) => r.id));
    }
    const paged = pages.flat();
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(expected);
    // Another reviewer's assignments are not counted in this one's total.
    const others = await db.db.select({ id: reviewAssignments.id }).from(reviewAssignments).where(eq(reviewAssignments.reviewerId, u.reviewer2.id));
    const theirs = await listMyAssignments(u.reviewer2, { pageSize: 100 });
    expect(theirs.total).toBe(others.length);
    expect(theirs.rows.some((r) => expected.includes(r.id))).toBe(false);

    const past = await listMyAssignments(u.reviewer, { page: 999, pageSize: 2 });
    expect(past.page).toBe(first.pageCount);
    expect(past.rows.map((r) => r.id)).toEqual(pages[pages.length - 1]);
  });
});

describe("what changed between revisions", () => {
  it("a reviewer sees what changed in the latest revision, and since the revision they scored", async () => {
    const { id: requestId } = await createRequest(u.gt, { ...validContent(), submit: true, creationKey: crypto.randomUUID() }, ctx);
    await db.db.update(assistanceRequests).set({ status: "in_review" }).where(eq(assistanceRequests.id, requestId));
    const scored = await activeAssignment(requestId, u.reviewer);
    const fresh = await getAssignmentForReviewer(u.reviewer, scored);
    expect(fresh.changes).toBeNull(); // first submission: nothing to compare
    await submitReview(u.reviewer, { ...review([3, 3, 3, 3]), assignmentId: scored }, ctx);

    // The office asks for changes; the state resubmits with a new title and cost; review resumes.
    await db.db.update(assistanceRequests).set({ status: "changes_requested" }).where(eq(assistanceRequests.id, requestId));
    const [r] = await db.db.select().from(assistanceRequests).where(eq(assistanceRequests.id, requestId));
    await saveRequest(u.gt, { ...validContent({ titleEs: "Equipos de marcaje láser para la PNC", estimatedCost: "200000" }), requestId, submit: true, expectedVersion: r.version }, ctx);
    await db.db.update(assistanceRequests).set({ status: "in_review" }).where(eq(assistanceRequests.id, requestId));

    const again = await getAssignmentForReviewer(u.reviewer, scored);
    expect(again.changes).toMatchObject({ basis: "sinceScored", fromNumber: 1, toNumber: 2 });
    expect(again.changes!.changed).toEqual(expect.arrayContaining(["titleEs", "estimatedCostMinor"]));
    expect(again.changes!.changed).not.toContain("narrativeEs");
    expect(again.changes!.programs.map((p) => p.id)).toEqual([oasMarking]);

    const newcomer = await activeAssignment(requestId, u.reviewer2);
    const view = await getAssignmentForReviewer(u.reviewer2, newcomer);
    expect(view.changes).toMatchObject({ basis: "sincePrevious", fromNumber: 1, toNumber: 2 });
    await submitReview(u.reviewer2, { ...review([4, 4, 4, 4]), assignmentId: newcomer }, ctx);
    expect((await assignmentRow(newcomer)).revisionNumber).toBe(2);

    const summary = await getReviewSummary(u.officer, requestId);
    const byReviewer = new Map(summary.groups[0].assignments.map((a) => [a.reviewerId, a]));
    expect(byReviewer.get(u.reviewer.id)).toMatchObject({ revisionNumber: 1, isOnEarlierRevision: true });
    expect(byReviewer.get(u.reviewer2.id)).toMatchObject({ revisionNumber: 2, isOnEarlierRevision: false });
  });
});

describe("scores in the database", () => {
  it("the check constraint backs the 1-5 range even if the domain layer were bypassed", async () => {
    const requestId = await requestInReview();
    const id = await activeAssignment(requestId, u.reviewer);
    await expect(db.db.insert(reviewScores).values({ assignmentId: id, criterionId: criteria[0].id, score: 6, comment: "x" })).rejects.toThrow();
  });
});
