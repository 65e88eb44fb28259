// Fixtures for the delivery tests (tranches, deliverables, equipment, reminders): the seeded users and
// awards written straight into the database, so each test controls dates and statuses exactly.
import { eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import { awardDeliverables, awards, awardTranches, organizations, programs, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ValidationError } from "@/lib/errors";
import type { TestDb } from "./db";

export const DELIVERY_EMAILS = {
  gt: "focal.gt@example.org",
  jm: "focal.jm@example.org",
  partner: "partner.oas@example.org",
  officer: "officer@example.org",
  donorInl: "donor.inl@example.org",
  donorWra: "donor.wra@example.org",
  reviewer: "reviewer@example.org",
  approver: "approver@example.org",
  admin: "admin@example.org",
} as const;
export type DeliveryUserKey = keyof typeof DELIVERY_EMAILS;

export const ctx = { ip: "203.0.113.9", userAgent: "vitest", baseUrl: "http://portal.test" };

export async function loadUsers(db: TestDb): Promise<Record<DeliveryUserKey, CurrentUser>> {
  const out = {} as Record<DeliveryUserKey, CurrentUser>;
  for (const [key, email] of Object.entries(DELIVERY_EMAILS) as [DeliveryUserKey, string][]) {
    const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    out[key] = (await loadActiveUser(row.id))!;
  }
  return out;
}

let counter = 0;

export interface TestAward {
  id: string;
  reference: string;
  tranches: string[];
  deliverables: string[];
}

/**
 * An award written directly: by default Guatemala, Merida (funded by INL), implemented by the OAS,
 * USD 100,000 over 2026-2027 in two tranches (60,000 and 40,000), one deliverable due 2026-06-30.
 */
export async function insertAward(
  db: TestDb,
  createdById: string,
  options: {
    country?: string;
    program?: string;
    partner?: string;
    status?: "active" | "pending_approval" | "completed" | "cancelled";
    startsOn?: string;
    endsOn?: string;
    deliverables?: { title: string; dueOn: string; status?: "pending" | "submitted" | "accepted" | "returned" }[];
  } = {},
): Promise<TestAward> {
  const [program] = await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, options.program ?? "merida-ca"));
  const [partner] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, options.partner ?? "oas"));
  counter += 1;
  const reference = `AW-T${process.pid % 1000}-${String(counter).padStart(4, "0")}`;
  const [award] = await db.db
    .insert(awards)
    .values({
      reference,
      programId: program.id,
      implementingPartnerId: partner.id,
      countryIso2: options.country ?? "GT",
      titleEn: `Test award ${reference}`,
      titleEs: `Subvención de prueba ${reference}`,
      amountMinor: 10_000_000,
      currency: "USD",
      startsOn: options.startsOn ?? "2026-01-01",
      endsOn: options.endsOn ?? "2027-12-31",
      status: options.status ?? "active",
      createdById,
    })
    .returning({ id: awards.id });
  const tranches = await db.db
    .insert(awardTranches)
    .values([
      { awardId: award.id, position: 1, plannedAmountMinor: 6_000_000, plannedOn: "2026-02-01" },
      { awardId: award.id, position: 2, plannedAmountMinor: 4_000_000, plannedOn: "2026-09-01" },
    ])
    .returning({ id: awardTranches.id, position: awardTranches.position });
  const deliverableSpecs = options.deliverables ?? [{ title: "Marking machines delivered and installed", dueOn: "2026-06-30" }];
  const deliverables =
    deliverableSpecs.length === 0
      ? []
      : await db.db
          .insert(awardDeliverables)
          .values(deliverableSpecs.map((d) => ({ awardId: award.id, title: d.title, dueOn: d.dueOn, status: d.status ?? "pending" })))
          .returning({ id: awardDeliverables.id });
  return {
    id: award.id,
    reference,
    tranches: tranches.sort((a, b) => a.position - b.position).map((t) => t.id),
    deliverables: deliverables.map((d) => d.id),
  };
}

/** Row counts of every table a delivery mutation may write, to prove a refusal changed nothing. */
export async function deliveryCounts(db: TestDb) {
  const [row] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM disbursements) AS disbursements,
               (SELECT count(*)::int FROM award_tranches WHERE released_on IS NOT NULL) AS released,
               (SELECT count(*)::int FROM award_deliverables) AS deliverables,
               (SELECT count(*)::int FROM deliverable_evidence) AS evidence,
               (SELECT count(*)::int FROM equipment_items) AS items,
               (SELECT count(*)::int FROM equipment_checks) AS checks,
               (SELECT count(*)::int FROM reminders_sent) AS reminders,
               (SELECT count(*)::int FROM audit_events WHERE outcome = 'success') AS audit,
               (SELECT count(*)::int FROM outbox) AS outbox`,
  );
  return row;
}

/** The message keys of a ValidationError, by field ("_form" for the form's own message). */
export function errorKeys(error: unknown): Record<string, string> {
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  const out: Record<string, string> = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.key]));
  if (error.formError) out._form = error.formError.key;
  return out;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}
