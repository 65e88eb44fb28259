import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, requestComments } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { createRequest } from "@/lib/requests/mutations";
import { getRequestTimeline } from "@/lib/requests/queries";
import { completeScreening } from "@/lib/screening/mutations";
import { createTestDb, type TestDb } from "@/test/db";
import {
  assignReviewer,
  counts,
  ctx,
  delta,
  errorKeys,
  guatemalaContent,
  inScreening,
  loadFixtures,
  requestRow,
  submitted,
  type Fixtures,
} from "@/test/officer-fixtures";
import { addComment } from "./mutations";
import { getCommentAccess, listComments } from "./queries";

let db: TestDb;
let f: Fixtures;

beforeAll(async () => {
  db = await createTestDb();
  f = await loadFixtures(db);
});
afterAll(async () => {
  await db.drop();
});

const INTERNAL = "Internal: the cost looks high compared with similar grants.";
const REVIEWER_NOTE = "Reviewer note: feasibility depends on the DIGECAM budget.";
const SHARED = "Could you confirm the number of operating agencies?";
const STATE = "Son dos instituciones: la PNC y la DIGECAM.";

/** A Guatemalan request with a comment of every kind: officer internal and shared, reviewer internal, the state's. */
async function discussed() {
  const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
  await assignReviewer(db, f, id);
  await addComment(f.u.officer, { requestId: id, visibility: "internal", body: INTERNAL }, ctx);
  await addComment(f.u.officer, { requestId: id, visibility: "shared", body: SHARED }, ctx);
  await addComment(f.u.reviewer, { requestId: id, visibility: "internal", body: REVIEWER_NOTE }, ctx);
  await addComment(f.u.gt, { requestId: id, visibility: "shared", body: STATE }, ctx);
  return id;
}

describe("adding comments", () => {
  it("an officer adds internal and shared comments, each with one audit event, the request unchanged", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    const r = await requestRow(db, id);
    const before = await counts(db);
    const { id: commentId } = await addComment(f.u.officer, { requestId: id, visibility: "internal", body: `  ${INTERNAL}  ` }, ctx);
    await addComment(f.u.officer, { requestId: id, visibility: "shared", body: SHARED }, ctx);
    expect(delta(before, await counts(db))).toEqual({ audit: 2, comments: 2 });
    expect(await requestRow(db, id)).toEqual(r);
    const [comment] = await db.db.select().from(requestComments).where(eq(requestComments.id, commentId));
    expect(comment).toMatchObject({ visibility: "internal", body: INTERNAL, authorId: f.u.officer.id });
    const [audit] = await db.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, commentId), eq(auditEvents.action, "comment.add")));
    expect(audit).toMatchObject({ entityType: "request_comment", actorUserId: f.u.officer.id, details: { requestId: id, visibility: "internal" } });
  });

  it("the state's focal point adds shared comments on its own request", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    const before = await counts(db);
    await addComment(f.u.gt, { requestId: id, visibility: "shared", body: STATE }, ctx);
    expect(delta(before, await counts(db))).toEqual({ audit: 1, comments: 1 });
  });

  it("the state cannot add an internal comment: refused with a message, nothing written", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    const before = await counts(db);
    const error = await addComment(f.u.gt, { requestId: id, visibility: "internal", body: STATE }, ctx).catch((e) => e);
    expect(errorKeys(error)).toMatchObject({ visibility: "officer.errors.internalNotAllowed" });
    expect(await counts(db)).toEqual(before);
  });

  it("an assigned reviewer adds internal comments only", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    await assignReviewer(db, f, id);
    const before = await counts(db);
    await addComment(f.u.reviewer, { requestId: id, visibility: "internal", body: REVIEWER_NOTE }, ctx);
    const error = await addComment(f.u.reviewer, { requestId: id, visibility: "shared", body: REVIEWER_NOTE }, ctx).catch((e) => e);
    expect(errorKeys(error)).toMatchObject({ visibility: "officer.errors.sharedNotAllowed" });
    expect(delta(before, await counts(db))).toEqual({ audit: 1, comments: 1 });
  });

  it("an unassigned or recused reviewer cannot comment (not found)", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    const before = await counts(db);
    await expect(addComment(f.u.reviewer, { requestId: id, visibility: "internal", body: REVIEWER_NOTE }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await assignReviewer(db, f, id, "recused");
    await expect(addComment(f.u.reviewer, { requestId: id, visibility: "internal", body: REVIEWER_NOTE }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts(db)).toEqual(before);
  });

  for (const who of ["jm", "partner", "approver", "donor", "admin"] as const) {
    it(`${who} cannot comment on Guatemala's request (not found), nothing written`, async () => {
      const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
      const before = await counts(db);
      for (const visibility of ["internal", "shared"]) {
        await expect(addComment(f.u[who], { requestId: id, visibility, body: SHARED }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      }
      expect(await counts(db)).toEqual(before);
    });
  }

  it("officers cannot comment on a draft they cannot see (not found); the state cannot comment on its draft", async () => {
    const { id } = await createRequest(f.u.gt, { ...guatemalaContent([]), submit: false, creationKey: crypto.randomUUID() }, ctx);
    const before = await counts(db);
    await expect(addComment(f.u.officer, { requestId: id, visibility: "shared", body: SHARED }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    const error = await addComment(f.u.gt, { requestId: id, visibility: "shared", body: STATE }, ctx).catch((e) => e);
    expect(errorKeys(error)).toEqual({ _form: "requests.errors.notAllowed" });
    expect(await counts(db)).toEqual(before);
  });

  const bad: [string, Record<string, unknown>, Record<string, string>][] = [
    ["an empty body", { visibility: "shared", body: "" }, { body: "officer.errors.commentRequired" }],
    ["a body of spaces", { visibility: "shared", body: "   \n  " }, { body: "officer.errors.commentRequired" }],
    ["a body over 5,000 characters", { visibility: "shared", body: "x".repeat(5001) }, { body: "officer.errors.commentTooLong" }],
    ["an unknown visibility", { visibility: "public", body: SHARED }, { visibility: "officer.errors.chooseVisibility" }],
    ["no visibility", { body: SHARED }, { visibility: "officer.errors.chooseVisibility" }],
    ["an author sent by the client", { visibility: "shared", body: SHARED, authorId: "someone" }, { _form: "common.errors.invalidInput" }],
  ];
  for (const [name, input, expected] of bad) {
    it(`refuses ${name} with a message key, nothing written`, async () => {
      const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
      const before = await counts(db);
      expect(errorKeys(await addComment(f.u.officer, { ...input, requestId: id }, ctx).catch((e) => e))).toMatchObject(expected);
      expect(await counts(db)).toEqual(before);
    });
  }
});

describe("reading comments", () => {
  it("officers see every comment, oldest first, with author names", async () => {
    const id = await discussed();
    const rows = await listComments(f.u.officer, id);
    expect(rows.map((c) => [c.visibility, c.body, c.authorName, c.isProgramOffice])).toEqual([
      ["internal", INTERNAL, "Daniel Reyes", true],
      ["shared", SHARED, "Daniel Reyes", true],
      ["internal", REVIEWER_NOTE, "Grace Thompson", true],
      ["shared", STATE, "Ana López", false],
    ]);
  });

  it("an assigned reviewer sees every comment too", async () => {
    const id = await discussed();
    expect((await listComments(f.u.reviewer, id)).map((c) => c.body)).toEqual([INTERNAL, SHARED, REVIEWER_NOTE, STATE]);
  });

  it("the state sees shared comments only, staff as 'Program office', never an internal comment or a reviewer's name", async () => {
    const id = await discussed();
    const rows = await listComments(f.u.gt, id);
    expect(rows.map((c) => [c.visibility, c.body, c.authorName, c.isProgramOffice])).toEqual([
      ["shared", SHARED, null, true],
      ["shared", STATE, "Ana López", false],
    ]);
    const everything = JSON.stringify([rows, await listComments(f.u.gt, id), await getRequestTimeline(f.u.gt, id)]);
    for (const hidden of [INTERNAL, REVIEWER_NOTE, "Grace Thompson", "Daniel Reyes", f.u.reviewer.id, f.u.officer.id]) {
      expect(everything).not.toContain(hidden);
    }
  });

  it("the message of a change request reaches the state as a shared comment from the program office", async () => {
    const id = await inScreening(db, f, guatemalaContent([f.program.oasMarking]));
    const message = "Please attach the quotation for the machines.";
    await completeScreening(f.u.officer, { requestId: id, outcome: "request_changes", message, expectedVersion: (await requestRow(db, id)).version }, ctx);
    expect(await listComments(f.u.gt, id)).toMatchObject([{ visibility: "shared", body: message, authorName: null, isProgramOffice: true }]);
  });

  it("tells each user which comments they may post", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    expect(await getCommentAccess(f.u.officer, id)).toEqual({ viewer: "officer", mayReadInternal: true, mayPost: ["internal", "shared"] });
    expect(await getCommentAccess(f.u.gt, id)).toEqual({ viewer: "state", mayReadInternal: false, mayPost: ["shared"] });
    await expect(getCommentAccess(f.u.reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
    await assignReviewer(db, f, id);
    expect(await getCommentAccess(f.u.reviewer, id)).toEqual({ viewer: "reviewer", mayReadInternal: true, mayPost: ["internal"] });
  });

  for (const who of ["jm", "partner", "approver", "donor", "admin"] as const) {
    it(`${who} cannot read Guatemala's comments (not found)`, async () => {
      const id = await discussed();
      await expect(listComments(f.u[who], id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCommentAccess(f.u[who], id)).rejects.toBeInstanceOf(NotFoundError);
    });
  }

  it("a recused reviewer can no longer read them (not found)", async () => {
    const id = await discussed();
    await assignReviewer(db, f, id, "recused");
    await expect(listComments(f.u.reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
