// Fixtures for the program office's integration tests (screening, decisions, comments, matching):
// the demo users, a second officer for the concurrency tests, requests in each workflow state,
// and counts of what a transition writes.
import { eq, sql } from "drizzle-orm";
import { execRows } from "@/db/client";
import { assistanceRequests, programs, reviewAssignments, userRoles, users } from "@/db/schema";
import { loadActiveUser, type CurrentUser } from "@/lib/auth/queries";
import { ValidationError } from "@/lib/errors";
import { createRequest } from "@/lib/requests/mutations";
import { startScreening, completeScreening } from "@/lib/screening/mutations";
import type { TestDb } from "./db";
import { addDays, todayIso } from "@/lib/dates";

export const ctx = { ip: "203.0.113.7", userAgent: "vitest", baseUrl: "http://portal.test" };

export const EMAILS = {
  gt: "focal.gt@example.org",
  jm: "focal.jm@example.org",
  partner: "partner.oas@example.org",
  officer: "officer@example.org",
  reviewer: "reviewer@example.org",
  approver: "approver@example.org",
  donor: "donor.inl@example.org",
  admin: "admin@example.org",
} as const;
export type Who = keyof typeof EMAILS | "officer2";

/** Every demo role but the program officer: none of them screens or decides. */
export const NOT_OFFICERS = ["gt", "jm", "partner", "reviewer", "approver", "donor", "admin"] as const;

export const FULL_CHECKLIST = { narrativeClear: true, costReasonable: true, noProhibitedData: true, nationalOwnership: true };

export interface Fixtures {
  u: Record<Who, CurrentUser>;
  program: Record<"oasMarking" | "meridaCa" | "cbsi" | "unlirec", string>;
}

/** Loads the demo users (and adds a second program officer) and the seeded programs' ids. */
export async function loadFixtures(db: TestDb): Promise<Fixtures> {
  const u = {} as Record<Who, CurrentUser>;
  for (const [key, email] of Object.entries(EMAILS)) {
    const [user] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    u[key as Who] = (await loadActiveUser(user.id))!;
  }
  const [second] = await db.db
    .insert(users)
    .values({ email: "officer2@example.org", name: "Second Officer", locale: "es" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  const secondId = second?.id ?? (await db.db.select({ id: users.id }).from(users).where(eq(users.email, "officer2@example.org")))[0].id;
  await db.db.insert(userRoles).values({ userId: secondId, role: "program_officer" }).onConflictDoNothing();
  u.officer2 = (await loadActiveUser(secondId))!;
  const byKey = async (key: string) => (await db.db.select({ id: programs.id }).from(programs).where(eq(programs.key, key)))[0].id;
  return {
    u,
    program: {
      oasMarking: await byKey("oas-marking"),
      meridaCa: await byKey("merida-ca"),
      cbsi: await byKey("cbsi"),
      unlirec: await byKey("unlirec-caribbean-stockpile"),
    },
  };
}

const inAYear = () => addDays(todayIso(), 365);

/** A complete marking-equipment request from Guatemala, in Spanish. */
export function guatemalaContent(programIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    primaryLocale: "es",
    category: "marking_equipment",
    titleEs: "Equipos de marcaje para la PNC",
    narrativeEs: "La Policía Nacional Civil necesita marcar las armas incautadas y las de dotación.",
    justificationEs: "Cumplir con la CIFTA y mejorar el rastreo de armas.",
    details: { machinesWanted: "4", firearmsToMarkPerYear: "12000", operatingAgencies: "PNC, DIGECAM" },
    estimatedCost: "250000",
    urgency: "high",
    desiredStartOn: inAYear(),
    programIds,
    ...overrides,
  };
}

/** A complete eTrace request from Jamaica, in English. */
export function jamaicaContent(programIds: string[]) {
  return {
    primaryLocale: "en",
    category: "etrace_onboarding",
    titleEn: "eTrace accounts for the JCF",
    narrativeEn: "Extend eTrace accounts to divisional investigators of the Jamaica Constabulary Force.",
    justificationEn: "Faster tracing of recovered crime guns.",
    details: { etraceAgencies: "JCF", etraceAccountsWanted: "40", etraceLanguage: "en", etraceTrainingNeeded: "true" },
    estimatedCost: "60000",
    urgency: "high",
    desiredStartOn: inAYear(),
    programIds,
  };
}

export async function submitted(user: CurrentUser, content: Record<string, unknown>): Promise<string> {
  const { id } = await createRequest(user, { ...content, submit: true, creationKey: crypto.randomUUID() }, ctx);
  return id;
}

export async function requestRow(db: TestDb, id: string) {
  const [r] = await db.db.select().from(assistanceRequests).where(eq(assistanceRequests.id, id));
  return r;
}

/** A submitted request taken into screening by the officer. */
export async function inScreening(db: TestDb, f: Fixtures, content: Record<string, unknown>): Promise<string> {
  const id = await submitted(content.primaryLocale === "en" ? f.u.jm : f.u.gt, content);
  await startScreening(f.u.officer, { requestId: id, expectedVersion: (await requestRow(db, id)).version }, ctx);
  return id;
}

/** A request screened against its program and sent to review. */
export async function inReview(db: TestDb, f: Fixtures, content: Record<string, unknown>, programId: string): Promise<string> {
  const id = await inScreening(db, f, content);
  await completeScreening(
    f.u.officer,
    { requestId: id, programId, checklist: FULL_CHECKLIST, outcome: "send_to_review", expectedVersion: (await requestRow(db, id)).version },
    ctx,
  );
  return id;
}

/** Assigns the demo reviewer to a request (as the reviews module would), in the given state. */
export async function assignReviewer(db: TestDb, f: Fixtures, requestId: string, status: "active" | "recused" = "active") {
  await db.db
    .insert(reviewAssignments)
    .values({ requestId, reviewerId: f.u.reviewer.id, assignedById: f.u.officer.id, status })
    .onConflictDoUpdate({ target: [reviewAssignments.requestId, reviewAssignments.reviewerId], set: { status } });
}

/** Everything a transition may write, for "exactly one" and "nothing changed" checks. */
export async function counts(db: TestDb) {
  const [row] = await execRows<Record<string, number>>(
    db.db,
    sql`SELECT (SELECT count(*)::int FROM audit_events WHERE outcome = 'success') AS audit,
               (SELECT count(*)::int FROM outbox) AS outbox,
               (SELECT count(*)::int FROM request_screenings) AS screenings,
               (SELECT count(*)::int FROM request_decisions) AS decisions,
               (SELECT count(*)::int FROM request_comments) AS comments,
               (SELECT coalesce(sum(version), 0)::int FROM assistance_requests) AS versions`,
  );
  return row;
}

/** What changed between two counts (only the non-zero differences). */
export function delta(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]).filter(([, v]) => v !== 0));
}

/** The letters (changes requested, decisions) written about a request, as "template:locale:to", sorted. */
export async function lettersFor(db: TestDb, requestId: string): Promise<string[]> {
  const { reference } = await requestRow(db, requestId);
  const rows = await execRows<{ template: string; locale: string; to_email: string }>(
    db.db,
    sql`SELECT template, locale, to_email FROM outbox
        WHERE template IN ('changes-requested', 'decision-letter') AND payload->>'reference' = ${reference}`,
  );
  return rows.map((r) => `${r.template}:${r.locale}:${r.to_email}`).sort();
}

/** The payloads of the letters about a request. */
export async function letterPayloads(db: TestDb, requestId: string): Promise<Record<string, unknown>[]> {
  const { reference } = await requestRow(db, requestId);
  const rows = await execRows<{ payload: Record<string, unknown> }>(
    db.db,
    sql`SELECT payload FROM outbox WHERE template IN ('changes-requested', 'decision-letter') AND payload->>'reference' = ${reference}`,
  );
  return rows.map((r) => r.payload);
}

/** The audit actions recorded on an entity, oldest first. */
export async function auditActions(db: TestDb, entityId: string): Promise<string[]> {
  const rows = await execRows<{ action: string }>(
    db.db,
    sql`SELECT action FROM audit_events WHERE entity_id = ${entityId} ORDER BY occurred_at, id`,
  );
  return rows.map((r) => r.action);
}

/** The field-error keys of a ValidationError (and "_form" for its form error). */
export function errorKeys(error: unknown): Record<string, string> {
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  const out: Record<string, string> = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.key]));
  if (error.formError) out._form = error.formError.key;
  return out;
}
