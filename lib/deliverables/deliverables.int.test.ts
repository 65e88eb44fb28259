import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, awardDeliverables, deliverableEvidence, outbox } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { exe, html, padded, pdf, png } from "@/test/attachment-files";
import { createTestDb, type TestDb } from "@/test/db";
import { ctx, deliveryCounts, errorKeys, insertAward, loadUsers, rejectionOf, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { addDeliverable, addDeliverableEvidence, decideDeliverable, submitDeliverable } from "./mutations";
import { countLateDeliverables, getDeliverableEvidenceFile, listDeliverables, listLateDeliverables } from "./queries";
import { isLate, decisionTarget } from "./workflow";

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let gtAward: TestAward; // Guatemala, Merida (INL), OAS
let jmAward: TestAward; // Jamaica, CBSI (INL), UNLIREC

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  gtAward = await insertAward(db, u.officer.id);
  jmAward = await insertAward(db, u.officer.id, { country: "JM", program: "cbsi", partner: "unlirec" });
});
afterAll(async () => {
  await db.drop();
});

async function deliverable(id: string) {
  const [d] = await db.db.select().from(awardDeliverables).where(eq(awardDeliverables.id, id));
  return d;
}

const file = (name: string, bytes: Uint8Array) => ({ name, bytes });

describe("late deliverables", () => {
  it("are past due and not accepted", () => {
    expect(isLate({ dueOn: "2026-06-30", status: "pending" }, "2026-07-01")).toBe(true);
    expect(isLate({ dueOn: "2026-06-30", status: "submitted" }, "2026-07-01")).toBe(true);
    expect(isLate({ dueOn: "2026-06-30", status: "returned" }, "2026-07-01")).toBe(true);
    expect(isLate({ dueOn: "2026-06-30", status: "accepted" }, "2026-07-01")).toBe(false);
    expect(isLate({ dueOn: "2026-06-30", status: "pending" }, "2026-06-30")).toBe(false);
  });

  it("are flagged in the list and on the dashboard query, for those who may see the award", async () => {
    const list = await listDeliverables(u.gt, gtAward.id, "2026-07-05");
    expect(list.deliverables[0]).toMatchObject({ isLate: true, status: "pending" });
    const late = await listLateDeliverables(u.gt, "2026-07-05", 500);
    expect(late.map((d) => d.id)).toContain(gtAward.deliverables[0]);
    // The home page asks for the first few (most overdue first) and the count.
    expect(await countLateDeliverables(u.gt, "2026-07-05")).toBe(late.length);
    expect(await listLateDeliverables(u.gt, "2026-07-05", 1)).toEqual(late.slice(0, 1));
    expect(await countLateDeliverables(u.reviewer, "2026-07-05")).toBe(0);
    expect(late.find((d) => d.id === gtAward.deliverables[0])?.daysLate).toBe(5);
    expect((await listLateDeliverables(u.jm, "2026-07-05")).map((d) => d.id)).not.toContain(gtAward.deliverables[0]);
    expect(await listLateDeliverables(u.reviewer, "2026-07-05")).toEqual([]);
  });

  it("a decision only on a submitted deliverable", () => {
    expect(decisionTarget("submitted", "accept")).toBe("accepted");
    expect(decisionTarget("submitted", "return")).toBe("returned");
    for (const s of ["pending", "accepted", "returned"] as const) expect(decisionTarget(s, "accept")).toBeNull();
  });
});

describe("who may see and work on deliverables", () => {
  it("lists them for everyone who sees the award, with the actions each may take", async () => {
    const expected: Partial<Record<DeliveryUserKey, { canAddEvidence: boolean; canDecide: boolean; canAdd: boolean }>> = {
      gt: { canAddEvidence: true, canDecide: false, canAdd: false },
      partner: { canAddEvidence: true, canDecide: false, canAdd: false },
      officer: { canAddEvidence: false, canDecide: false, canAdd: true },
      approver: { canAddEvidence: false, canDecide: false, canAdd: false },
    };
    for (const [who, can] of Object.entries(expected) as [DeliveryUserKey, { canAddEvidence: boolean; canDecide: boolean; canAdd: boolean }][]) {
      const list = await listDeliverables(u[who], gtAward.id);
      expect({ canAddEvidence: list.deliverables[0].canAddEvidence, canDecide: list.deliverables[0].canDecide, canAdd: list.canAdd }, who).toEqual(can);
    }
    // The funding donor (donorInl) too: donors see deliverables on the dashboards only (decision 0011).
    for (const who of ["jm", "donorInl", "donorWra", "reviewer", "admin"] as const) {
      await expect(listDeliverables(u[who], gtAward.id), who).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(listDeliverables(u.partner, jmAward.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets only the country's focal points and the partner's users add evidence; others get not found", async () => {
    const before = await deliveryCounts(db);
    for (const who of ["jm", "officer", "donorInl", "donorWra", "approver", "reviewer", "admin"] as const) {
      expect(await rejectionOf(addDeliverableEvidence(u[who], { deliverableId: gtAward.deliverables[0], files: [file("a.pdf", pdf())] }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    expect(await rejectionOf(addDeliverableEvidence(u.partner, { deliverableId: jmAward.deliverables[0], files: [file("a.pdf", pdf())] }, ctx))).toBeInstanceOf(NotFoundError);
    expect(await deliveryCounts(db)).toEqual(before);
  });
});

describe("evidence, submission and decision", () => {
  it("refuses files that break the upload rules, all or nothing", async () => {
    const before = await deliveryCounts(db);
    const bad = await rejectionOf(addDeliverableEvidence(u.gt, { deliverableId: gtAward.deliverables[0], files: [file("ok.pdf", pdf()), file("x.pdf", exe()), file("p.html", html())] }, ctx));
    expect(errorKeys(bad)).toMatchObject({ _form: "attachments.errors.rejected", "files.1": expect.stringMatching(/^attachments\.errors\./), "files.2": expect.stringMatching(/^attachments\.errors\./) });
    const big = await rejectionOf(addDeliverableEvidence(u.gt, { deliverableId: gtAward.deliverables[0], files: [file("big.pdf", padded(pdf(), 10 * 1024 * 1024 + 1))] }, ctx));
    expect(errorKeys(big)).toMatchObject({ "files.0": "attachments.errors.tooLarge" });
    const none = await rejectionOf(addDeliverableEvidence(u.gt, { deliverableId: gtAward.deliverables[0], files: [] }, ctx));
    expect(errorKeys(none)).toEqual({ _form: "attachments.errors.noFiles" });
    expect(await deliveryCounts(db)).toEqual(before);
  });

  it("refuses submission without evidence", async () => {
    const d = await deliverable(gtAward.deliverables[0]);
    const error = await rejectionOf(submitDeliverable(u.gt, { deliverableId: d.id,  expectedVersion: d.version }, ctx));
    expect(errorKeys(error)).toEqual({ _form: "delivery.errors.noEvidence" });
    expect((await deliverable(d.id)).status).toBe("pending");
  });

  it("stores evidence from the focal point and the partner, at most 10 files, and serves it to those who see the award", async () => {
    const added = await addDeliverableEvidence(u.gt, { deliverableId: gtAward.deliverables[0], files: [file("Informe de instalación.pdf", pdf()), file("foto", png())] }, ctx);
    expect(added.map((a) => [a.filename, a.contentType])).toEqual([
      ["Informe de instalación.pdf", "application/pdf"],
      ["foto.png", "image/png"],
    ]);
    await addDeliverableEvidence(u.partner, { deliverableId: gtAward.deliverables[0], files: [file("acta.pdf", pdf())] }, ctx);
    const tooMany = await rejectionOf(addDeliverableEvidence(u.partner, { deliverableId: gtAward.deliverables[0], files: Array.from({ length: 8 }, (_, i) => file(`f${i}.pdf`, pdf())) }, ctx));
    expect(errorKeys(tooMany)).toEqual({ _form: "delivery.errors.evidenceTooMany" });
    const rows = await db.db.select().from(deliverableEvidence).where(eq(deliverableEvidence.deliverableId, gtAward.deliverables[0]));
    expect(rows).toHaveLength(3);

    const got = await getDeliverableEvidenceFile(u.partner, gtAward.id, gtAward.deliverables[0], added[0].id);
    expect(got.filename).toBe("Informe de instalación.pdf");
    expect(Buffer.from(got.data).equals(Buffer.from(pdf()))).toBe(true);
    // Not even the funding donor: a donor downloads no evidence through the award routes (decision 0011).
    for (const who of ["jm", "donorInl", "donorWra", "reviewer"] as const) {
      await expect(getDeliverableEvidenceFile(u[who], gtAward.id, gtAward.deliverables[0], added[0].id), who).rejects.toBeInstanceOf(NotFoundError);
    }
    // The right file through the wrong award or deliverable is not found either.
    await expect(getDeliverableEvidenceFile(u.officer, jmAward.id, gtAward.deliverables[0], added[0].id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDeliverableEvidenceFile(u.officer, gtAward.id, jmAward.deliverables[0], added[0].id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("submits once: two submissions at once make one, the other is a conflict", async () => {
    const d = await deliverable(gtAward.deliverables[0]);
    for (const who of ["officer", "donorInl", "jm"] as const) {
      expect(await rejectionOf(submitDeliverable(u[who], { deliverableId: d.id,  expectedVersion: d.version }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    const results = await Promise.allSettled([
      submitDeliverable(u.gt, { deliverableId: d.id,  expectedVersion: d.version }, ctx),
      submitDeliverable(u.partner, { deliverableId: d.id,  expectedVersion: d.version }, ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(ConflictError);
    expect(await deliverable(d.id)).toMatchObject({ status: "submitted", version: d.version + 1 });
    const closed = await rejectionOf(addDeliverableEvidence(u.gt, { deliverableId: d.id, files: [file("late.pdf", pdf())] }, ctx));
    expect(errorKeys(closed)).toEqual({ _form: "delivery.errors.evidenceClosed" });
  });

  it("lets officers return with a comment (required) and accept, mailing the award's people in their language", async () => {
    const d = await deliverable(gtAward.deliverables[0]);
    for (const who of ["gt", "partner", "donorInl", "approver"] as const) {
      expect(await rejectionOf(decideDeliverable(u[who], { deliverableId: d.id,  decision: "accept", expectedVersion: d.version }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    const before = await deliveryCounts(db);
    const noComment = await rejectionOf(decideDeliverable(u.officer, { deliverableId: d.id,  decision: "return", comment: " ", expectedVersion: d.version }, ctx));
    expect(errorKeys(noComment)).toMatchObject({ comment: "delivery.errors.returnComment" });
    const badDecision = await rejectionOf(decideDeliverable(u.officer, { deliverableId: d.id,  decision: "maybe", expectedVersion: d.version }, ctx));
    expect(errorKeys(badDecision)).toMatchObject({ decision: "delivery.errors.decision" });
    const stale = await rejectionOf(decideDeliverable(u.officer, { deliverableId: d.id,  decision: "accept", expectedVersion: d.version - 1 }, ctx));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ messageKey: "delivery.errors.conflict" });
    expect(await deliveryCounts(db)).toEqual(before);

    const returned = await decideDeliverable(u.officer, { deliverableId: d.id,  decision: "return", comment: "Falta el acta de entrega firmada.", expectedVersion: d.version }, ctx);
    expect(returned.status).toBe("returned");
    expect(await deliverable(d.id)).toMatchObject({ status: "returned", reviewComment: "Falta el acta de entrega firmada." });
    const mails = await db.db.select().from(outbox).where(eq(outbox.template, "deliverable-reviewed"));
    expect(mails.map((m) => [m.toEmail, m.locale]).sort()).toEqual([
      ["focal.gt@example.org", "es"],
      ["partner.oas@example.org", "es"],
    ]);

    // Returned: open again for evidence, then submitted and accepted.
    await addDeliverableEvidence(u.partner, { deliverableId: d.id, files: [file("acta firmada.pdf", pdf())] }, ctx);
    const again = await submitDeliverable(u.partner, { deliverableId: d.id,  expectedVersion: returned.version }, ctx);
    const accepted = await decideDeliverable(u.officer, { deliverableId: d.id,  decision: "accept", expectedVersion: again.version }, ctx);
    expect(accepted.status).toBe("accepted");
    const list = await listDeliverables(u.gt, gtAward.id, "2027-01-01");
    expect(list.deliverables[0]).toMatchObject({ status: "accepted", isLate: false, canAddEvidence: false, canSubmit: false });
    const actions = (await db.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, gtAward.id))).map((a) => a.action);
    expect(actions.filter((a) => a === "deliverable.submit")).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(["deliverable.return", "deliverable.accept", "deliverable.evidence.add"]));
  });
});

describe("adding a deliverable", () => {
  it("is for officers, within the award period, with keys for bad input", async () => {
    const before = await deliveryCounts(db);
    for (const who of ["gt", "partner", "donorInl", "approver"] as const) {
      expect(await rejectionOf(addDeliverable(u[who], { awardId: gtAward.id,  title: "Training of 40 officers", dueOn: "2026-10-31" }, ctx)), who).toBeInstanceOf(NotFoundError);
    }
    const outside = await rejectionOf(addDeliverable(u.officer, { awardId: gtAward.id,  title: "Training of 40 officers", dueOn: "2028-01-31" }, ctx));
    expect(errorKeys(outside)).toMatchObject({ dueOn: "delivery.errors.dueOutsidePeriod" });
    const short = await rejectionOf(addDeliverable(u.officer, { awardId: gtAward.id,  title: "x", dueOn: "2026-10-31" }, ctx));
    expect(errorKeys(short)).toMatchObject({ title: "delivery.errors.titleShort" });
    expect(await deliveryCounts(db)).toEqual(before);

    const { id } = await addDeliverable(u.officer, { awardId: gtAward.id,  title: "  Training of 40 officers ", dueOn: "2026-10-31" }, ctx);
    expect(await deliverable(id)).toMatchObject({ title: "Training of 40 officers", dueOn: "2026-10-31", status: "pending", awardId: gtAward.id });
    const audit = await db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "deliverable.add"), eq(auditEvents.entityId, gtAward.id), eq(auditEvents.outcome, "success")));
    expect(audit).toHaveLength(1);
  });
});
