// The scale data set (`npm run db:seed -- --scale[=factor]`): at factor 1 about 50,000 requests in every
// status across the 22 recipient states, 5,000 awards with tranches, deliverables, reporting calendars,
// reports, actuals, equipment and checks, and about 145,000 audit events. Written with multi-row INSERTs
// through the schema's own constraints and triggers (the program ceiling guard included), after the
// reference and demo data, on programs, accounts and requests of its own. Deterministic: the same seed on
// the same starting data writes the same rows, ids included. Dates are fixed around SCALE_TODAY.
import { eq, getTableColumns, getTableName, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../client";
import { execRows } from "../client";
import {
  auditEvents,
  countries,
  indicators,
  organizations,
  programCategories,
  programCountries,
  programDonors,
  programs,
  rubricCriteria,
  userRoles,
  users,
} from "../schema";
import { ASSISTANCE_CATEGORIES, type Role } from "../../lib/enums";
import { DEFAULT_RUBRIC } from "../../lib/programs/default-rubric";
import { seededRng, type Rng } from "./scale-random";
import { buildRequests, type ScaleRequest } from "./scale-requests";
import { buildAwards } from "./scale-awards";

/** The day the scale data treats as today: reports, deliverables and disbursements are due around it. */
export const SCALE_TODAY = "2026-06-30";
export const SCALE_REQUESTS = 50_000;
export const SCALE_AWARDS = 5_000;
export const SCALE_PROGRAM_KEYS = ["scale-regional-marking", "scale-stockpile-security", "scale-capacity", "scale-legal-frameworks", "scale-border-pilot"] as const;
/**
 * Each program's share of the requests, and so of the awards (in SCALE_PROGRAM_KEYS' order): three of
 * about 1,230-1,320 awards, one of about 1,100 (1,013 of them active or completed: the program PDF's
 * benchmark of 1,000 awards) and one of about 95 (93 reported: its benchmark of 100). The last two are
 * funded by the same donor as the first (donors alternate).
 */
export const SCALE_PROGRAM_SHARES = [0.258, 0.258, 0.205, 0.261, 0.018] as const;
const BATCH = 1_000;

export interface ScaleOptions {
  /** 1 = the full size; 0.01 = 500 requests and 50 awards. */
  factor?: number;
  seed?: number;
}

export type ScaleCounts = Record<string, number>;

export interface ScaleContext {
  rng: Rng;
  today: string;
  countries: { iso2: string; primaryLocale: "en" | "es" }[];
  programIds: string[];
  partnerIds: string[];
  indicatorIds: string[];
  focalByCountry: Map<string, string>;
  officers: string[];
  approvers: string[];
  partnerUsers: string[];
  /** The last award number taken (award_number_seq, as the app numbers awards). */
  lastAwardNumber: number;
  /** Rows by table, in insertion order. */
  rows: Map<PgTable, Record<string, unknown>[]>;
}

export function push(ctx: ScaleContext, table: PgTable, row: Record<string, unknown>): void {
  let list = ctx.rows.get(table);
  if (!list) ctx.rows.set(table, (list = []));
  list.push(row);
}

/** Adds the scale data set; returns the rows written per table, or null when it is there already. */
export async function seedScale(db: Db, options: ScaleOptions = {}): Promise<ScaleCounts | null> {
  const factor = options.factor ?? 1;
  if (!(factor > 0 && factor <= 10)) throw new RangeError(`scale factor must be in (0, 10], got ${factor}`);
  const [existing] = await db.select({ id: programs.id }).from(programs).where(eq(programs.key, SCALE_PROGRAM_KEYS[0]));
  if (existing) return null;
  const rng = seededRng(options.seed ?? 20_260_630);
  const requestCount = Math.max(20, Math.round(SCALE_REQUESTS * factor));
  const awardCount = Math.max(10, Math.round(SCALE_AWARDS * factor));
  const counts = await db.transaction(async (tx) => {
    const ctx = await loadContext(tx, rng);
    const requests: ScaleRequest[] = buildRequests(ctx, requestCount, awardCount, await referenceCounters(tx));
    buildAwards(ctx, requests.filter((r) => r.status === "awarded"));
    const counts: ScaleCounts = {};
    for (const [table, rows] of ctx.rows) {
      await insertAll(tx, table, rows);
      counts[getTableName(table)] = (counts[getTableName(table)] ?? 0) + rows.length;
    }
    await bumpCounters(tx, requests);
    // The next award created in the app takes the number after the scale awards'.
    if (ctx.lastAwardNumber > 0) await tx.execute(sql`SELECT setval('award_number_seq', ${ctx.lastAwardNumber})`);
    return counts;
  });
  // Fresh statistics: without them the planner takes the new tables for empty and picks nested loops. And
  // the visibility map, as autovacuum would leave it, so that index-only scans skip the table (the request
  // list's pages read their ids from an index alone).
  await db.execute(sql`VACUUM ANALYZE`);
  return counts;
}

/**
 * Multi-row INSERTs of BATCH rows, each batch sent as one JSON parameter and expanded by
 * json_populate_recordset into the table's own row type: the rows pass the same constraints and triggers
 * as any insert, and columns a row leaves out take their defaults.
 */
async function insertAll(tx: Tx, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]);
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`unknown column ${k} of ${getTableName(table)}`);
    return `"${column.name}"`;
  });
  const list = sql.raw(names.join(", "));
  const target = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => {
      if (Object.keys(row).length !== keys.length) throw new Error(`rows of ${getTableName(table)} differ in their columns`);
      return Object.fromEntries(keys.map((k) => [columns[k].name, row[k] ?? null]));
    });
    await tx.execute(sql`INSERT INTO ${target} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${target}, ${JSON.stringify(batch)}::json)`);
  }
}

/** The scale programs, accounts and lookups every generated row refers to. */
async function loadContext(tx: Tx, rng: Rng): Promise<ScaleContext> {
  const recipientRows = await tx
    .select({ iso2: countries.iso2, languages: countries.languages })
    .from(countries)
    .where(eq(countries.isRecipient, true))
    .orderBy(countries.iso2);
  const orgRows = await tx.select({ id: organizations.id, key: organizations.key, type: organizations.type }).from(organizations).orderBy(organizations.key);
  const indicatorRows = await tx.select({ id: indicators.id }).from(indicators).orderBy(indicators.key);
  const partnerIds = orgRows.filter((o) => o.type === "implementing_partner").map((o) => o.id);
  const donorIds = orgRows.filter((o) => o.type === "donor").map((o) => o.id);
  const ctx: ScaleContext = {
    rng,
    today: SCALE_TODAY,
    countries: recipientRows.map((c) => ({ iso2: c.iso2, primaryLocale: (c.languages as string[]).includes("es") && !(c.languages as string[]).includes("en") ? "es" : "en" })),
    programIds: [],
    partnerIds,
    indicatorIds: indicatorRows.map((i) => i.id),
    focalByCountry: new Map(),
    officers: [],
    approvers: [],
    partnerUsers: [],
    lastAwardNumber: await lastAwardNumber(tx),
    rows: new Map(),
  };
  await insertPrograms(tx, ctx, donorIds);
  await insertUsers(tx, ctx, partnerIds);
  return ctx;
}

async function insertPrograms(tx: Tx, ctx: ScaleContext, donorIds: string[]): Promise<void> {
  for (const [index, key] of SCALE_PROGRAM_KEYS.entries()) {
    const id = ctx.rng.uuid();
    const label = key.replace(/^scale-/, "").replace(/-/g, " ");
    await tx.insert(programs).values({
      id,
      key,
      nameEn: `Scale data: ${label}`,
      nameEs: `Datos de escala: ${label}`,
      currency: "USD",
      // A ceiling no generated award set can reach ($10 billion), so the ceiling guard passes every award.
      ceilingMinor: 1_000_000_000_000,
      approvalThresholdMinor: 50_000_000,
      startsOn: "2020-01-01",
      endsOn: "2030-12-31",
      isDemoFigures: true,
    });
    await tx.insert(programDonors).values({ programId: id, organizationId: donorIds[index % donorIds.length] });
    await tx.insert(programCountries).values(ctx.countries.map((c) => ({ programId: id, countryIso2: c.iso2 })));
    await tx.insert(programCategories).values(ASSISTANCE_CATEGORIES.map((category) => ({ programId: id, category })));
    await tx.insert(rubricCriteria).values(DEFAULT_RUBRIC.map((c, position) => ({ ...c, programId: id, position })));
    ctx.programIds.push(id);
  }
}

/** One focal point per state, officers, approvers and partner staff, all scale.*@example.org. */
async function insertUsers(tx: Tx, ctx: ScaleContext, partnerOrgIds: string[]): Promise<void> {
  const accounts: { email: string; name: string; role: Role; countryIso2?: string; organizationId?: string; locale: "en" | "es" }[] = [];
  for (const c of ctx.countries) {
    accounts.push({ email: `scale.focal.${c.iso2.toLowerCase()}@example.org`, name: `Scale focal point ${c.iso2}`, role: "focal_point", countryIso2: c.iso2, locale: c.primaryLocale });
  }
  for (let i = 1; i <= 6; i++) accounts.push({ email: `scale.officer${i}@example.org`, name: `Scale officer ${i}`, role: "program_officer", locale: i % 2 ? "en" : "es" });
  for (let i = 1; i <= 2; i++) accounts.push({ email: `scale.approver${i}@example.org`, name: `Scale approver ${i}`, role: "approver", locale: "en" });
  partnerOrgIds.forEach((organizationId, i) => accounts.push({ email: `scale.partner${i + 1}@example.org`, name: `Scale partner ${i + 1}`, role: "implementing_partner", organizationId, locale: "en" }));
  const emails = accounts.map((a) => a.email);
  const taken = await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  if (taken.length > 0) throw new Error(`scale accounts exist already (${taken[0].email}) without the scale programs`);
  const rows = accounts.map((a) => ({ id: ctx.rng.uuid(), email: a.email, name: a.name, locale: a.locale, countryIso2: a.countryIso2 ?? null, organizationId: a.organizationId ?? null, isActive: true }));
  await tx.insert(users).values(rows);
  await tx.insert(userRoles).values(rows.map((r, i) => ({ userId: r.id, role: accounts[i].role })));
  rows.forEach((r, i) => {
    const role = accounts[i].role;
    if (role === "focal_point") ctx.focalByCountry.set(accounts[i].countryIso2!, r.id);
    else if (role === "program_officer") ctx.officers.push(r.id);
    else if (role === "approver") ctx.approvers.push(r.id);
    else ctx.partnerUsers.push(r.id);
  });
}

async function lastAwardNumber(tx: Tx): Promise<number> {
  const [row] = await execRows<{ last_value: string | number; is_called: boolean }>(tx, sql`SELECT last_value, is_called FROM award_number_seq`);
  return row.is_called ? Number(row.last_value) : 0;
}

/** The last request number per "country:year" already taken (by the demo data or real use). */
async function referenceCounters(tx: Tx): Promise<Map<string, number>> {
  const rows = await execRows<{ country_iso2: string; year: number; last_number: number }>(tx, sql`SELECT country_iso2, year, last_number FROM request_reference_counters`);
  return new Map(rows.map((r) => [`${r.country_iso2}:${r.year}`, Number(r.last_number)]));
}

async function bumpCounters(tx: Tx, requests: ScaleRequest[]): Promise<void> {
  const last = new Map<string, number>();
  for (const r of requests) last.set(`${r.countryIso2}:${r.year}`, Math.max(last.get(`${r.countryIso2}:${r.year}`) ?? 0, r.number));
  for (const [key, n] of last) {
    const [country, year] = key.split(":");
    await tx.execute(sql`INSERT INTO request_reference_counters (country_iso2, year, last_number) VALUES (${country}, ${Number(year)}, ${n})
      ON CONFLICT (country_iso2, year) DO UPDATE SET last_number = GREATEST(request_reference_counters.last_number, excluded.last_number)`);
  }
}

export function audit(ctx: ScaleContext, actorUserId: string, action: string, entityType: string, entityId: string, occurredAt: Date, details: Record<string, unknown> = {}): void {
  push(ctx, auditEvents, { id: ctx.rng.uuid(), actorUserId, action, entityType, entityId, occurredAt, details: { ...details, seeded: true } });
}

/** Noon UTC of a day, for timestamps generated from dates. */
export function noon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
