import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";
import { seedDemo, seedReference } from "./index";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb({ demo: false });
});
afterAll(async () => {
  await db.drop();
});

const TABLES = [
  "assistance_requests",
  "review_assignments",
  "request_decisions",
  "awards",
  "award_requests",
  "award_tranches",
  "request_programs",
  "request_revisions",
  "request_reference_counters",
  "countries",
  "organizations",
  "programs",
  "program_donors",
  "program_countries",
  "program_categories",
  "rubric_criteria",
  "indicators",
  "users",
  "user_roles",
];

/** Every seeded table's rows (without timestamps), in a stable order. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await execRows<Record<string, unknown>>(db.db, sql.raw(`SELECT * FROM ${table}`));
    out[table] = rows
      .map(({ created_at: _c, updated_at: _u, ...rest }) => JSON.stringify(rest))
      .sort();
  }
  return out;
}

describe("seed", () => {
  it("loads the reference facts", async () => {
    await seedReference(db.db);
    await seedDemo(db.db);
    const countries = await execRows<{ iso2: string; name_es: string; is_territory: boolean; etrace_signed_on: string | null; is_recipient: boolean }>(
      db.db,
      sql`SELECT iso2, name_es, is_territory, etrace_signed_on::text, is_recipient FROM countries`,
    );
    const recipients = countries.filter((c) => c.is_recipient);
    // 7 Central American states + 15 CARICOM members + the Dominican Republic (Belize is in both)
    expect(recipients).toHaveLength(22);
    expect(countries.find((c) => c.iso2 === "MS")?.is_territory).toBe(true);
    expect(countries.find((c) => c.iso2 === "PA")?.name_es).toBe("Panamá");
    expect(countries.find((c) => c.iso2 === "GT")?.etrace_signed_on).toBe("2008-12-12");
    // Caribbean eTrace status per state is unknown, not "no"
    expect(countries.find((c) => c.iso2 === "JM")?.etrace_signed_on).toBeNull();
    const programs = await execRows<{ key: string; n: number }>(
      db.db,
      sql`SELECT p.key, count(pc.*)::int AS n FROM programs p JOIN program_countries pc ON pc.program_id = p.id GROUP BY p.key`,
    );
    expect(Object.fromEntries(programs.map((p) => [p.key, p.n]))).toEqual({
      "merida-ca": 7,
      cbsi: 13,
      "oas-marking": 22,
      "unlirec-caribbean-stockpile": 15,
    });
    const roles = await execRows<{ role: string }>(db.db, sql`SELECT DISTINCT role::text FROM user_roles ORDER BY 1`);
    expect(roles.map((r) => r.role)).toEqual([
      "admin",
      "approver",
      "donor",
      "focal_point",
      "implementing_partner",
      "program_officer",
      "reviewer",
    ]);
  });

  it("is idempotent: a second run leaves exactly the same data", async () => {
    const first = await snapshot();
    await seedReference(db.db);
    await seedDemo(db.db);
    expect(await snapshot()).toEqual(first);
  });
});
