// The evidence upload and download route handlers, called as Next.js calls them, against the test
// database. Only the session lookup and Next's request-scoped helpers are replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { deliverableEvidence } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { exe, pdf } from "@/test/attachment-files";
import { createTestDb, type TestDb } from "@/test/db";
import { createTranslator } from "@/lib/i18n/translate";
import { session } from "@/test/route-session";
import { insertAward, loadUsers, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { POST } = await import("@/app/awards/[id]/deliverables/[deliverableId]/evidence/route");
const { GET } = await import("@/app/awards/[id]/deliverables/[deliverableId]/evidence/[evidenceId]/route");

const HOST = "portal.test";
let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let award: TestAward;
let other: TestAward;

function upload(awardId: string, deliverableId: string, files: { name: string; bytes: Uint8Array }[], headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)]), f.name);
  const req = new Request(`http://${HOST}/awards/${awardId}/deliverables/${deliverableId}/evidence`, {
    method: "POST",
    body: form,
    headers: { host: HOST, origin: `http://${HOST}`, ...headers },
  });
  return POST(req, { params: Promise.resolve({ id: awardId, deliverableId }) });
}
const download = (id: string, deliverableId: string, evidenceId: string) =>
  GET(new Request(`http://${HOST}/x`), { params: Promise.resolve({ id, deliverableId, evidenceId }) });
const stored = async () => (await db.db.select({ n: count() }).from(deliverableEvidence))[0].n;

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  award = await insertAward(db, u.officer.id);
  other = await insertAward(db, u.officer.id, { country: "JM", program: "cbsi", partner: "unlirec" });
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(() => {
  session.user = null;
});

describe("evidence routes", () => {
  it("store files from the partner and serve them, saved, to those who see the award", async () => {
    session.user = u.partner;
    const res = await upload(award.id, award.deliverables[0], [{ name: "acta.pdf", bytes: pdf() }]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, count: 1 });
    const [row] = await db.db.select({ id: deliverableEvidence.id }).from(deliverableEvidence);

    session.user = u.gt;
    const got = await download(award.id, award.deliverables[0], row.id);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(got.headers.get("content-security-policy")).toBe("sandbox");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");

    // The funding donor (donorInl) gets 404 too: donors reach awards through the dashboards only (decision 0011).
    for (const who of [null, u.jm, u.donorInl, u.donorWra]) {
      session.user = who;
      expect((await download(award.id, award.deliverables[0], row.id)).status).toBe(404);
    }
    session.user = u.officer;
    expect((await download(other.id, award.deliverables[0], row.id)).status).toBe(404);
  });

  it("refuse foreign origins, strangers, a deliverable of another award and bad files, storing nothing", async () => {
    const before = await stored();
    session.user = null;
    expect((await upload(award.id, award.deliverables[0], [{ name: "a.pdf", bytes: pdf() }])).status).toBe(401);
    session.user = u.gt;
    expect((await upload(award.id, award.deliverables[0], [{ name: "a.pdf", bytes: pdf() }], { origin: "https://evil.example" })).status).toBe(403);
    session.user = u.jm;
    expect((await upload(award.id, award.deliverables[0], [{ name: "a.pdf", bytes: pdf() }])).status).toBe(404);
    session.user = u.officer;
    expect((await upload(award.id, award.deliverables[0], [{ name: "a.pdf", bytes: pdf() }])).status).toBe(404);
    session.user = u.gt;
    expect((await upload(other.id, award.deliverables[0], [{ name: "a.pdf", bytes: pdf() }])).status).toBe(404);
    const bad = await upload(award.id, award.deliverables[0], [{ name: "run.pdf", bytes: exe() }]);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { ok: boolean; errors: string[] };
    expect(body.ok).toBe(false);
    expect(body.errors.join(" ")).toMatch(/run\.pdf/); // in Spanish, naming the file
    expect(await stored()).toBe(before);
  });

  it("name the deliverable, not a request, when it is not found, in the user's language", async () => {
    // Guatemala's focal point (Spanish) on Jamaica's award, Jamaica's (English) on Guatemala's.
    const cases: [DeliveryUserKey, TestAward, string][] = [
      ["gt", other, "Este producto no existe o usted no tiene acceso a él."],
      ["jm", award, "This deliverable does not exist, or you do not have access to it."],
    ];
    for (const [who, target, message] of cases) {
      session.user = u[who];
      const res = await upload(target.id, target.deliverables[0], [{ name: "a.pdf", bytes: pdf() }]);
      expect(res.status, who).toBe(404);
      const body = (await res.json()) as { ok: boolean; errors: string[] };
      expect(body, who).toEqual({ ok: false, errors: [createTranslator(u[who].locale)("delivery.errors.deliverableNotFound")] });
      expect(body.errors[0], who).toBe(message);
    }
  });
});
