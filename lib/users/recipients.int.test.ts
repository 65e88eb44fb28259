// Who gets a mail: the active holders of a role, scoped where the role is bound, once each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { recipientsOf } from "./recipients";

let db: TestDb;
const emails = (rows: { email: string }[]) => rows.map((r) => r.email);

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});

describe("recipientsOf", () => {
  it("finds the active holders of a role, with their language and name", async () => {
    const officers = await recipientsOf(db.db, { role: "program_officer" });
    expect(emails(officers)).toEqual(["officer@example.org"]);
    expect(officers[0]).toMatchObject({ locale: "en", name: "Daniel Reyes" });
  });

  it("scopes focal points to their country and partner users to their organization", async () => {
    expect(emails(await recipientsOf(db.db, { role: "focal_point", country: "GT" }))).toEqual(["focal.gt@example.org"]);
    expect(await recipientsOf(db.db, { role: "focal_point", country: "MX" })).toEqual([]);
    const [partner] = await db.db.select({ organizationId: users.organizationId }).from(users).where(eq(users.email, "partner.oas@example.org"));
    expect(emails(await recipientsOf(db.db, { role: "implementing_partner", organization: partner.organizationId! }))).toEqual(["partner.oas@example.org"]);
  });

  it("joins several audiences once each, in address order, and leaves out deactivated accounts and the excepted approver", async () => {
    const [partner] = await db.db.select({ id: users.id, organizationId: users.organizationId }).from(users).where(eq(users.email, "partner.oas@example.org"));
    const both = await recipientsOf(db.db, { role: "implementing_partner", organization: partner.organizationId! }, { role: "focal_point", country: "JM" }, { role: "focal_point", country: "JM" });
    expect(emails(both)).toEqual(["focal.jm@example.org", "partner.oas@example.org"]);

    const [approver] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, "approver@example.org"));
    expect(emails(await recipientsOf(db.db, { role: "approver" }))).toEqual(["approver@example.org"]);
    expect(await recipientsOf(db.db, { role: "approver", except: approver.id })).toEqual([]);

    await db.db.update(users).set({ isActive: false }).where(eq(users.email, "focal.jm@example.org"));
    expect(emails(await recipientsOf(db.db, { role: "focal_point", country: "JM" }))).toEqual([]);
    expect(await recipientsOf(db.db)).toEqual([]);
  });
});
