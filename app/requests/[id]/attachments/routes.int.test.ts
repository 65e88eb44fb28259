// The upload and download route handlers and the remove action, called as Next.js calls them, against
// the test database. Only the session lookup (cookies) and Next's request-scoped helpers are replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { asc, count, eq, sql } from "drizzle-orm";
import { auditEvents, requestAttachments, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { createTranslator } from "@/lib/i18n/translate";
import { createRequest } from "@/lib/requests/mutations";
import { createTestDb, type TestDb } from "@/test/db";
import { session } from "@/test/route-session";
import { bytesOf, concat, exe, padded, pdf, png } from "@/test/attachment-files";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/attachments/detect";
import { addRequestAttachments } from "@/lib/attachments/mutations";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());
vi.mock("@/lib/auth/request-context", async (original) => ({
  ...(await original<typeof import("@/lib/auth/request-context")>()),
  getRequestContext: async () => ({ ip: "198.51.100.1", userAgent: "vitest-action" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The action's request: its host gives the portal's origin (lib/http/base-url.ts).
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => new Headers({ host: "portal.test" }) }));

const { POST } = await import("@/app/requests/[id]/attachments/route");
const { GET } = await import("@/app/requests/[id]/attachments/[attachmentId]/route");
const { removeAttachmentAction } = await import("@/app/requests/[id]/attachments/actions");

let db: TestDb;
const u: Record<string, CurrentUser> = {};
const ctx = { ip: null, userAgent: null, baseUrl: "http://localhost" };
const HOST = "portal.test";

async function newDraft(user = u.gt): Promise<string> {
  const { id } = await createRequest(user, { primaryLocale: "es", titleEs: "Equipos de marcaje", submit: false, creationKey: randomUUID() }, ctx);
  return id;
}

function uploadRequest(
  requestId: string,
  files: { name: string; bytes: Uint8Array }[],
  headers: Record<string, string> = {},
): Request {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)]), f.name);
  return new Request(`http://${HOST}/requests/${requestId}/attachments`, {
    method: "POST",
    body: form,
    headers: { host: HOST, origin: `http://${HOST}`, ...headers },
  });
}

const post = (req: Request, id: string) => POST(req, { params: Promise.resolve({ id }) });
const get = (id: string, attachmentId: string) =>
  GET(new Request(`http://${HOST}/requests/${id}/attachments/${attachmentId}`), { params: Promise.resolve({ id, attachmentId }) });

async function storedCount(): Promise<number> {
  return (await db.db.select({ n: count() }).from(requestAttachments))[0].n;
}

async function auditCount(): Promise<number> {
  return (await db.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.outcome, "success")))[0].n;
}

beforeAll(async () => {
  db = await createTestDb();
  const emails = { gt: "focal.gt@example.org", jm: "focal.jm@example.org", officer: "officer@example.org", donor: "donor.inl@example.org" };
  for (const [key, email] of Object.entries(emails)) {
    const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key] = (await loadActiveUser(row.id))!;
  }
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(() => {
  session.user = null;
});

describe("POST /requests/[id]/attachments", () => {
  it("stores the files and answers ok", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const res = await post(uploadRequest(id, [{ name: "plan.pdf", bytes: pdf() }, { name: "foto.pdf", bytes: png() }]), id);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.json()).toEqual({ ok: true, count: 2 });
    const rows = await db.db
      .select({ filename: requestAttachments.filename, contentType: requestAttachments.contentType })
      .from(requestAttachments)
      .where(eq(requestAttachments.requestId, id))
      .orderBy(asc(requestAttachments.filename));
    expect(rows).toEqual([
      { filename: "foto.png", contentType: "image/png" },
      { filename: "plan.pdf", contentType: "application/pdf" },
    ]);
  });

  it("answers 401 without a session, and stores nothing", async () => {
    const id = await newDraft();
    const before = await storedCount();
    const res = await post(uploadRequest(id, [{ name: "plan.pdf", bytes: pdf() }]), id);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, errors: [expect.stringContaining("session")] });
    expect(await storedCount()).toBe(before);
  });

  it("answers 404 to a focal point of another country, and to a donor, in their language", async () => {
    const id = await newDraft();
    const before = await storedCount();
    for (const who of ["jm", "donor", "officer"]) {
      session.user = u[who];
      const res = await post(uploadRequest(id, [{ name: "plan.pdf", bytes: pdf() }]), id);
      expect(res.status, who).toBe(404);
      expect(await res.json()).toEqual({ ok: false, errors: [createTranslator(u[who].locale)("attachments.errors.notFound")] });
    }
    expect(await storedCount()).toBe(before);
  });

  it("refuses a donor, a foreign focal point and a submitted request before reading a byte of the body", async () => {
    const id = await newDraft();
    const submitted = await newDraft();
    await db.db.execute(sql`UPDATE assistance_requests SET status = 'submitted' WHERE id = ${submitted}`);
    const cases = [
      { who: "donor", target: id, status: 404 },
      { who: "jm", target: id, status: 404 },
      { who: "gt", target: submitted, status: 400 },
    ];
    for (const c of cases) {
      session.user = u[c.who];
      let pulled = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled = true;
          controller.enqueue(new Uint8Array(1024));
        },
      }, { highWaterMark: 0 }); // pulled only when someone reads
      const req = new Request(`http://${HOST}/requests/${c.target}/attachments`, {
        method: "POST",
        body,
        headers: { host: HOST, origin: `http://${HOST}`, "content-type": "multipart/form-data; boundary=x" },
        duplex: "half",
      } as RequestInit);
      const res = await post(req, c.target);
      expect(res.status, c.who).toBe(c.status);
      expect(pulled, c.who).toBe(false);
    }
  });

  it("stops reading at the first bad part, whatever Content-Length claims, and keeps nothing", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const before = await storedCount();
    const heads = { tooLarge: bytesOf("%PDF-1.4\n"), wrongType: bytesOf("MZ\x90\x00") };
    for (const [problem, head] of Object.entries(heads)) {
      let pulled = 0;
      const framing = bytesOf(`--x\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      const chunk = new Uint8Array(1024 * 1024);
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            const next = pulled === 0 ? concat(framing, head, chunk) : chunk;
            pulled += next.length;
            if (pulled > 200 * 1024 * 1024) controller.close();
            else controller.enqueue(next);
          },
        },
        { highWaterMark: 0 },
      );
      const req = new Request(`http://${HOST}/requests/${id}/attachments`, {
        method: "POST",
        body,
        // A lying length: small enough to pass the early check.
        headers: { host: HOST, origin: `http://${HOST}`, "content-type": "multipart/form-data; boundary=x", "content-length": "1000" },
        duplex: "half",
      } as RequestInit);
      const res = await post(req, id);
      expect(res.status, problem).toBe(400);
      expect(((await res.json()) as { errors: string[] }).errors[1], problem).toContain("big.pdf");
      // 10 MB of file at most, plus what is thrown away after the answer; never the 200 MB sent.
      expect(pulled, problem).toBeLessThan(24 * 1024 * 1024);
    }
    expect(await storedCount()).toBe(before);
  });

  it("refuses bad files with every problem listed in the user's language (Spanish here), storing none", async () => {
    const id = await newDraft();
    session.user = u.gt; // Ana López works in Spanish
    const [before, auditBefore] = [await storedCount(), await auditCount()];
    const res = await post(
      uploadRequest(id, [
        { name: "bien.pdf", bytes: pdf() },
        { name: "factura.pdf", bytes: exe() },
      ]),
      id,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; errors: string[] };
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual([
      "No se agregó ningún archivo. Corrija los problemas indicados y vuelva a subirlos.",
      expect.stringContaining("«factura.pdf» no es un archivo PDF"),
    ]);
    expect([await storedCount(), await auditCount()]).toEqual([before, auditBefore]);
  });

  it("refuses a body declared larger than 10 files of 10 MB with 413, before reading it", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const req = new Request(`http://${HOST}/requests/${id}/attachments`, {
      method: "POST",
      body: "x",
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_UPLOAD_BODY_BYTES + 1),
      },
    });
    const res = await post(req, id);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: string[] }).errors[0]).toContain("10");
  });

  it("refuses a body larger than the limit even when its length is not declared", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const chunk = new Uint8Array(8 * 1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_UPLOAD_BODY_BYTES) controller.close();
        else {
          controller.enqueue(chunk);
          sent += chunk.length;
        }
      },
    });
    const req = new Request(`http://${HOST}/requests/${id}/attachments`, {
      method: "POST",
      body: stream,
      headers: { host: HOST, origin: `http://${HOST}`, "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const res = await post(req, id);
    expect(res.status).toBe(413);
  });

  it("refuses a POST from another origin (cross-site request forgery)", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const before = await storedCount();
    for (const origin of ["https://evil.example", "null"]) {
      const res = await post(uploadRequest(id, [{ name: "plan.pdf", bytes: pdf() }], { origin }), id);
      expect(res.status).toBe(403);
    }
    expect(await storedCount()).toBe(before);
  });

  it("refuses a body that is not a multipart form", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const res = await post(
      new Request(`http://${HOST}/requests/${id}/attachments`, {
        method: "POST",
        body: JSON.stringify({ files: [] }),
        headers: { host: HOST, "content-type": "application/json" },
      }),
      id,
    );
    expect(res.status).toBe(400);
  });

  it("answers 400 with a message when the form holds no file", async () => {
    const id = await newDraft();
    session.user = u.gt;
    const res = await post(uploadRequest(id, []), id);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, errors: ["Elija al menos un archivo para subir."] });
  });
});

describe("GET /requests/[id]/attachments/[attachmentId]", () => {
  let id: string;
  let fileId: string;

  beforeAll(async () => {
    id = await newDraft();
    [{ id: fileId }] = await addRequestAttachments(u.gt, { requestId: id, files: [{ name: 'Solicitud "año" 2026.pdf', bytes: pdf() }] }, ctx);
  });

  it("sends the bytes as a download with safe headers", async () => {
    session.user = u.gt;
    const res = await get(id, fileId);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf());
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf().byteLength),
      "content-disposition": `attachment; filename="Solicitud ano 2026.pdf"; filename*=UTF-8''Solicitud%20a%C3%B1o%202026.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "sandbox",
    });
  });

  it("answers a plain 404 to anyone who may not see the request, signed in or not", async () => {
    for (const who of [null, "jm", "officer", "donor"] as const) {
      session.user = who ? u[who] : null;
      const res = await get(id, fileId);
      expect(res.status, String(who)).toBe(404);
      expect(await res.text()).toBe("Not found");
    }
  });

  it("answers 404 for an unknown or malformed attachment id", async () => {
    session.user = u.gt;
    expect((await get(id, randomUUID())).status).toBe(404);
    expect((await get(id, "x'; DROP TABLE request_attachments; --")).status).toBe(404);
    expect((await get("nope", fileId)).status).toBe(404);
  });
});

describe("removeAttachmentAction", () => {
  it("removes the file for the filer", async () => {
    const id = await newDraft();
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [{ name: "a.png", bytes: padded(png(), 100) }] }, ctx);
    session.user = u.gt;
    expect(await removeAttachmentAction({ requestId: id, attachmentId: a.id })).toEqual({ ok: true, data: undefined });
    expect(await db.db.select().from(requestAttachments).where(eq(requestAttachments.id, a.id))).toEqual([]);
    const [event] = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "request.attachment.remove"));
    expect(event).toMatchObject({ ip: "198.51.100.1", userAgent: "vitest-action" });
  });

  it("is a 404 for a focal point of another country, and for ids that are not strings", async () => {
    const id = await newDraft();
    const [a] = await addRequestAttachments(u.gt, { requestId: id, files: [{ name: "a.pdf", bytes: pdf() }] }, ctx);
    session.user = u.jm;
    const notFound = { digest: expect.stringContaining("NEXT_HTTP_ERROR_FALLBACK;404") };
    await expect(removeAttachmentAction({ requestId: id, attachmentId: a.id })).rejects.toMatchObject(notFound);
    session.user = u.gt;
    await expect(removeAttachmentAction({ requestId: id, attachmentId: 42 } as never)).rejects.toMatchObject(notFound);
    expect(await db.db.select().from(requestAttachments).where(eq(requestAttachments.id, a.id))).toHaveLength(1);
  });
});
