// The CSV download route handler, called as Next.js calls it, against the test database: the file as a
// private attachment in the user's language, and the same plain 404 for everyone who may not have it.
// Only the session lookup is replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { organizations, programDonors, programs } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { EXPORT_FILES } from "@/lib/exports/queries";
import { parseCsv } from "@/test/csv-reader";
import { createTestDb, type TestDb } from "@/test/db";
import { insertAward, loadUsers, type DeliveryUserKey, type TestAward } from "@/test/delivery-fixtures";
import { session } from "@/test/route-session";

vi.mock("@/lib/auth/current-user", async () => (await import("@/test/route-session")).currentUserMock());
vi.mock("@/lib/i18n/server", async () => (await import("@/test/route-session")).i18nServerMock());

const { GET } = await import("./route");

const HOST = "portal.test";
const download = (programId: string, file: string) => GET(new Request(`http://${HOST}/dashboards/${programId}/export/${file}`), { params: Promise.resolve({ programId, file }) });

let db: TestDb;
let u: Record<DeliveryUserKey, CurrentUser>;
let programId: string;
const seeded: Record<string, string> = {};
let a1: TestAward; // GT, active
let a2: TestAward; // PA, completed

beforeAll(async () => {
  db = await createTestDb();
  u = await loadUsers(db);
  for (const p of await db.db.select({ id: programs.id, key: programs.key }).from(programs)) seeded[p.key] = p.id;
  const [inl] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, "state-inl"));
  const [program] = await db.db
    .insert(programs)
    .values({ key: "exp-test", nameEn: "Export test", nameEs: "Prueba de exportación", currency: "USD", ceilingMinor: 1_000_000_000, approvalThresholdMinor: 500_000_000, startsOn: "2025-01-01", endsOn: "2028-12-31" })
    .returning({ id: programs.id });
  programId = program.id;
  await db.db.insert(programDonors).values({ programId, organizationId: inl.id });
  a1 = await insertAward(db, u.officer.id, { program: "exp-test", country: "GT" });
  a2 = await insertAward(db, u.officer.id, { program: "exp-test", country: "PA", status: "completed" });
  // Not reported to donors: stays out of the file.
  await insertAward(db, u.officer.id, { program: "exp-test", country: "GT", status: "pending_approval" });
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(() => {
  session.user = null;
});

describe("GET /dashboards/[programId]/export/[file]", () => {
  it("serves the file as a private, non-sniffable CSV attachment", async () => {
    session.user = u.donorInl;
    const res = await download(programId, "awards.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="exp-test-awards-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes));
    expect(rows.map((r) => r[0])).toEqual(["Reference", a1.reference, a2.reference]);
  });

  it("serves every file, in the signed-in user's language", async () => {
    session.user = { ...u.officer, locale: "es" };
    for (const file of EXPORT_FILES) {
      const res = await download(programId, `${file}.csv`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-disposition"), file).toContain(`exp-test-${file}-`);
      // Response.text() would drop the BOM (WHATWG decoding), so decode the bytes as a spreadsheet does.
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(parseCsv(text)[0][0], file).toMatch(/^Referencia/);
    }
  });

  it("answers a plain 404 to another donor, the signed-out, other file names and malformed ids", async () => {
    const expect404 = async (res: Response, what: string) => {
      expect(res.status, what).toBe(404);
      expect(res.headers.get("content-type"), what).toBe("text/plain; charset=utf-8");
      expect(res.headers.get("cache-control"), what).toBe("private, no-store");
      expect(await res.text(), what).toBe("Not found");
    };
    await expect404(await download(programId, "awards.csv"), "signed out");
    session.user = u.donorWra;
    for (const file of EXPORT_FILES) await expect404(await download(programId, `${file}.csv`), `wra ${file}`);
    await expect404(await download(seeded["merida-ca"], "awards.csv"), "wra merida");
    session.user = u.donorInl;
    await expect404(await download(seeded["oas-marking"], "disbursements.csv"), "inl oas");
    for (const file of ["foo.csv", "awards", "awards.xlsx", "awards.csv.csv", "AWARDS.csv", "indicator_actuals.csv", ".csv"]) await expect404(await download(programId, file), file);
    await expect404(await download("not-a-uuid", "awards.csv"), "malformed id");
    session.user = u.reviewer;
    await expect404(await download(programId, "awards.csv"), "reviewer");
  });
});
