import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { programs, requestComments, requestDecisions, requestScreenings } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { rankProgramsForRequest } from "@/lib/matching/queries";
import { saveRequest } from "@/lib/requests/mutations";
import { listEligiblePrograms } from "@/lib/requests/queries";
import { createTestDb, type TestDb } from "@/test/db";
import {
  assignReviewer,
  auditActions,
  counts,
  ctx,
  delta,
  errorKeys,
  FULL_CHECKLIST,
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
import { completeScreening, startScreening } from "./mutations";
import { getScreeningContext } from "./queries";

let db: TestDb;
let f: Fixtures;

beforeAll(async () => {
  db = await createTestDb();
  f = await loadFixtures(db);
});
afterAll(async () => {
  await db.drop();
});

const gtContent = () => guatemalaContent([f.program.oasMarking]);

async function complete(id: string, input: Record<string, unknown>, who = f.u.officer) {
  const { version } = await requestRow(db, id);
  return completeScreening(who, { requestId: id, expectedVersion: version, checklist: FULL_CHECKLIST, ...input }, ctx);
}

describe("starting a screening", () => {
  it("an officer takes a submitted request into screening: one audit event, no mail", async () => {
    const id = await submitted(f.u.gt, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    const moved = await startScreening(f.u.officer, { requestId: id, expectedVersion: r.version }, ctx);
    expect(moved).toEqual({ status: "screening", version: r.version + 1 });
    expect(delta(before, await counts(db))).toEqual({ audit: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.startScreening");
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot start a screening (not found) and nothing changes`, async () => {
      const id = await submitted(f.u.gt, gtContent());
      if (who === "reviewer") await assignReviewer(db, f, id);
      const r = await requestRow(db, id);
      const before = await counts(db);
      await expect(startScreening(f.u[who], { requestId: id, expectedVersion: r.version }, ctx)).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts(db)).toEqual(before);
      expect(await requestRow(db, id)).toEqual(r);
    });
  }

  it("a draft is invisible to officers (not found)", async () => {
    const { createRequest } = await import("@/lib/requests/mutations");
    const { id } = await createRequest(f.u.gt, { ...gtContent(), submit: false, creationKey: crypto.randomUUID() }, ctx);
    await expect(startScreening(f.u.officer, { requestId: id, expectedVersion: 1 }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startScreening(f.u.officer, { requestId: "not-a-uuid", expectedVersion: 1 }, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a request already in screening cannot be started again (not allowed), nothing changes", async () => {
    const id = await inScreening(db, f, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    const error = await startScreening(f.u.officer, { requestId: id, expectedVersion: r.version }, ctx).catch((e) => e);
    expect(errorKeys(error)).toEqual({ _form: "requests.errors.notAllowed" });
    expect(await counts(db)).toEqual(before);
  });

  it("a stale version is a conflict, and a version that is not a number is refused", async () => {
    const id = await submitted(f.u.gt, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    await expect(startScreening(f.u.officer, { requestId: id, expectedVersion: r.version - 1 || 99 }, ctx)).rejects.toBeInstanceOf(ConflictError);
    await expect(startScreening(f.u.officer, { requestId: id, expectedVersion: "abc" }, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await counts(db)).toEqual(before);
    expect(await requestRow(db, id)).toEqual(r);
  });

  it("two officers starting at once: one wins, the other is told the request changed", async () => {
    const id = await submitted(f.u.gt, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    const outcomes = await Promise.allSettled([
      startScreening(f.u.officer, { requestId: id, expectedVersion: r.version }, ctx),
      startScreening(f.u.officer2, { requestId: id, expectedVersion: r.version }, ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(delta(before, await counts(db))).toEqual({ audit: 1, versions: 1 });
  });
});

describe("the screening context", () => {
  it("shows the officer the programs for the country with their automatic checks, eligible ones first", async () => {
    const id = await inScreening(db, f, gtContent());
    const context = await getScreeningContext(f.u.officer, id);
    expect(context.canComplete).toBe(true);
    expect(context.canStart).toBe(false);
    const ids = context.programs.map((p) => p.id);
    // Guatemala: OAS marking (marking equipment) and Merida (not marking); CBSI and UNLIREC do not fund GT.
    expect(ids).toEqual([f.program.oasMarking, f.program.meridaCa]);
    const [oas, merida] = context.programs;
    expect(oas).toMatchObject({
      isEligible: true,
      isSuggested: true,
      checks: { countryEligible: true, categoryEligible: true, withinRemainingFunds: true, withinAwardCap: true },
    });
    expect(merida).toMatchObject({ isEligible: false, isSuggested: false, checks: { countryEligible: true, categoryEligible: false } });
    expect(context.screenings).toEqual([]);
  });

  it("fails the funds and cap checks when the program cannot cover the cost", async () => {
    const id = await inScreening(db, f, gtContent());
    await db.db.update(programs).set({ perAwardCapMinor: 100_000 }).where(eq(programs.id, f.program.oasMarking));
    try {
      const context = await getScreeningContext(f.u.officer, id);
      expect(context.programs[0].checks).toMatchObject({ withinRemainingFunds: true, withinAwardCap: false });
    } finally {
      await db.db.update(programs).set({ perAwardCapMinor: null }).where(eq(programs.id, f.program.oasMarking));
    }
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot read the screening context (not found)`, async () => {
      const id = await inScreening(db, f, gtContent());
      if (who === "reviewer") await assignReviewer(db, f, id);
      await expect(getScreeningContext(f.u[who], id)).rejects.toBeInstanceOf(NotFoundError);
    });
  }
});

describe("completing a screening", () => {
  it("send to review: in review, one audit event, the screening with the server's checks, no mail", async () => {
    const id = await inScreening(db, f, gtContent());
    const before = await counts(db);
    const result = await complete(id, { programId: f.program.oasMarking, outcome: "send_to_review", message: "Looks complete, internal note." });
    expect(result.status).toBe("in_review");
    expect(delta(before, await counts(db))).toEqual({ audit: 1, screenings: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.sendToReview");
    const [screening] = await db.db.select().from(requestScreenings).where(eq(requestScreenings.requestId, id));
    expect(screening).toMatchObject({
      id: result.screeningId,
      programId: f.program.oasMarking,
      outcome: "send_to_review",
      checklist: FULL_CHECKLIST,
      automaticChecks: { countryEligible: true, categoryEligible: true, withinRemainingFunds: true, withinAwardCap: true },
      screenedById: f.u.officer.id,
    });
    expect(await lettersFor(db, id)).toEqual([]);
    const context = await getScreeningContext(f.u.officer, id);
    expect(context.screenings).toHaveLength(1);
    expect(context.screenings[0]).toMatchObject({ outcome: "send_to_review", screenedByName: "Daniel Reyes", programNameEn: "OAS Firearms Marking Program" });
  });

  it("request changes: the message becomes a shared comment and a Spanish mail to Guatemala's focal point", async () => {
    const id = await inScreening(db, f, gtContent());
    const before = await counts(db);
    const message = "Please detail the operating agencies and the training plan.";
    const result = await complete(id, { programId: f.program.oasMarking, outcome: "request_changes", message });
    expect(result.status).toBe("changes_requested");
    expect(delta(before, await counts(db))).toEqual({ audit: 1, screenings: 1, comments: 1, outbox: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.requestChanges");
    expect(await lettersFor(db, id)).toEqual(["changes-requested:es:focal.gt@example.org"]);
    const [payload] = await letterPayloads(db, id);
    expect(payload).toMatchObject({ title: "Equipos de marcaje para la PNC", message, url: `http://portal.test/requests/${id}` });
    const comments = await db.db.select().from(requestComments).where(eq(requestComments.requestId, id));
    expect(comments).toMatchObject([{ visibility: "shared", body: message, authorId: f.u.officer.id }]);
  });

  it("request changes on a Jamaican request: the mail goes in English", async () => {
    const id = await inScreening(db, f, jamaicaContent([f.program.cbsi]));
    await complete(id, { outcome: "request_changes", message: "Please attach the list of agencies." });
    expect(await lettersFor(db, id)).toEqual(["changes-requested:en:focal.jm@example.org"]);
  });

  it("the state edits and resubmits after changes were requested, and screening starts again", async () => {
    const id = await inScreening(db, f, gtContent());
    await complete(id, { outcome: "request_changes", message: "Please detail the operating agencies." });
    const r = await requestRow(db, id);
    const saved = await saveRequest(f.u.gt, { ...guatemalaContent([f.program.oasMarking], { details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC, DIGECAM, Ministerio de Defensa" } }), requestId: id, submit: true, expectedVersion: r.version }, ctx);
    expect(saved.status).toBe("submitted");
    await expect(startScreening(f.u.officer, { requestId: id, expectedVersion: saved.version }, ctx)).resolves.toMatchObject({ status: "screening" });
  });

  it("reject: a decision with the message as memo and a Spanish decision letter", async () => {
    const id = await inScreening(db, f, gtContent());
    const before = await counts(db);
    const message = "The request falls outside the program's mandate.";
    const result = await complete(id, { outcome: "reject", message, checklist: { noProhibitedData: true } });
    expect(result.status).toBe("rejected");
    expect(delta(before, await counts(db))).toEqual({ audit: 1, screenings: 1, decisions: 1, outbox: 1, versions: 1 });
    expect((await auditActions(db, id)).at(-1)).toBe("request.reject");
    expect(await lettersFor(db, id)).toEqual(["decision-letter:es:focal.gt@example.org"]);
    expect((await letterPayloads(db, id))[0]).toMatchObject({ decision: "reject", memo: message });
    const decisions = await db.db.select().from(requestDecisions).where(eq(requestDecisions.requestId, id));
    expect(decisions).toMatchObject([{ decision: "reject", memo: message, decidedById: f.u.officer.id }]);
    const [screening] = await db.db.select().from(requestScreenings).where(eq(requestScreenings.requestId, id));
    expect(screening).toMatchObject({ programId: null, automaticChecks: {}, checklist: { ...Object.fromEntries(Object.keys(FULL_CHECKLIST).map((k) => [k, false])), noProhibitedData: true } });
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot complete a screening (not found) and nothing changes`, async () => {
      const id = await inScreening(db, f, gtContent());
      if (who === "reviewer") await assignReviewer(db, f, id);
      const r = await requestRow(db, id);
      const before = await counts(db);
      for (const outcome of ["send_to_review", "request_changes", "reject"]) {
        await expect(
          completeScreening(f.u[who], { requestId: id, programId: f.program.oasMarking, checklist: FULL_CHECKLIST, outcome, message: "A long enough message.", expectedVersion: r.version }, ctx),
        ).rejects.toBeInstanceOf(NotFoundError);
      }
      expect(await counts(db)).toEqual(before);
      expect(await requestRow(db, id)).toEqual(r);
    });
  }
});

describe("bad input is refused with a message key and changes nothing", () => {
  const cases: [string, () => Record<string, unknown>, Record<string, string>][] = [
    ["a message under 10 characters", () => ({ outcome: "request_changes", message: "Too short" }), { message: "officer.errors.messageTooShort" }],
    ["a message of spaces only", () => ({ outcome: "reject", message: "           " }), { message: "officer.errors.messageRequired" }],
    ["no message when rejecting", () => ({ outcome: "reject" }), { message: "officer.errors.messageRequired" }],
    ["a message over 5,000 characters", () => ({ outcome: "reject", message: "x".repeat(5001) }), { message: "officer.errors.messageTooLong" }],
    ["an unknown outcome", () => ({ outcome: "approve", message: "A long enough message." }), { outcome: "officer.errors.chooseOutcome" }],
    ["no outcome", () => ({ outcome: "" }), { outcome: "officer.errors.chooseOutcome" }],
    ["a program that does not fund the category", () => ({ outcome: "send_to_review", programId: f.program.meridaCa }), { programId: "officer.errors.programNotEligible" }],
    ["a program that does not fund the country", () => ({ outcome: "reject", message: "A long enough message.", programId: f.program.cbsi }), { programId: "officer.errors.programNotEligible" }],
    ["a program that does not exist", () => ({ outcome: "send_to_review", programId: crypto.randomUUID() }), { programId: "officer.errors.programNotEligible" }],
    ["a program id that is not an id", () => ({ outcome: "send_to_review", programId: "oas" }), { programId: "officer.errors.programNotEligible" }],
    ["sending to review without a program", () => ({ outcome: "send_to_review" }), { programId: "officer.errors.programRequired" }],
    ["sending to review with an incomplete checklist", () => ({ outcome: "send_to_review", programId: f.program.oasMarking, checklist: { ...FULL_CHECKLIST, noProhibitedData: false } }), { checklist: "officer.errors.checklistIncomplete" }],
    ["a checklist with an unknown item", () => ({ outcome: "send_to_review", programId: f.program.oasMarking, checklist: { ...FULL_CHECKLIST, serialNumbersChecked: true } }), { checklist: "officer.errors.checklistUnknown" }],
    ["a checklist item that is not a yes/no", () => ({ outcome: "send_to_review", programId: f.program.oasMarking, checklist: { ...FULL_CHECKLIST, narrativeClear: "yes" } }), { "checklist.narrativeClear": "officer.errors.checklistValue" }],
    ["automatic checks sent by the client", () => ({ outcome: "send_to_review", programId: f.program.oasMarking, automaticChecks: { countryEligible: true } }), { _form: "common.errors.invalidInput" }],
  ];

  for (const [name, input, expected] of cases) {
    it(name, async () => {
      const id = await inScreening(db, f, gtContent());
      const r = await requestRow(db, id);
      const before = await counts(db);
      const error = await complete(id, input()).catch((e) => e);
      expect(errorKeys(error)).toMatchObject(expected);
      expect(await counts(db)).toEqual(before);
      expect(await requestRow(db, id)).toEqual(r);
    });
  }

  it("a stale version is a conflict and nothing changes", async () => {
    const id = await inScreening(db, f, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    const error = await completeScreening(f.u.officer, { requestId: id, programId: f.program.oasMarking, checklist: FULL_CHECKLIST, outcome: "send_to_review", expectedVersion: r.version - 1 }, ctx).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(await counts(db)).toEqual(before);
    expect(await requestRow(db, id)).toEqual(r);
  });
});

describe("a screening outcome where it is not allowed", () => {
  it("on a submitted request (screening not started): not allowed, nothing changes", async () => {
    const id = await submitted(f.u.gt, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    for (const outcome of ["send_to_review", "request_changes", "reject"]) {
      const error = await completeScreening(f.u.officer, { requestId: id, programId: f.program.oasMarking, checklist: FULL_CHECKLIST, outcome, message: "A long enough message.", expectedVersion: r.version }, ctx).catch((e) => e);
      expect(errorKeys(error)).toEqual({ _form: "requests.errors.notAllowed" });
    }
    expect(await counts(db)).toEqual(before);
    expect(await requestRow(db, id)).toEqual(r);
  });

  it("on a request already in review (a decision's job): not allowed, nothing changes", async () => {
    const id = await inReview(db, f, gtContent(), f.program.oasMarking);
    const r = await requestRow(db, id);
    const before = await counts(db);
    const error = await complete(id, { outcome: "reject", message: "A long enough message." }).catch((e) => e);
    expect(errorKeys(error)).toEqual({ _form: "requests.errors.notAllowed" });
    expect(await counts(db)).toEqual(before);
    expect(await requestRow(db, id)).toEqual(r);
  });
});

describe("two officers completing the same screening at once", () => {
  it("one wins; the other is told the request changed; one screening, one set of mails, one audit event", async () => {
    const id = await inScreening(db, f, gtContent());
    const r = await requestRow(db, id);
    const before = await counts(db);
    const outcomes = await Promise.allSettled([
      completeScreening(f.u.officer, { requestId: id, outcome: "request_changes", message: "Please add the training plan.", checklist: {}, expectedVersion: r.version }, ctx),
      completeScreening(f.u.officer2, { requestId: id, outcome: "reject", message: "Outside the mandate of the program.", checklist: {}, expectedVersion: r.version }, ctx),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const d = delta(before, await counts(db));
    expect(d).toMatchObject({ audit: 1, screenings: 1, outbox: 1, versions: 1 });
    expect((d.comments ?? 0) + (d.decisions ?? 0)).toBe(1);
    expect(await lettersFor(db, id)).toHaveLength(1);
    const winner = (await requestRow(db, id)).status;
    expect(["changes_requested", "rejected"]).toContain(winner);
  });

  it("the same officer double-submitting the same form: one applied, the second a conflict", async () => {
    const id = await inScreening(db, f, gtContent());
    const r = await requestRow(db, id);
    const input = { programId: f.program.oasMarking, outcome: "send_to_review", checklist: FULL_CHECKLIST, expectedVersion: r.version };
    const outcomes = await Promise.allSettled([completeScreening(f.u.officer, { ...input, requestId: id }, ctx), completeScreening(f.u.officer, { ...input, requestId: id }, ctx)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.db.select().from(requestScreenings).where(eq(requestScreenings.requestId, id))).toHaveLength(1);
  });
});

describe("matching", () => {
  const trainingContent = (programIds: string[]) =>
    guatemalaContent(programIds, { category: "training", details: { course: "Investigación del tráfico de armas", officersToTrain: "60" }, estimatedCost: "75000" });

  it("ranks the programs that fund the country and category: fundable, then the smaller share, then suggested", async () => {
    const id = await submitted(f.u.gt, trainingContent([f.program.oasMarking]));
    const ranked = await rankProgramsForRequest(f.u.officer, id);
    // Both fund Guatemala and training; Merida's larger remaining funds make the request a smaller share.
    const eligible = await listEligiblePrograms(f.u.officer, "GT", "training");
    const remaining = Object.fromEntries(eligible.map((p) => [p.id, p.remainingMinor]));
    expect(remaining[f.program.meridaCa]).toBeGreaterThan(remaining[f.program.oasMarking]);
    expect(ranked.map((p) => p.id)).toEqual([f.program.meridaCa, f.program.oasMarking]);
    expect(ranked[0]).toMatchObject({ rank: 1, isFundable: true, isSuggested: false, shareOfRemaining: 7_500_000 / remaining[f.program.meridaCa] });
    expect(ranked[1]).toMatchObject({ rank: 2, isFundable: true, isSuggested: true });
  });

  it("a program whose cap the cost exceeds falls behind one that can fund it", async () => {
    const id = await submitted(f.u.gt, trainingContent([]));
    await db.db.update(programs).set({ perAwardCapMinor: 1_000_000 }).where(eq(programs.id, f.program.meridaCa));
    try {
      const ranked = await rankProgramsForRequest(f.u.officer, id);
      expect(ranked.map((p) => [p.id, p.isFundable])).toEqual([
        [f.program.oasMarking, true],
        [f.program.meridaCa, false],
      ]);
    } finally {
      await db.db.update(programs).set({ perAwardCapMinor: null }).where(eq(programs.id, f.program.meridaCa));
    }
  });

  it("leaves out programs that do not fund the category", async () => {
    const id = await submitted(f.u.gt, gtContent());
    expect((await rankProgramsForRequest(f.u.officer, id)).map((p) => p.id)).toEqual([f.program.oasMarking]);
  });

  for (const who of NOT_OFFICERS) {
    it(`${who} cannot see the matching (not found)`, async () => {
      const id = await submitted(f.u.gt, gtContent());
      if (who === "reviewer") await assignReviewer(db, f, id);
      await expect(rankProgramsForRequest(f.u[who], id)).rejects.toBeInstanceOf(NotFoundError);
    });
  }

  it("unknown requests are not found", async () => {
    await expect(rankProgramsForRequest(f.u.officer, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.db.select().from(requestScreenings).where(and(eq(requestScreenings.outcome, "send_to_review"), eq(requestScreenings.programId, f.program.cbsi)))).toEqual([]);
  });
});
