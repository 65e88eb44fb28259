// Refused attempts that matter leave a "denied" audit event, written after the refused change rolled
// back: a second approval against segregation of duties, a disbursement whose condition is not met, and
// a user reaching for a record of another country or organization. The caller's error is unchanged and
// so is the data. Route handlers are called as Next.js calls them; only the session lookup and Next's
// request-scoped helpers are replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import {
  assistanceRequests,
  auditEvents,
  programs,
  awardRequests,
  awards,
  awardTranches,
  deliverableEvidence,
  progressReports,
  reportingPeriods,
  reviewAssignments,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { approveAward } from "@/lib/awards/mutations";
import { getAward } from "@/lib/awards/queries";
import { getRequestAttachmentFile } from "@/lib/attachments/queries";
import { addDeliverableEvidence, submitDeliverable } from "@/lib/deliverables/mutations";
import { getDeliverableEvidenceFile } from "@/lib/deliverables/queries";
import { getAwardOverview, getProgramOverview } from "@/lib/dashboards/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { ensureReportingCalendar, saveReport } from "@/lib/reporting/mutations";
import { getReport } from "@/lib/reporting/queries";
import { createRequest, saveRequest } from "@/lib/requests/mutations";
import { getRequest } from "@/lib/requests/queries";
import { recordDisbursement } from "@/lib/tranches/mutations";
import { pdf } from "@/test/attachment-files";
import { createTestDb, type TestDb } from "@/test/db";
import { ctx, deliveryCounts, insertAward, loadUsers, rejectionOf, type DeliveryUserKey } from "@/test/delivery-fixtures";
import { session } from "@/test/route-session";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());
// The address of the request being served, for lookups made by pages and downloads (no mutation context).
const PAGE_CONTEXT = { ip: "198.51.100.23", userAgent: "vitest-page" };
vi.mock("@/lib/auth/request-context", async (original) => ({
  ...(await original<typeof import("@/lib/auth/request-context")>()),
  getRequestContext: async () => PAGE_CONTEXT,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { POST: uploadAttachments } = await import("@/app/requests/[id]/attachments/route");
const { POST: uploadEvidence } = await import("@/app/awards/[id]/deliverables/[deliverableId]/evidence/route");

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
const HOST = "portal.test";

/** The audit events this actor left with this outcome, newest first. */
async function eventsOf(actor: CurrentUser, outcome: "success" | "denied" = "denied") {
  return db.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, actor.id), eq(auditEvents.outcome, outcome)))
    .orderBy(desc(auditEvents.occurredAt));
}

async function deniedCount(): Promise<number> {
  const [row] = await db.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.outcome, "denied"));
  return row.n;
}

async function requestRow(id: string) {
  const [r] = await db.db.select().from(assistanceRequests).where(eq(assistanceRequests.id, id));
  return r;
}

const content = (title = "Equipos de marcaje para la PNC") => ({ primaryLocale: "es", titleEs: title });

async function gtDraft(): Promise<string> {
  return (await createRequest(u.gt, { ...content(), submit: false, creationKey: randomUUID() }, ctx)).id;
}

function uploadTo(url: string, forwardedFor: string): Request {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(pdf())]), "plan.pdf");
  return new Request(`http://${HOST}${url}`, {
    method: "POST",
    body: form,
    headers: { host: HOST, origin: `http://${HOST}`, "x-forwarded-for": forwardedFor, "user-agent": "vitest-upload" },
  });
}

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(() => {
  session.user = null;
});

describe("a second approval against segregation of duties", () => {
  it("by the award's creator: refused as before, nothing changed, and audited as denied with the approver and address", async () => {
    const award = await insertAward(db, u.approver.id, { status: "pending_approval" });
    const [before] = await db.db.select().from(awards).where(eq(awards.id, award.id));
    const error = await rejectionOf(approveAward(u.approver, { awardId: award.id, expectedVersion: before.version }, ctx));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).formError?.key).toBe("awards.errors.segregation");
    const [after] = await db.db.select().from(awards).where(eq(awards.id, award.id));
    expect(after).toEqual(before);
    const [event] = await eventsOf(u.approver);
    expect(event).toMatchObject({
      action: "award.approve",
      entityType: "award",
      entityId: award.id,
      outcome: "denied",
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: expect.objectContaining({ reason: "creator" }),
    });
    expect((await eventsOf(u.approver, "success")).filter((e) => e.entityId === award.id)).toEqual([]);
  });

  it("by a reviewer of its request: refused as before, nothing changed, and audited as denied", async () => {
    const award = await insertAward(db, u.officer.id, { status: "pending_approval" });
    const requestId = await gtDraft();
    await db.db.insert(awardRequests).values({ awardId: award.id, requestId });
    await db.db.insert(reviewAssignments).values({ requestId, reviewerId: u.approver.id, assignedById: u.officer.id, status: "submitted" });
    const [before] = await db.db.select().from(awards).where(eq(awards.id, award.id));
    const error = await rejectionOf(approveAward(u.approver, { awardId: award.id, expectedVersion: before.version }, ctx));
    expect((error as ValidationError).formError?.key).toBe("awards.errors.segregation");
    const [after] = await db.db.select().from(awards).where(eq(awards.id, award.id));
    expect(after).toEqual(before);
    const [event] = await eventsOf(u.approver);
    expect(event).toMatchObject({ action: "award.approve", entityId: award.id, ip: ctx.ip, details: expect.objectContaining({ reason: "reviewer" }) });
  });

  it("a stale version is a conflict, not a denial: no denied event", async () => {
    const award = await insertAward(db, u.approver.id, { status: "pending_approval" });
    const before = await deniedCount();
    await expect(approveAward(u.approver, { awardId: award.id, expectedVersion: 999 }, ctx)).rejects.toMatchObject({ name: "ConflictError" });
    expect(await deniedCount()).toBe(before);
  });
});

describe("a disbursement whose condition is not met", () => {
  it("waiting for a deliverable not accepted: refused as before, nothing released, audited as denied", async () => {
    const award = await insertAward(db, u.officer.id);
    const trancheId = award.tranches[0];
    await db.db.update(awardTranches).set({ conditionDeliverableId: award.deliverables[0] }).where(eq(awardTranches.id, trancheId));
    const counts = await deliveryCounts(db);
    const deniedBefore = await deniedCount();
    const error = await rejectionOf(recordDisbursement(u.officer, { trancheId: trancheId,  amount: "60000", disbursedOn: "2026-03-01" }, { ...ctx, today: "2026-12-01" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).formError?.key).toBe("delivery.errors.deliverableNotAccepted");
    expect(await deliveryCounts(db)).toEqual(counts); // its "audit" counts the changes made: none
    expect(await deniedCount()).toBe(deniedBefore + 1);
    const [tranche] = await db.db.select().from(awardTranches).where(eq(awardTranches.id, trancheId));
    expect(tranche).toMatchObject({ releasedOn: null, releasedAmountMinor: null });
    const [event] = await eventsOf(u.officer);
    expect(event).toMatchObject({
      action: "tranche.disburse",
      entityType: "award",
      entityId: award.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: expect.objectContaining({ trancheId, reason: "deliverableNotAccepted", amountMinor: 6_000_000 }),
    });
  });

  it("waiting for a period's report not accepted: audited as denied too", async () => {
    const award = await insertAward(db, u.officer.id);
    const trancheId = award.tranches[1];
    await db.db.update(awardTranches).set({ conditionPeriodNumber: 1 }).where(eq(awardTranches.id, trancheId));
    const error = await rejectionOf(recordDisbursement(u.officer, { trancheId: trancheId,  amount: "40000", disbursedOn: "2026-10-01" }, { ...ctx, today: "2026-12-01" }));
    expect((error as ValidationError).formError?.key).toBe("delivery.errors.reportNotAccepted");
    const [event] = await eventsOf(u.officer);
    expect(event).toMatchObject({ action: "tranche.disburse", entityId: award.id, details: expect.objectContaining({ trancheId, reason: "reportNotAccepted" }) });
  });

  it("a tranche already disbursed is refused without a denied event (a repeated click)", async () => {
    const award = await insertAward(db, u.officer.id);
    const trancheId = award.tranches[0];
    await recordDisbursement(u.officer, { trancheId: trancheId,  amount: "60000", disbursedOn: "2026-03-01" }, { ...ctx, today: "2026-12-01" });
    const before = await deniedCount();
    const error = await rejectionOf(recordDisbursement(u.officer, { trancheId: trancheId,  amount: "60000", disbursedOn: "2026-03-01" }, { ...ctx, today: "2026-12-01" }));
    expect((error as ValidationError).formError?.key).toBe("delivery.errors.alreadyDisbursed");
    expect(await deniedCount()).toBe(before);
  });
});

describe("reaching for another country's or organization's record", () => {
  it("another country's request: the same not found as for an id that names nothing, the request unchanged, one denied event", async () => {
    const id = await gtDraft();
    const before = await requestRow(id);
    const foreign = await rejectionOf(saveRequest(u.jm, { ...content("Otro título"), requestId: id, submit: false, expectedVersion: before.version }, ctx));
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(await requestRow(id)).toEqual(before);
    const [event] = await eventsOf(u.jm);
    expect(event).toMatchObject({ action: "request.update", entityType: "request", entityId: id, ip: ctx.ip, userAgent: ctx.userAgent, details: { reason: "notVisible" } });

    const denied = await deniedCount();
    const missing = await rejectionOf(saveRequest(u.jm, { ...content("Otro título"), requestId: randomUUID(), submit: false, expectedVersion: 1 }, ctx));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe((foreign as Error).message);
    expect(await deniedCount()).toBe(denied);
  });

  it("another country's request from its page: not found, audited with the address of the request being served", async () => {
    const id = await gtDraft();
    await expect(getRequest(u.jm, id)).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await eventsOf(u.jm);
    expect(event).toMatchObject({ action: "request.view", entityType: "request", entityId: id, ...PAGE_CONTEXT });
    const denied = await deniedCount();
    await expect(getRequest(u.jm, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(u.jm, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    expect(await deniedCount()).toBe(denied);
  });

  it("another country's attachment: not found, audited as the attachment reached through its request", async () => {
    const id = await gtDraft();
    const attachmentId = randomUUID();
    await expect(getRequestAttachmentFile(u.jm, id, attachmentId)).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await eventsOf(u.jm);
    expect(event).toMatchObject({ action: "attachment.view", entityType: "attachment", entityId: attachmentId, ...PAGE_CONTEXT, details: { reason: "notVisible", requestId: id } });
  });

  it("an upload to another country's request: the same 404 in the user's language, nothing stored, audited with the client's address", async () => {
    const id = await gtDraft();
    session.user = u.jm;
    const res = await uploadAttachments(uploadTo(`/requests/${id}/attachments`, "192.0.2.44"), { params: Promise.resolve({ id }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, errors: [createTranslator(u.jm.locale)("attachments.errors.notFound")] });
    const [event] = await eventsOf(u.jm);
    expect(event).toMatchObject({ action: "request.attachment.add", entityType: "request", entityId: id, ip: "192.0.2.44", userAgent: "vitest-upload" });
  });

  it("another organization's deliverable: submit and evidence are not found, nothing changed, each audited as denied", async () => {
    // Jamaica's award implemented by UNLIREC: neither the OAS partner nor Guatemala's focal point sees it.
    const award = await insertAward(db, u.officer.id, { country: "JM", partner: "unlirec" });
    const deliverableId = award.deliverables[0];
    const counts = await deliveryCounts(db);
    const submit = await rejectionOf(submitDeliverable(u.partner, { deliverableId: deliverableId,  expectedVersion: 1 }, ctx));
    expect(submit).toBeInstanceOf(NotFoundError);
    const [submitEvent] = await eventsOf(u.partner);
    expect(submitEvent).toMatchObject({
      action: "deliverable.submit",
      entityType: "deliverable",
      entityId: deliverableId,
      ip: ctx.ip,
      details: { reason: "notVisible", awardId: award.id },
    });
    const evidence = await rejectionOf(addDeliverableEvidence(u.partner, { deliverableId: deliverableId, files: [{ name: "acta.pdf", bytes: pdf() }] }, ctx));
    expect(evidence).toBeInstanceOf(NotFoundError);
    const [evidenceEvent] = await eventsOf(u.partner);
    expect(evidenceEvent).toMatchObject({ action: "deliverable.evidence.add", entityType: "deliverable", entityId: deliverableId, ip: ctx.ip });
    expect(await deliveryCounts(db)).toEqual(counts);

    session.user = u.partner;
    const res = await uploadEvidence(uploadTo(`/awards/${award.id}/deliverables/${deliverableId}/evidence`, "192.0.2.45"), {
      params: Promise.resolve({ id: award.id, deliverableId }),
    });
    expect(res.status).toBe(404);
    const [routeEvent] = await eventsOf(u.partner);
    expect(routeEvent).toMatchObject({ action: "deliverable.evidence.add", entityId: deliverableId, ip: "192.0.2.45", userAgent: "vitest-upload" });
    expect((await deliveryCounts(db)).evidence).toBe(counts.evidence);
  });

  it("another organization's evidence file: not found, audited as the file reached through its award", async () => {
    const award = await insertAward(db, u.officer.id, { country: "JM", partner: "unlirec" });
    const [file] = await db.db
      .insert(deliverableEvidence)
      .values({
        deliverableId: award.deliverables[0],
        filename: "acta.pdf",
        contentType: "application/pdf",
        sizeBytes: 4,
        sha256: "0".repeat(64),
        data: Buffer.from("%PDF"),
        uploadedById: u.officer.id,
      })
      .returning({ id: deliverableEvidence.id });
    await expect(getDeliverableEvidenceFile(u.partner, award.id, award.deliverables[0], file.id)).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await eventsOf(u.partner);
    expect(event).toMatchObject({ action: "evidence.view", entityType: "evidence", entityId: file.id, ...PAGE_CONTEXT, details: { reason: "notVisible", awardId: award.id } });
  });

  it("another country's award and report: not found, each audited; an award id that names nothing is not", async () => {
    const award = await insertAward(db, u.officer.id, { country: "JM", partner: "unlirec" });
    await ensureReportingCalendar(u.officer, award.id);
    const [period] = await db.db.select().from(reportingPeriods).where(eq(reportingPeriods.awardId, award.id)).limit(1);
    const [report] = await db.db
      .insert(progressReports)
      .values({ awardId: award.id, periodId: period.id, createdById: u.officer.id, narrativeEs: "Borrador" })
      .returning({ id: progressReports.id });

    await expect(saveReport(u.gt, { awardId: award.id, periodNumber: period.number, narrativeEs: "Intento", submit: false }, ctx)).rejects.toBeInstanceOf(NotFoundError);
    const [saveEvent] = await eventsOf(u.gt);
    expect(saveEvent).toMatchObject({ action: "report.save", entityType: "award", entityId: award.id, ip: ctx.ip });

    await expect(getReport(u.gt, report.id)).rejects.toBeInstanceOf(NotFoundError);
    const [viewEvent] = await eventsOf(u.gt);
    expect(viewEvent).toMatchObject({ action: "report.view", entityType: "report", entityId: report.id, ...PAGE_CONTEXT, details: { reason: "notVisible", awardId: award.id } });

    const [stored] = await db.db.select().from(progressReports).where(eq(progressReports.id, report.id));
    expect(stored).toMatchObject({ narrativeEs: "Borrador", version: 1, status: "draft" });

    await expect(getAward(u.gt, award.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await eventsOf(u.gt))[0]).toMatchObject({ action: "award.view", entityType: "award", entityId: award.id });
    const denied = await deniedCount();
    await expect(getAward(u.gt, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await deniedCount()).toBe(denied);
  });

  it("another donor's program dashboard and award drill-down: not found, each audited; a funding donor's are not", async () => {
    const award = await insertAward(db, u.officer.id); // Merida, funded by INL only
    const [merida] = await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, "merida-ca"));
    await expect(getProgramOverview(u.donorWra, merida.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await eventsOf(u.donorWra))[0]).toMatchObject({ action: "program.view", entityType: "program", entityId: merida.id, ...PAGE_CONTEXT });
    await expect(getAwardOverview(u.donorWra, award.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await eventsOf(u.donorWra))[0]).toMatchObject({
      action: "award.view",
      entityType: "award",
      entityId: award.id,
      details: { reason: "notVisible", programId: merida.id },
    });
    const before = await deniedCount();
    await getProgramOverview(u.donorInl, merida.id);
    await getAwardOverview(u.donorInl, award.id);
    await expect(getProgramOverview(u.donorWra, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await deniedCount()).toBe(before);
  });

  it("the record's own people see it and leave no denied event", async () => {
    const award = await insertAward(db, u.officer.id);
    const id = await gtDraft();
    const before = await deniedCount();
    await getAward(u.gt, award.id);
    await getAward(u.partner, award.id);
    await getRequest(u.gt, id);
    expect(await deniedCount()).toBe(before);
  });
});
