// The IATI download route handler, called as Next.js calls it, against the test database: who gets the
// file (valid against the official schema), who gets the same plain 404, and the 409 a program with nothing
// to report answers in the user's language. Only the session lookup is replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { organizations, programDonors, programs } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { EmptyIatiExportError } from "@/lib/iati/build";
import { exportProgramIati } from "@/lib/iati/queries";
import { validateIatiXml } from "@/lib/iati/validate";
import { createTranslator } from "@/lib/i18n/translate";
import { createTestDb, type TestDb } from "@/test/db";
import { insertAward, loadUsers, rejectionOf, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { session } from "@/test/route-session";
import { todayIso } from "@/lib/dates";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());

const { GET } = await import("./route");

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
const programId: Record<string, string> = {};
const fx = {} as Record<"reported", TestAward>;

function expectValid(xml: string) {
  const result = validateIatiXml(xml);
  expect(result.output).toMatch(/validates/);
  expect(result.valid, result.output).toBe(true);
}

beforeAll(async () => {
  delete process.env.IATI_REPORTING_ORG_REF;
  db = await createTestDb();
  u = await loadUsers(db);
  for (const p of await db.db.select({ id: programs.id, key: programs.key }).from(programs)) programId[p.key] = p.id;
  fx.reported = await insertAward(db, u.officer.id);
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(() => {
  session.user = null;
});

describe("the download route", () => {
  const download = (id: string) => GET(new Request(`http://portal.test/dashboards/${id}/iati.xml`), { params: Promise.resolve({ programId: id }) });

  it("serves the program's donor an XML attachment that is never cached or sniffed", async () => {
    session.user = u.donorInl;
    const res = await download(programId["merida-ca"]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const today = todayIso();
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="merida-ca-iati-activities-${today}.xml"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.text();
    expectValid(body);
    expect(body).toContain(fx.reported.reference);
  });

  it("answers a plain 404 to the other donor, to strangers and to unknown programs", async () => {
    for (const who of [u.donorWra, null, u.gt, u.partner]) {
      session.user = who;
      const res = await download(programId["merida-ca"]);
      expect(res.status, who?.email ?? "anonymous").toBe(404);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await res.text()).not.toContain("<iati");
    }
    session.user = u.officer;
    expect((await download("nope")).status).toBe(404);
  });

  it("explains in the user's language that a program without reported awards has nothing to export", async () => {
    const [inl] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, "state-inl"));
    const [empty] = await db.db
      .insert(programs)
      .values({ key: "iati-empty", nameEn: "Empty", nameEs: "Vacío", currency: "USD", ceilingMinor: 100_000_000, approvalThresholdMinor: 1_000_000, startsOn: "2026-01-01", endsOn: "2026-12-31" })
      .returning({ id: programs.id });
    await db.db.insert(programDonors).values({ programId: empty.id, organizationId: inl.id });
    await insertAward(db, u.officer.id, { program: "iati-empty", status: "pending_approval" });
    expect(await rejectionOf(exportProgramIati(u.donorInl, empty.id))).toBeInstanceOf(EmptyIatiExportError);
    session.user = { ...u.donorInl, locale: "es" };
    const res = await download(empty.id);
    expect(res.status).toBe(409);
    expect(await res.text()).toBe(createTranslator("es")("iati.errors.nothingToExport"));
    session.user = u.donorWra;
    expect((await download(empty.id)).status).toBe(404);
  });
});
