import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { requestComments, requestDecisions } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import {
  assignReviewer,
  auditActions,
  counts,
  ctx,
  delta,
  errorKeys,
  guatemalaContent,
  inReview,
  inScreening,
  jamaicaContent,
  letterPayloads,
  lettersFor,
  loadFixtures,
  NOT_OFFICERS,
  requestRow,
  submitted,
  type Fixtures,
} from "@/test/officer-fixtures";
import { decideRequest } from "./mutations";
import { listDecisions } from "./queries";

let db: TestDb;
let f: Fixtures;

beforeAll(async () => {
  db = await createTestDb();
  f = await loadFixtures(db);
});
afterAll(async () => {
  await db.drop();
});

const MEMO = "The committee approves the request for the full amount.";

async function reviewed() {
  return inReview(db, f, guatemalaContent([f.program.oasMarking]), f.program.oasMarking);
}

async function decide(id: string, input: Record<string, unknown>, who = f.u.officer) {
  const { version } = await requestRow(db, id);
  return decideRequest(who, { requestId: id, expectedVersion: version, ...input }, ctx);
}

describe("deciding on a request in review", () => {
  it("approve: approved, one audit event, one decision, a Spanish decision letter to Guatemala", async () => {
    const id = await reviewed();
    const before = await counts(db);
    const result = await decide(id, { decision: "approve", memo: MEMO });
    expect(result.status).toBe("approved");
    expect(delta(before, await counts(db))).toEqual({ audit: 1, decisions: 1, outbox: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.approve");
    expect(await lettersFor(db, id)).toEqual(["decision-letter:es:focal.gt@example.org"]);
    expect((await letterPayloads(db, id))[0]).toMatchObject({
      decision: "approve",
      memo: MEMO,
      title: "Equipos de marcaje para la PNC",
      url: `http://portal.test/requests/${id}`,
    });
    const rows = await db.db.select().from(requestDecisions).where(eq(requestDecisions.requestId, id));
    expect(rows).toMatchObject([{ id: result.decisionId, decision: "approve", memo: MEMO, decidedById: f.u.officer.id }]);
  });

  it("reject: rejected, one decision, a decision letter", async () => {
    const id = await reviewed();
    const before = await counts(db);
    const result = await decide(id, { decision: "reject", memo: "The reviewers found the request not feasible." });
    expect(result.status).toBe("rejected");
    expect(delta(before, await counts(db))).toEqual({ audit: 1, decisions: 1, outbox: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.reject");
    expect((await letterPayloads(db, id))[0]).toMatchObject({ decision: "reject" });
  });

  it("request changes: back to the state, the memo as a shared comment and a changes-requested mail", async () => {
    const id = await reviewed();
    const before = await counts(db);
    const memo = "Please split the request into two phases.";
    const result = await decide(id, { decision: "request_changes", memo });
    expect(result.status).toBe("changes_requested");
    expect(delta(before, await counts(db))).toEqual({ audit: 1, decisions: 1, comments: 1, outbox: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.requestChanges");
    expect(await lettersFor(db, id)).toEqual(["changes-requested:es:focal.gt@example.org"]);
    expect((await letterPayloads(db, id))[0]).toMatchObject({ message: memo });
    const comments = await db.db.select().from(requestComments).where(eq(requestComments.requestId, id));
    expect(comments).toMatchObject([{ visibility: "shared", body: memo }]);
  });

  it("a Jamaican request's letter goes in English", async () => {
    const id = await inReview(db, f, jamaicaContent([f.program.cbsi]), f.program.cbsi);
    await decide(id, { decision: "approve", memo: MEMO });
    expect(await lettersFor(db, id)).toEqual(["decision-letter:en:focal.jm@example.org"]);
    expect((await letterPayloads(db, id))[0]).toMatchObject({ title: "eTrace accounts for the JCF" });
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot decide (not found) and nothing changes`, async () => {
      const id = await reviewed();
      if (who === "reviewer") await assignReviewer(db, f, id);
      const r = await requestRow(db, id);
      const before = await counts(db);
      for (const decision of ["approve", "reject", "request_changes"]) {
        await expect(decideRequest(f.u[who], { requestId: id, decision, memo: MEMO, expectedVersion: r.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      }
      expect(await counts(db)).toEqual(before);
      expect(await requestRow(db, id)).toEqual(r);
    });
  }

  it("an unknown request is not found", async () => {
    await expect(decideRequest(f.u.officer, { requestId: crypto.randomUUID(), decision: "approve", memo: MEMO, expectedVersion: 1 }, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("bad input is refused with a message key and changes nothing", () => {
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    ["a memo under 10 characters", { decision: "approve", memo: "OK, fine." }, { memo: "officer.errors.memoTooShort" }],
    ["a memo of spaces", { decision: "approve", memo: "              " }, { memo: "officer.errors.memoRequired" }],
    ["no memo", { decision: "reject" }, { memo: "officer.errors.memoRequired" }],
    ["a memo over 10,000 characters", { decision: "approve", memo: "x".repeat(10_001) }, { memo: "officer.errors.memoTooLong" }],
    ["an unknown decision", { decision: "award", memo: MEMO }, { decision: "officer.errors.chooseDecision" }],
    ["an unexpected field", { decision: "approve", memo: MEMO, status: "awarded" }, { _form: "common.errors.invalidInput" }],
  ];
  for (const [name, input, expected] of cases) {
    it(name, async () => {
      const id = await reviewed();
      const r = await requestRow(db, id);
      const before = await counts(db);
      const error = await decide(id, input).catch((e) => e);
      expect(errorKeys(error)).toMatchObject(expected);
      expect(await counts(db)).toEqual(before);
      expect(await requestRow(db, id)).toEqual(r);
    });
  }

  it("a stale version is a conflict and nothing changes", async () => {
    const id = await reviewed();
    const r = await requestRow(db, id);
    const before = await counts(db);
    await expect(decideRequest(f.u.officer, { requestId: id, decision: "approve", memo: MEMO, expectedVersion: r.version - 1 }, ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(await counts(db)).toEqual(before);
    expect(await requestRow(db, id)).toEqual(r);
  });
});

describe("a decision where it is not allowed", () => {
  const states: [string, () => Promise<string>][] = [
    ["submitted", () => submitted(f.u.gt, guatemalaContent([f.program.oasMarking]))],
    ["in screening", () => inScreening(db, f, guatemalaContent([f.program.oasMarking]))],
    [
      "already approved",
      async () => {
        const id = await reviewed();
        await decide(id, { decision: "approve", memo: MEMO });
        return id;
      },
    ],
  ];
  for (const [state, make] of states) {
    it(`on a request ${state}: refused as not allowed, nothing changes`, async () => {
      const id = await make();
      const r = await requestRow(db, id);
      const before = await counts(db);
      for (const decision of ["approve", "reject", "request_changes"]) {
        const error = await decideRequest(f.u.officer, { requestId: id, decision, memo: MEMO, expectedVersion: r.version }, ctx).catch((e) => e);
        expect(errorKeys(error)).toEqual({ _form: "requests.errors.notAllowed" });
      }
      expect(await counts(db)).toEqual(before);
      expect(await requestRow(db, id)).toEqual(r);
    });
  }
});

describe("two officers deciding at once", () => {
  it("one wins, the other is told the request changed; one decision, one letter, one audit event", async () => {
    const id = await reviewed();
    const r = await requestRow(db, id);
    const before = await counts(db);
    const outcomes = await Promise.allSettled([
      decideRequest(f.u.officer, { requestId: id, decision: "approve", memo: MEMO, expectedVersion: r.version }, ctx),
      decideRequest(f.u.officer2, { requestId: id, decision: "reject", memo: "Not feasible within the period.", expectedVersion: r.version }, ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(delta(before, await counts(db))).toEqual({ audit: 1, decisions: 1, outbox: 1, versions: 1 });
    expect(await lettersFor(db, id)).toHaveLength(1);
    expect(await db.db.select().from(requestDecisions).where(eq(requestDecisions.requestId, id))).toHaveLength(1);
  });

  it("the same approval sent twice at once is applied once", async () => {
    const id = await reviewed();
    const r = await requestRow(db, id);
    const input = { decision: "approve", memo: MEMO, expectedVersion: r.version };
    const outcomes = await Promise.allSettled([decideRequest(f.u.officer, { ...input, requestId: id }, ctx), decideRequest(f.u.officer, { ...input, requestId: id }, ctx)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await lettersFor(db, id)).toHaveLength(1);
  });
});

describe("the decision letters", () => {
  it("the state reads its letters without the officer's name; officers see who decided", async () => {
    const id = await reviewed();
    await decide(id, { decision: "approve", memo: MEMO });
    const forState = await listDecisions(f.u.gt, id);
    expect(forState).toMatchObject([{ decision: "approve", memo: MEMO, decidedByName: null }]);
    expect(JSON.stringify(forState)).not.toContain("Daniel Reyes");
    expect(await listDecisions(f.u.officer, id)).toMatchObject([{ decision: "approve", decidedByName: "Daniel Reyes" }]);
  });

  it("a reject at screening is a letter too", async () => {
    const id = await inScreening(db, f, guatemalaContent([f.program.oasMarking]));
    const { completeScreening } = await import("@/lib/screening/mutations");
    await completeScreening(f.u.officer, { requestId: id, outcome: "reject", message: "Outside the program's mandate.", expectedVersion: (await requestRow(db, id)).version }, ctx);
    expect(await listDecisions(f.u.gt, id)).toMatchObject([{ decision: "reject", memo: "Outside the program's mandate." }]);
  });

  it("an assigned reviewer may read them (without names); an unassigned or recused one may not", async () => {
    const id = await reviewed();
    await decide(id, { decision: "request_changes", memo: "Please split the request into phases." });
    await expect(listDecisions(f.u.reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
    await assignReviewer(db, f, id, "active");
    expect(await listDecisions(f.u.reviewer, id)).toMatchObject([{ decision: "request_changes", decidedByName: null }]);
    await assignReviewer(db, f, id, "recused");
    await expect(listDecisions(f.u.reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  for (const who of ["jm", "partner", "approver", "donor", "admin"] as const) {
    it(`${who} cannot read another state's letters (not found)`, async () => {
      const id = await reviewed();
      await decide(id, { decision: "approve", memo: MEMO });
      await expect(listDecisions(f.u[who], id)).rejects.toBeInstanceOf(NotFoundError);
    });
  }
});
