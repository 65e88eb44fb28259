import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { assistanceRequests, auditEvents, requestAttachments, requestRevisions, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createRequest, saveRequest } from "@/lib/requests/mutations";
import { createTestDb, type TestDb } from "@/test/db";
import { docx, exe, html, jpeg, padded, pdf, png, xlsx } from "@/test/attachment-files";
import { ATTACHMENT_LIMITS } from "./detect";
import { addRequestAttachments, removeRequestAttachment, type UploadedFile } from "./mutations";
import { getRequestAttachmentFile } from "./queries";
import { addDays, todayIso } from "@/lib/dates";

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: "203.0.113.5", userAgent: "vitest", baseUrl: "http://localhost" };
const fileCtx = ctx;

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
/** Users who never see a Guatemalan request, draft or not. */
const STRANGERS = ["jm", "partner", "reviewer", "approver", "donor", "admin"] as const;

const inAYear = () => addDays(todayIso(), 365);

/** A complete request in Spanish, as the form sends it; enough to submit. */
function content() {
  return {
    primaryLocale: "es",
    category: "training",
    titleEs: "Capacitación en rastreo de armas",
    narrativeEs: "Capacitar a investigadores de la PNC en el rastreo de armas de fuego.",
    justificationEs: "Mejorar la tasa de rastreos exitosos.",
    details: { course: "Rastreo e identificación de armas", officersToTrain: "40" },
    estimatedCost: "80000",
    urgency: "medium",
    desiredStartOn: inAYear(),
  };
}

async function newDraft(user = u.gt): Promise<string> {
  const { id } = await createRequest(user, { ...content(), submit: false, creationKey: randomUUID() }, ctx);
  return id;
}

async function submit(requestId: string): Promise<void> {
  const [r] = await db.db.select({ version: assistanceRequests.version }).from(assistanceRequests).where(eq(assistanceRequests.id, requestId));
  await saveRequest(u.gt, { ...content(), requestId, submit: true, expectedVersion: r.version }, ctx);
}

const file = (name: string, bytes: Uint8Array): UploadedFile => ({ name, bytes });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function attachmentsOf(requestId: string) {
  return db.db
    .select({
      id: requestAttachments.id,
      filename: requestAttachments.filename,
      contentType: requestAttachments.contentType,
      sizeBytes: requestAttachments.sizeBytes,
      sha256: requestAttachments.sha256,
      uploadedById: requestAttachments.uploadedById,
    })
    .from(requestAttachments)
    .where(eq(requestAttachments.requestId, requestId))
    .orderBy(asc(requestAttachments.createdAt), asc(requestAttachments.filename));
}

async function requestRow(requestId: string) {
  const [r] = await db.db.select().from(assistanceRequests).where(eq(assistanceRequests.id, requestId));
  return r;
}

/** Everything these functions may write, to prove that a refused call changed nothing. */
async function snapshot() {
  return {
    attachments: await db.db
      .select({ id: requestAttachments.id, requestId: requestAttachments.requestId, sha256: requestAttachments.sha256 })
      .from(requestAttachments)
      .orderBy(asc(requestAttachments.id)),
    audit: (await db.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.outcome, "success")))[0].n,
    requests: await db.db
      .select({ id: assistanceRequests.id, status: assistanceRequests.status, version: assistanceRequests.version, updatedAt: assistanceRequests.updatedAt })
      .from(assistanceRequests)
      .orderBy(asc(assistanceRequests.id)),
  };
}

async function auditOf(requestId: string, action: string) {
  return db.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, requestId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.occurredAt));
}

async function validationError(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const fieldKeys = (error: ValidationError) => Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.key]));

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email] of Object.entries(EMAILS)) {
    const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const user = await loadActiveUser(row.id);
    if (!user) throw new Error(`demo user ${email} missing`);
    u[key] = user;
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("the focal point of the request's country", () => {
  it("adds every accepted type, stored with its detected type, a safe name and its hash", async () => {
    const id = await newDraft();
    const files = [
      file("Solicitud año 2026.pdf", pdf()),
      file("foto.png", png()),
      file("C:\\fakepath\\plan.docx", docx()),
      file("presupuesto.xlsx", xlsx({ deflate: true })),
      file("evidencia.JPEG", jpeg()),
    ];
    const added = await addRequestAttachments(u.gt, { requestId: id, files: files }, fileCtx);
    expect(added.map((a) => [a.filename, a.contentType])).toEqual([
      ["Solicitud año 2026.pdf", "application/pdf"],
      ["foto.png", "image/png"],
      ["plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["presupuesto.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["evidencia.JPEG", "image/jpeg"],
    ]);
    const stored = await attachmentsOf(id);
    expect(stored).toHaveLength(5);
    for (const [i, f] of files.entries()) {
      const row = stored.find((s) => s.id === added[i].id)!;
      expect(row).toMatchObject({ sizeBytes: f.bytes.byteLength, sha256: sha256(f.bytes), uploadedById: u.gt.id });
      const download = await getRequestAttachmentFile(u.gt, id, row.id);
      expect(download).toMatchObject({ filename: row.filename, contentType: row.contentType, sizeBytes: f.bytes.byteLength });
      expect(new Uint8Array(download.data)).toEqual(f.bytes);
    }
  });

  it("writes one audit event per file, and touches the request without changing its version", async () => {
    const id = await newDraft();
    const before = await requestRow(id);
    await new Promise((r) => setTimeout(r, 5));
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [file("a.pdf", pdf()), file("b.png", png())] }, fileCtx);
    const after = await requestRow(id);
    expect(after.version).toBe(before.version);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

    const adds = await auditOf(id, "request.attachment.add");
    expect(adds).toHaveLength(2);
    expect(adds[0]).toMatchObject({ actorUserId: u.gt.id, entityType: "request", outcome: "success", ip: ctx.ip, userAgent: "vitest" });
    expect(adds.map((e) => e.details).sort((x, y) => String(x?.filename).localeCompare(String(y?.filename)))).toEqual([
      { attachmentId: a.id, filename: "a.pdf", sizeBytes: pdf().byteLength },
      { attachmentId: expect.any(String), filename: "b.png", sizeBytes: png().byteLength },
    ]);

    await new Promise((r) => setTimeout(r, 5));
    expect(await removeRequestAttachment(u.gt, { requestId: id, attachmentId: a.id }, fileCtx)).toEqual({ removed: true });
    const removed = await auditOf(id, "request.attachment.remove");
    expect(removed).toHaveLength(1);
    expect(removed[0].details).toEqual({ attachmentId: a.id, filename: "a.pdf", sizeBytes: pdf().byteLength });
    expect((await attachmentsOf(id)).map((r) => r.filename)).toEqual(["b.png"]);
    const afterRemove = await requestRow(id);
    expect(afterRemove.version).toBe(before.version);
    expect(afterRemove.updatedAt.getTime()).toBeGreaterThan(after.updatedAt.getTime());
    await expect(getRequestAttachmentFile(u.gt, id, a.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("can still save the form it opened before uploading (an upload is no edit conflict)", async () => {
    const id = await newDraft();
    const { version } = await requestRow(id);
    await addRequestAttachments(u.gt, { requestId: id, files: [file("a.pdf", pdf())] }, fileCtx);
    const saved = await saveRequest(u.gt, { ...content(), titleEs: "Título cambiado", requestId: id, submit: false, expectedVersion: version }, ctx);
    expect(saved.version).toBe(version + 1);
  });

  it("treats removing a file that is already gone as done, writing nothing", async () => {
    const id = await newDraft();
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [file("a.pdf", pdf())] }, fileCtx);
    await removeRequestAttachment(u.gt, { requestId: id, attachmentId: a.id }, fileCtx);
    const before = await snapshot();
    expect(await removeRequestAttachment(u.gt, { requestId: id, attachmentId: a.id }, fileCtx)).toEqual({ removed: false });
    expect(await snapshot()).toEqual(before);
  });

  it("cannot reach another request's file through its own request", async () => {
    const mine = await newDraft();
    const other = await newDraft();
    const [theirs] = await addRequestAttachments(u.gt, { requestId: other, files: [file("other.pdf", pdf())] }, fileCtx);
    await expect(getRequestAttachmentFile(u.gt, mine, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await removeRequestAttachment(u.gt, { requestId: mine, attachmentId: theirs.id }, fileCtx)).toEqual({ removed: false });
    expect(await attachmentsOf(other)).toHaveLength(1);
  });

  it("gets not-found for malformed or unknown ids", async () => {
    const id = await newDraft();
    for (const bad of ["not-a-uuid", "------------------------------------", "", randomUUID()]) {
      await expect(addRequestAttachments(u.gt, { requestId: bad, files: [file("a.pdf", pdf())] }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRequestAttachmentFile(u.gt, bad, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRequestAttachmentFile(u.gt, id, bad)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(removeRequestAttachment(u.gt, { requestId: id, attachmentId: "../../x" }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("permission matrix: only the filing country's focal point manages files; whoever sees the request downloads", () => {
  let draft: string;
  let draftFile: string;

  beforeAll(async () => {
    draft = await newDraft();
    [{ id: draftFile }] = await addRequestAttachments(u.gt, { requestId: draft, files: [file("plan.pdf", pdf())] }, fileCtx);
  });

  it.each(STRANGERS)("%s gets not-found on add, remove and download of a Guatemalan draft, and nothing changes", async (who) => {
    const before = await snapshot();
    await expect(addRequestAttachments(u[who], { requestId: draft, files: [file("x.pdf", pdf())] }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeRequestAttachment(u[who], { requestId: draft, attachmentId: draftFile }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequestAttachmentFile(u[who], draft, draftFile)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("the program officer does not see a draft: not-found on everything", async () => {
    const before = await snapshot();
    await expect(addRequestAttachments(u.officer, { requestId: draft, files: [file("x.pdf", pdf())] }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeRequestAttachment(u.officer, { requestId: draft, attachmentId: draftFile }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequestAttachmentFile(u.officer, draft, draftFile)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("once submitted: the officer downloads but cannot add or remove; the filer can no longer change files", async () => {
    const id = await newDraft();
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [file("plan.pdf", pdf())] }, fileCtx);
    await submit(id);
    expect((await requestRow(id)).status).toBe("submitted");

    const download = await getRequestAttachmentFile(u.officer, id, a.id);
    expect(new Uint8Array(download.data)).toEqual(pdf());
    expect((await getRequestAttachmentFile(u.gt, id, a.id)).filename).toBe("plan.pdf");

    const before = await snapshot();
    // Not the filer: the file-management path of this request does not exist for the officer, as
    // saveRequest answers for the edit path.
    await expect(addRequestAttachments(u.officer, { requestId: id, files: [file("x.pdf", pdf())] }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeRequestAttachment(u.officer, { requestId: id, attachmentId: a.id }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    // The filer sees the request but it is no longer editable: a clear message instead.
    const add = await validationError(addRequestAttachments(u.gt, { requestId: id, files: [file("x.pdf", pdf())] }, fileCtx));
    expect(add.formError?.key).toBe("attachments.errors.notEditable");
    const remove = await validationError(removeRequestAttachment(u.gt, { requestId: id, attachmentId: a.id }, fileCtx));
    expect(remove.formError?.key).toBe("attachments.errors.notEditable");
    for (const who of STRANGERS) {
      await expect(getRequestAttachmentFile(u[who], id, a.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(addRequestAttachments(u[who], { requestId: id, files: [file("x.pdf", pdf())] }, fileCtx)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the filer can change files again when changes are requested", async () => {
    const id = await newDraft();
    await submit(id);
    await db.db.update(assistanceRequests).set({ status: "changes_requested" }).where(eq(assistanceRequests.id, id));
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [file("respuesta.pdf", pdf())] }, fileCtx);
    expect(await removeRequestAttachment(u.gt, { requestId: id, attachmentId: a.id }, fileCtx)).toEqual({ removed: true });
  });
});

describe("bad files are refused with a clear message and nothing is stored", () => {
  it("refuses an 11th file", async () => {
    const id = await newDraft();
    await addRequestAttachments(
      u.gt,
      { requestId: id, files: Array.from({ length: ATTACHMENT_LIMITS.maxFiles }, (_, i) => file(`f${i}.png`, png())) },
      fileCtx,
    );
    const before = await snapshot();
    const error = await validationError(addRequestAttachments(u.gt, { requestId: id, files: [file("eleventh.pdf", pdf())] }, fileCtx));
    expect(error.formError).toEqual({ key: "attachments.errors.tooMany", params: { max: 10, existing: 10, remaining: 0 } });
    expect(await snapshot()).toEqual(before);
    expect(await attachmentsOf(id)).toHaveLength(10);
  });

  it("refuses 11 files at once on an empty request", async () => {
    const id = await newDraft();
    const before = await snapshot();
    const error = await validationError(
      addRequestAttachments(u.gt, { requestId: id, files: Array.from({ length: 11 }, (_, i) => file(`f${i}.pdf`, pdf())) }, fileCtx),
    );
    expect(error.formError).toEqual({ key: "attachments.errors.tooMany", params: { max: 10, existing: 0, remaining: 10 } });
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a file of exactly 10 MB and refuses one of 10 MB + 1 byte", async () => {
    const id = await newDraft();
    const [exact] = await addRequestAttachments(u.gt, { requestId: id, files: [file("exact.png", padded(png(), ATTACHMENT_LIMITS.maxBytes))] }, fileCtx);
    expect(exact.sizeBytes).toBe(10 * 1024 * 1024);
    const before = await snapshot();
    const error = await validationError(
      addRequestAttachments(u.gt, { requestId: id, files: [file("big.png", padded(png(), ATTACHMENT_LIMITS.maxBytes + 1))] }, fileCtx),
    );
    expect(error.formError?.key).toBe("attachments.errors.rejected");
    expect(error.fieldErrors).toEqual({ "files.0": { key: "attachments.errors.tooLarge", params: { name: "big.png", maxMb: 10 } } });
    expect(await snapshot()).toEqual(before);
  });

  it("stores a PNG named .pdf as a PNG, with the name fixed", async () => {
    const id = await newDraft();
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [file("escaneo.pdf", png())] }, fileCtx);
    expect(a).toMatchObject({ filename: "escaneo.png", contentType: "image/png" });
    expect(await getRequestAttachmentFile(u.gt, id, a.id)).toMatchObject({ filename: "escaneo.png", contentType: "image/png" });
  });

  it("refuses an executable or HTML renamed .pdf, and an empty file, naming each", async () => {
    const id = await newDraft();
    const before = await snapshot();
    const error = await validationError(
      addRequestAttachments(
        u.gt,
        { requestId: id, files: [file("factura.pdf", exe()), file("../../pagina.pdf", html()), file("vacío.pdf", new Uint8Array())] },
        fileCtx,
      ),
    );
    expect(error.fieldErrors).toEqual({
      "files.0": { key: "attachments.errors.wrongType", params: { name: "factura.pdf", maxMb: 10 } },
      "files.1": { key: "attachments.errors.wrongType", params: { name: "pagina.pdf", maxMb: 10 } },
      "files.2": { key: "attachments.errors.empty", params: { name: "vacío.pdf", maxMb: 10 } },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("stores none of three files when one is bad", async () => {
    const id = await newDraft();
    const before = await snapshot();
    const error = await validationError(
      addRequestAttachments(u.gt, { requestId: id, files: [file("ok.pdf", pdf()), file("malo.docx", exe()), file("ok.png", png())] }, fileCtx),
    );
    expect(fieldKeys(error)).toEqual({ "files.1": "attachments.errors.wrongType" });
    expect(await snapshot()).toEqual(before);
    expect(await attachmentsOf(id)).toEqual([]);
  });

  it("refuses an upload with no files", async () => {
    const id = await newDraft();
    const error = await validationError(addRequestAttachments(u.gt, { requestId: id, files: [] }, fileCtx));
    expect(error.formError?.key).toBe("attachments.errors.noFiles");
  });
});

describe("concurrency", () => {
  it("two parallel uploads of 6 files never leave more than 10: one is refused whole", async () => {
    const id = await newDraft();
    const batch = (tag: string) => Array.from({ length: 6 }, (_, i) => file(`${tag}-${i}.pdf`, pdf()));
    const results = await Promise.allSettled([
      addRequestAttachments(u.gt, { requestId: id, files: batch("a") }, fileCtx),
      addRequestAttachments(u.gt, { requestId: id, files: batch("b") }, fileCtx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ValidationError);
    expect((rejected[0].reason as ValidationError).formError).toMatchObject({ key: "attachments.errors.tooMany", params: { existing: 6 } });
    const stored = await attachmentsOf(id);
    expect(stored).toHaveLength(6);
    // The six stored files all come from one batch.
    expect(new Set(stored.map((s) => s.filename.split("-")[0])).size).toBe(1);
    expect(await auditOf(id, "request.attachment.add")).toHaveLength(6);
  });

  it("many parallel single uploads stop exactly at 10", async () => {
    const id = await newDraft();
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, (_, i) => addRequestAttachments(u.gt, { requestId: id, files: [file(`p${i}.png`, png())] }, fileCtx)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(await attachmentsOf(id)).toHaveLength(10);
  });

  it("an upload racing the submission either is in the submitted revision or is refused", async () => {
    const id = await newDraft();
    await addRequestAttachments(u.gt, { requestId: id, files: [file("first.pdf", pdf())] }, fileCtx);
    const { version } = await requestRow(id);
    const [upload] = await Promise.allSettled([
      addRequestAttachments(u.gt, { requestId: id, files: [file("late.pdf", pdf())] }, fileCtx),
      saveRequest(u.gt, { ...content(), requestId: id, submit: true, expectedVersion: version }, ctx),
    ]);
    const [revision] = await db.db.select().from(requestRevisions).where(eq(requestRevisions.requestId, id));
    const inSnapshot = (revision.snapshot.attachments as string[]).length;
    const stored = await attachmentsOf(id);
    expect(stored).toHaveLength(inSnapshot);
    if (upload.status === "rejected") {
      expect((upload.reason as ValidationError).formError?.key).toBe("attachments.errors.notEditable");
      expect(stored).toHaveLength(1);
    } else {
      expect(stored).toHaveLength(2);
    }
    expect((await requestRow(id)).status).toBe("submitted");
  });
});

describe("storage", () => {
  it("keeps the bytes in PostgreSQL, identical after a round trip", async () => {
    const id = await newDraft();
    const bytes = docx({ deflate: true });
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [file("plan.docx", bytes)] }, fileCtx);
    const [row] = await db.db
      .select({ n: sql<number>`octet_length(${requestAttachments.data})`.mapWith(Number), sha: requestAttachments.sha256 })
      .from(requestAttachments)
      .where(eq(requestAttachments.id, a.id));
    expect(row).toEqual({ n: bytes.byteLength, sha: sha256(bytes) });
  });
});
