// The per-user cap on parallel uploads, held in PostgreSQL: the slots themselves, then both upload routes
// called as Next.js calls them (only the session lookup and Next's request-scoped helpers are replaced).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { deliverableEvidence, requestAttachments, uploadSlots } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { createRequest } from "@/lib/requests/mutations";
import { pdf } from "@/test/attachment-files";
import { createTestDb, type TestDb } from "@/test/db";
import { ctx, insertAward, loadUsers, type DeliveryUserKey } from "@/test/delivery-fixtures";
import { session } from "@/test/route-session";
import { releaseUploadSlot, takeUploadSlot, uploadSlotLimitsFromEnv } from "./upload-slots";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { POST: uploadAttachments } = await import("@/app/requests/[id]/attachments/route");
const { POST: uploadEvidence } = await import("@/app/awards/[id]/deliverables/[deliverableId]/evidence/route");

const HOST = "portal.test";
const LIMITS = { perUser: 3, ttlSeconds: 600 };
let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;

async function slotsOf(user: CurrentUser): Promise<number> {
  return (await db.db.select({ n: count() }).from(uploadSlots).where(eq(uploadSlots.userId, user.id)))[0].n;
}

async function releaseAll(user: CurrentUser): Promise<void> {
  await db.db.delete(uploadSlots).where(eq(uploadSlots.userId, user.id));
}

/** A multipart body that counts how far it was read (it is pulled only when someone reads it). */
function watchedUpload(url: string): { request: Request; wasRead: () => boolean } {
  let pulled = false;
  const boundary = "slotboundary";
  const bytes = new Uint8Array([
    ...new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    ...pdf(),
    ...new TextEncoder().encode(`\r\n--${boundary}--\r\n`),
  ]);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled = true;
        controller.enqueue(bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://${HOST}${url}`, {
    method: "POST",
    body,
    headers: { host: HOST, origin: `http://${HOST}`, "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  return { request, wasRead: () => pulled };
}

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(async () => {
  session.user = null;
  for (const user of Object.values(u)) await releaseAll(user);
});

describe("upload slots", () => {
  it("of N + 1 parallel takers exactly N get a slot; of 12, still N", async () => {
    // Open the pool's connections first, so that the takers below really run at the same time.
    await Promise.all(Array.from({ length: 12 }, () => db.db.execute(sql`SELECT pg_sleep(0.05)`)));
    const first = await Promise.all(Array.from({ length: LIMITS.perUser + 1 }, () => takeUploadSlot(u.gt.id, LIMITS)));
    expect(first.filter((s) => s !== null)).toHaveLength(LIMITS.perUser);
    expect(new Set(first.filter((s) => s !== null)).size).toBe(LIMITS.perUser);
    expect(await slotsOf(u.gt)).toBe(LIMITS.perUser);

    await releaseAll(u.gt);
    const many = await Promise.all(Array.from({ length: 12 }, () => takeUploadSlot(u.gt.id, LIMITS)));
    expect(many.filter((s) => s !== null)).toHaveLength(LIMITS.perUser);
    expect(await slotsOf(u.gt)).toBe(LIMITS.perUser);
  });

  it("a released slot can be taken again, once", async () => {
    const slots = await Promise.all([1, 2, 3].map(() => takeUploadSlot(u.gt.id, LIMITS)));
    expect(await takeUploadSlot(u.gt.id, LIMITS)).toBeNull();
    await releaseUploadSlot(slots[1]!);
    await releaseUploadSlot(slots[1]!); // twice changes nothing
    const again = await Promise.all([takeUploadSlot(u.gt.id, LIMITS), takeUploadSlot(u.gt.id, LIMITS)]);
    expect(again.filter((s) => s !== null)).toHaveLength(1);
    expect(await slotsOf(u.gt)).toBe(3);
  });

  it("a slot its process never released stops counting once it expires, and is cleared", async () => {
    await Promise.all([1, 2, 3].map(() => takeUploadSlot(u.gt.id, LIMITS)));
    expect(await takeUploadSlot(u.gt.id, LIMITS)).toBeNull();
    // Two of the three holders crashed long ago.
    await db.db.execute(
      sql`UPDATE upload_slots SET expires_at = now() - interval '1 second' WHERE id IN (SELECT id FROM upload_slots WHERE user_id = ${u.gt.id} LIMIT 2)`,
    );
    const taken = await Promise.all([1, 2, 3].map(() => takeUploadSlot(u.gt.id, LIMITS)));
    expect(taken.filter((s) => s !== null)).toHaveLength(2);
    expect(await slotsOf(u.gt)).toBe(3);
  });

  it("expires on its own after the configured time", async () => {
    const short = { perUser: 1, ttlSeconds: 1 };
    expect(await takeUploadSlot(u.gt.id, short)).not.toBeNull();
    expect(await takeUploadSlot(u.gt.id, short)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await takeUploadSlot(u.gt.id, short)).not.toBeNull();
  });

  it("one user's uploads do not take another's slots", async () => {
    await Promise.all([1, 2, 3].map(() => takeUploadSlot(u.gt.id, LIMITS)));
    expect(await takeUploadSlot(u.gt.id, LIMITS)).toBeNull();
    expect(await takeUploadSlot(u.partner.id, LIMITS)).not.toBeNull();
  });

  it("reads the cap and the lifetime from the environment, ignoring nonsense", () => {
    expect(uploadSlotLimitsFromEnv({})).toEqual({ perUser: 3, ttlSeconds: 600 });
    expect(uploadSlotLimitsFromEnv({ UPLOADS_PER_USER: "5", UPLOAD_SLOT_TTL_SECONDS: "120" })).toEqual({ perUser: 5, ttlSeconds: 120 });
    expect(uploadSlotLimitsFromEnv({ UPLOADS_PER_USER: "0", UPLOAD_SLOT_TTL_SECONDS: "soon" })).toEqual({ perUser: 3, ttlSeconds: 600 });
  });
});

describe("the upload routes over the cap", () => {
  it("a request attachment: 429 in the user's language before a byte is read, nothing stored; then, a slot free, accepted and released", async () => {
    const { id } = await createRequest(u.gt, { primaryLocale: "es", titleEs: "Equipos de marcaje", submit: false, creationKey: randomUUID() }, ctx);
    const held = await Promise.all([1, 2, 3].map(() => takeUploadSlot(u.gt.id)));
    session.user = u.gt;
    const refused = watchedUpload(`/requests/${id}/attachments`);
    const res = await uploadAttachments(refused.request, { params: Promise.resolve({ id }) });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("10");
    const body = await res.json();
    expect(body.errors[0]).toBe("Ya tiene 3 cargas en curso. Espere a que termine alguna y vuelva a intentarlo.");
    expect(refused.wasRead()).toBe(false);
    expect((await db.db.select({ n: count() }).from(requestAttachments).where(eq(requestAttachments.requestId, id)))[0].n).toBe(0);

    await releaseUploadSlot(held[0]!);
    const accepted = watchedUpload(`/requests/${id}/attachments`);
    const ok = await uploadAttachments(accepted.request, { params: Promise.resolve({ id }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, count: 1 });
    expect(await slotsOf(u.gt)).toBe(2); // the upload gave its slot back
  });

  it("a refused upload (a bad file) gives its slot back too, and a stranger never takes one", async () => {
    const { id } = await createRequest(u.gt, { primaryLocale: "es", titleEs: "Equipos de marcaje", submit: false, creationKey: randomUUID() }, ctx);
    session.user = u.gt;
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])]), "run.pdf");
    const bad = await uploadAttachments(
      new Request(`http://${HOST}/requests/${id}/attachments`, { method: "POST", body: form, headers: { host: HOST, origin: `http://${HOST}` } }),
      { params: Promise.resolve({ id }) },
    );
    expect(bad.status).toBe(400);
    expect(await slotsOf(u.gt)).toBe(0);

    session.user = u.jm;
    const foreign = watchedUpload(`/requests/${id}/attachments`);
    expect((await uploadAttachments(foreign.request, { params: Promise.resolve({ id }) })).status).toBe(404);
    expect(await slotsOf(u.jm)).toBe(0);
  });

  it("deliverable evidence: 429 in English for an English speaker, nothing stored", async () => {
    const award = await insertAward(db, u.officer.id, { country: "JM" });
    const deliverableId = award.deliverables[0];
    await Promise.all([1, 2, 3].map(() => takeUploadSlot(u.jm.id)));
    session.user = u.jm;
    const refused = watchedUpload(`/awards/${award.id}/deliverables/${deliverableId}/evidence`);
    const res = await uploadEvidence(refused.request, { params: Promise.resolve({ id: award.id, deliverableId }) });
    expect(res.status).toBe(429);
    expect((await res.json()).errors).toEqual(["You already have 3 uploads in progress. Wait for one of them to finish, then try again."]);
    expect(refused.wasRead()).toBe(false);
    expect((await db.db.select({ n: count() }).from(deliverableEvidence).where(eq(deliverableEvidence.deliverableId, deliverableId)))[0].n).toBe(0);
  });
});
