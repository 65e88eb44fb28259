import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/comments/mutations";
import { createTestDb, type TestDb } from "@/test/db";
import { ctx, guatemalaContent, inReview, loadFixtures, submitted, type Fixtures } from "@/test/officer-fixtures";
import { loadRequestPanels } from "./panels";

let db: TestDb;
let f: Fixtures;

beforeAll(async () => {
  db = await createTestDb();
  f = await loadFixtures(db);
});
afterAll(async () => {
  await db.drop();
});

describe("the request page's panels", () => {
  it("a request in review: the officer gets screening, matching, reviews with the assign options, the decision and the comments", async () => {
    const id = await inReview(db, f, guatemalaContent([f.program.oasMarking]), f.program.oasMarking);
    await addComment(f.u.officer, { requestId: id, visibility: "internal", body: "The cost looks high." }, ctx);
    const panels = await loadRequestPanels(f.u.officer, id);
    expect(panels.screening).toMatchObject({ canStart: false, canComplete: false });
    expect(panels.screening?.screenings).toHaveLength(1);
    expect(panels.matching?.ranked.map((p) => p.id)).toContain(f.program.oasMarking);
    expect(panels.reviews).toMatchObject({ isOpen: true, summary: { request: { id } } });
    expect(panels.reviews?.reviewers.length).toBeGreaterThan(0);
    expect(panels.decision).toMatchObject({ canDecide: true, request: { id } });
    expect(panels.letters).toEqual([]);
    expect(panels.award).toMatchObject({ requestId: id, canCreate: false, awards: [] });
    expect(panels.comments?.access).toMatchObject({ viewer: "officer", mayReadInternal: true });
    expect(panels.comments?.comments).toHaveLength(1);
  });

  it("the state's focal point gets only what the state sees: no officer panels, shared comments only", async () => {
    const id = await inReview(db, f, guatemalaContent([f.program.oasMarking]), f.program.oasMarking);
    await addComment(f.u.officer, { requestId: id, visibility: "internal", body: "The cost looks high." }, ctx);
    await addComment(f.u.officer, { requestId: id, visibility: "shared", body: "Could you confirm the agencies?" }, ctx);
    const panels = await loadRequestPanels(f.u.gt, id);
    expect(panels).toMatchObject({ screening: null, matching: null, reviews: null, decision: null, letters: [] });
    expect(panels.award).toMatchObject({ canCreate: false, awards: [] });
    expect(panels.comments?.access).toMatchObject({ viewer: "state", mayReadInternal: false, mayPost: ["shared"] });
    expect(panels.comments?.comments.map((c) => c.visibility)).toEqual(["shared"]);
  });

  it("a submitted request offers the officer the start of screening, neither the assignment of reviewers nor a decision", async () => {
    const id = await submitted(f.u.gt, guatemalaContent([f.program.oasMarking]));
    const panels = await loadRequestPanels(f.u.officer, id);
    expect(panels.screening).toMatchObject({ canStart: true, canComplete: false, screenings: [] });
    expect(panels.matching).not.toBeNull();
    expect(panels.reviews).toMatchObject({ isOpen: false, reviewers: [], programs: [], partners: [] });
    expect(panels.decision).toMatchObject({ canDecide: false });
  });

  it("another country's focal point gets nothing at all", async () => {
    const id = await inReview(db, f, guatemalaContent([f.program.oasMarking]), f.program.oasMarking);
    expect(await loadRequestPanels(f.u.jm, id)).toEqual({
      screening: null,
      matching: null,
      reviews: null,
      decision: null,
      letters: null,
      award: null,
      comments: null,
    });
  });
});
