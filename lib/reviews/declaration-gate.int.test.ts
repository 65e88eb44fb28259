// Until a reviewer declares no conflict of interest, and for good once recused, the request is closed to
// them: lookup, revisions, attachment download (the real route handler), comments (read and post), and
// the assignment page's data carries only title, country, category and the state's agencies.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { assistanceRequests, auditEvents, programs, requestComments, reviewAssignments, userRoles, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { addRequestAttachments } from "@/lib/attachments/mutations";
import { addComment } from "@/lib/comments/mutations";
import { getCommentAccess, listComments } from "@/lib/comments/queries";
import { NotFoundError } from "@/lib/errors";
import { createRequest, saveRequest } from "@/lib/requests/mutations";
import { findVisibleRequest, getRequest, getRequestTimeline, getRevisionComparison, listRequests } from "@/lib/requests/queries";
import { requestListFiltersSchema } from "@/lib/requests/schema";
import { pdf } from "@/test/attachment-files";
import { createTestDb, type TestDb } from "@/test/db";
import { session } from "@/test/route-session";
import { assignReviewers, declareConflict } from "./mutations";
import { getAssignmentForReviewer } from "./queries";
import { addDays, todayIso } from "@/lib/dates";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());

const { GET } = await import("@/app/requests/[id]/attachments/[attachmentId]/route");

const MARK = {
  title: "TITLE-MARKER-7f3a",
  narrative: "NARRATIVE-MARKER-7f3a",
  justification: "JUSTIFICATION-MARKER-7f3a",
  agencies: "AGENCY-MARKER-7f3a",
  attachment: "ATTACHMENT-MARKER-7f3a",
  comment: "COMMENT-MARKER-7f3a",
  cost: "987654", // 98765400 minor units
};
const SECRET_MARKERS = [MARK.narrative, MARK.justification, MARK.attachment, MARK.comment, MARK.cost, "98765400"];

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.9", userAgent: "vitest", baseUrl: "http://portal.test" };
let requestId: string;
let attachmentId: string;
let program: string;
const assignment: Record<string, string> = {};

async function reviewer(email: string, countryIso2: string | null = null): Promise<CurrentUser> {
  const [row] = await db.db.insert(users).values({ email, name: email.split("@")[0], locale: "en", countryIso2 }).returning({ id: users.id });
  await db.db.insert(userRoles).values({ userId: row.id, role: "reviewer" });
  return (await loadActiveUser(row.id))!;
}

async function assignmentOf(user: CurrentUser): Promise<string> {
  const [row] = await db.db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.requestId, requestId), eq(reviewAssignments.reviewerId, user.id)));
  return row.id;
}

async function commentCounts() {
  const [comments] = await db.db.select({ n: count() }).from(requestComments);
  const [audit] = await db.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.outcome, "success"));
  return { comments: comments.n, audit: audit.n };
}

const download = (user: CurrentUser | null) => {
  session.user = user;
  return GET(new Request(`http://portal.test/requests/${requestId}/attachments/${attachmentId}`), {
    params: Promise.resolve({ id: requestId, attachmentId }),
  });
};

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email] of Object.entries({ gt: "focal.gt@example.org", officer: "officer@example.org", pending: "reviewer@example.org" })) {
    const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key] = (await loadActiveUser(row.id))!;
  }
  u.cleared = await reviewer("reviewer.cleared@example.org");
  u.declared = await reviewer("reviewer.declared@example.org");
  u.auto = await reviewer("reviewer.gt@example.org", "GT");
  [{ id: program }] = await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, "oas-marking"));

  const content = {
    primaryLocale: "es",
    category: "marking_equipment",
    titleEs: MARK.title,
    narrativeEs: MARK.narrative,
    justificationEs: MARK.justification,
    details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: MARK.agencies },
    estimatedCost: MARK.cost,
    urgency: "high",
    desiredStartOn: addDays(todayIso(), 200),
    programIds: [program],
  };
  ({ id: requestId } = await createRequest(u.gt, { ...content, submit: false, creationKey: randomUUID() }, ctx));
  [{ id: attachmentId }] = await addRequestAttachments(u.gt, { requestId: requestId, files: [{ name: `${MARK.attachment}.pdf`, bytes: pdf() }] }, ctx);
  const [{ version }] = await db.db.select({ version: assistanceRequests.version }).from(assistanceRequests).where(eq(assistanceRequests.id, requestId));
  await saveRequest(u.gt, { ...content, requestId, submit: true, expectedVersion: version }, ctx);
  await db.db.execute(sql`UPDATE assistance_requests SET status = 'in_review' WHERE id = ${requestId}`);
  await addComment(u.officer, { requestId, visibility: "internal", body: MARK.comment }, ctx);

  await assignReviewers(u.officer, { reviewerIds: [u.pending.id, u.cleared.id, u.declared.id, u.auto.id], programId: program, requestId }, ctx);
  for (const key of ["pending", "cleared", "declared", "auto"]) assignment[key] = await assignmentOf(u[key]);
  await declareConflict(u.cleared, { hasConflict: false, assignmentId: assignment.cleared }, ctx);
  await declareConflict(u.declared, { hasConflict: true, reason: "I advised DIGECAM last year.", assignmentId: assignment.declared }, ctx);
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(() => {
  session.user = null;
});

const CLOSED = [
  ["awaiting the declaration", "pending"],
  ["recused by their declaration", "declared"],
  ["recused automatically", "auto"],
] as const;

describe("a reviewer who has not declared no conflict", () => {
  for (const [label, key] of CLOSED) {
    it(`${label}: the request, its timeline and its revisions are not found, and it is not listed`, async () => {
      expect(await findVisibleRequest(u[key], requestId)).toBeNull();
      await expect(getRequest(u[key], requestId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRequestTimeline(u[key], requestId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRevisionComparison(u[key], requestId, 1)).rejects.toBeInstanceOf(NotFoundError);
      const list = await listRequests(u[key], requestListFiltersSchema.parse({}));
      expect(list.rows.map((r) => r.id)).not.toContain(requestId);
    });

    it(`${label}: the attachment download route answers 404 without the file`, async () => {
      const res = await download(u[key]);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-disposition")).toBeNull();
      expect(await res.text()).not.toContain("%PDF");
    });

    it(`${label}: comments cannot be read, and posting is refused as not found with nothing written`, async () => {
      await expect(listComments(u[key], requestId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCommentAccess(u[key], requestId)).rejects.toBeInstanceOf(NotFoundError);
      const before = await commentCounts();
      await expect(addComment(u[key], { requestId, visibility: "internal", body: "Looks fine to me." }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect(await commentCounts()).toEqual(before);
    });

    it(`${label}: the assignment page's data holds title, country, category and agencies, nothing else of the request`, async () => {
      const view = await getAssignmentForReviewer(u[key], assignment[key]);
      expect(view.request.titleEs).toBe(MARK.title);
      expect(view.subject.country).toMatchObject({ iso2: "GT", nameEn: "Guatemala" });
      expect(view.subject.category).toBe("marking_equipment");
      expect(view.subject.agencies.map((a) => a.nameEn)).toContain("Directorate General for Arms and Munitions Control (DIGECAM)");
      expect(view.subject.namedAgencies).toEqual([MARK.agencies]);
      expect(view).toMatchObject({ detail: null, changes: null, peers: null, aggregate: null, canScore: false, isRecused: key !== "pending" });
      const json = JSON.stringify(view);
      for (const marker of SECRET_MARKERS) expect(json, marker).not.toContain(marker);
    });
  }

  it("the reviewer awaiting the declaration may still make it", async () => {
    const view = await getAssignmentForReviewer(u.pending, assignment.pending);
    expect(view.canDeclare).toBe(true);
  });
});

describe("a reviewer who declared no conflict keeps today's access", () => {
  it("sees the request, its revisions, its attachment, its comments, and may post an internal comment", async () => {
    expect((await getRequest(u.cleared, requestId)).narrativeEs).toBe(MARK.narrative);
    expect((await getRevisionComparison(u.cleared, requestId, 1)).current.number).toBe(1);
    const res = await download(u.cleared);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(MARK.attachment);
    expect((await listComments(u.cleared, requestId)).map((c) => c.body)).toContain(MARK.comment);
    const before = await commentCounts();
    await addComment(u.cleared, { requestId, visibility: "internal", body: "Checked the quantities." }, ctx);
    expect(await commentCounts()).toEqual({ comments: before.comments + 1, audit: before.audit + 1 });
    const view = await getAssignmentForReviewer(u.cleared, assignment.cleared);
    expect(view.detail?.narrativeEs).toBe(MARK.narrative);
    expect(view.detail?.attachments.map((a) => a.filename)).toEqual([`${MARK.attachment}.pdf`]);
    expect(view.canScore).toBe(true);
  });

  it("the pending reviewer, after declaring no conflict, sees the request too", async () => {
    await declareConflict(u.pending, { hasConflict: false, assignmentId: assignment.pending }, ctx);
    expect((await getRequest(u.pending, requestId)).justificationEs).toBe(MARK.justification);
    expect((await download(u.pending)).status).toBe(200);
    expect((await listComments(u.pending, requestId)).map((c) => c.body)).toContain(MARK.comment);
  });
});
