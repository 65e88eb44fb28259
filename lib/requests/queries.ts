import "server-only";
import { cache } from "react";
import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  assistanceRequests,
  auditEvents,
  countries,
  programCategories,
  programCountries,
  programs,
  requestAttachments,
  requestPrograms,
  requestRevisions,
  users,
} from "@/db/schema";
import type { AssistanceCategory, RequestStatus } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { notVisible, type Reach } from "@/lib/audit/mutations";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { committedFundsSql } from "@/lib/programs/funds";
import type { RequestListFilters } from "./schema";
import { REQUEST_OPENING_REVIEW_STATUSES } from "@/lib/reviews/workflow";
import { availableEvents, isEditable, type RequestEvent } from "./workflow";

export const REQUESTS_PAGE_SIZE = 20;

/**
 * The requests a user may see, as a SQL condition; null when none. Focal points see their own
 * country's requests; program officers see every request once submitted (drafts stay with the state).
 * Reviewers see the requests assigned to them once they have declared no conflict of interest;
 * donors and others see none here.
 */
export function requestVisibility(user: CurrentUser): SQL | null {
  const conditions: SQL[] = [];
  if (hasPermission(user, "requests.readOwnCountry") && user.countryIso2) {
    conditions.push(eq(assistanceRequests.countryIso2, user.countryIso2));
  }
  if (hasPermission(user, "requests.readAll")) conditions.push(ne(assistanceRequests.status, "draft"));
  if (hasPermission(user, "reviews.score")) conditions.push(sql`${assistanceRequests.id} IN (${requestsOpenToReviewer(user.id)})`);
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0] : (or(...conditions) as SQL);
}

/**
 * The ids of the requests this reviewer has declared no conflict on (a subquery). An assignment still
 * awaiting the declaration, or recused, opens nothing: only its assignment page (lib/reviews).
 */
export function requestsOpenToReviewer(reviewerId: string): SQL {
  const opening = sql.join(
    REQUEST_OPENING_REVIEW_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  return sql`SELECT ra.request_id FROM review_assignments ra WHERE ra.reviewer_id = ${reviewerId} AND ra.status IN (${opening})`;
}

/** Whether this user files for the request's country (and so may edit, submit or withdraw it). */
export function isFilerFor(user: CurrentUser, countryIso2: string): boolean {
  return hasPermission(user, "requests.file") && user.countryIso2 === countryIso2;
}

/** The events this user may take on the request now: role, state and own-country rules together. */
export function eventsFor(user: CurrentUser, request: { status: RequestStatus; countryIso2: string }): RequestEvent[] {
  const roles = user.roles.filter((role) => role !== "focal_point" || user.countryIso2 === request.countryIso2);
  return availableEvents(roles, request.status);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface RequestListRow {
  id: string;
  reference: string;
  countryIso2: string;
  countryNameEn: string;
  countryNameEs: string;
  category: AssistanceCategory | null;
  titleEn: string | null;
  titleEs: string | null;
  primaryLocale: "en" | "es";
  status: RequestStatus;
  urgency: string | null;
  estimatedCostMinor: number | null;
  currency: string;
  updatedAt: Date;
  submittedAt: Date | null;
}

/** The requests this user may see, filtered, sorted and paginated on the server. Focal points, officers. */
export async function listRequests(
  user: CurrentUser,
  filters: RequestListFilters,
): Promise<{ rows: RequestListRow[]; total: number; page: number; pageCount: number; pageSize: number }> {
  const visibility = requestVisibility(user);
  if (!visibility) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize: REQUESTS_PAGE_SIZE };
  const db = await getDb();
  const conditions: SQL[] = [visibility];
  if (filters.status) conditions.push(eq(assistanceRequests.status, filters.status as RequestStatus));
  if (filters.country) conditions.push(eq(assistanceRequests.countryIso2, filters.country));
  if (filters.category) conditions.push(eq(assistanceRequests.category, filters.category));
  if (filters.program) {
    conditions.push(
      inArray(
        assistanceRequests.id,
        db.select({ id: requestPrograms.requestId }).from(requestPrograms).where(eq(requestPrograms.programId, filters.program)),
      ),
    );
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(
      or(
        ilike(assistanceRequests.reference, pattern),
        ilike(assistanceRequests.titleEn, pattern),
        ilike(assistanceRequests.titleEs, pattern),
      ) as SQL,
    );
  }
  const where = and(...conditions);
  const sortColumn = {
    updated: assistanceRequests.updatedAt,
    created: assistanceRequests.createdAt,
    cost: assistanceRequests.estimatedCostMinor,
    reference: assistanceRequests.reference,
  }[filters.sort];
  const order = filters.dir === "asc" ? asc(sortColumn) : desc(sortColumn);
  const [{ total }] = await db.select({ total: count() }).from(assistanceRequests).where(where);
  const pageCount = Math.max(1, Math.ceil(total / REQUESTS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  // The page's ids first, in the list's order: from the (sort column, id, status) index alone, so the
  // rows an OFFSET skips are never read from the table nor joined; then the page's own rows.
  const pageIds = db
    .select({ id: assistanceRequests.id })
    .from(assistanceRequests)
    .where(where)
    .orderBy(order, desc(assistanceRequests.id))
    .limit(REQUESTS_PAGE_SIZE)
    .offset((page - 1) * REQUESTS_PAGE_SIZE);
  const rows = await db
    .select({
      id: assistanceRequests.id,
      reference: assistanceRequests.reference,
      countryIso2: assistanceRequests.countryIso2,
      countryNameEn: countries.nameEn,
      countryNameEs: countries.nameEs,
      category: assistanceRequests.category,
      titleEn: assistanceRequests.titleEn,
      titleEs: assistanceRequests.titleEs,
      primaryLocale: assistanceRequests.primaryLocale,
      status: assistanceRequests.status,
      urgency: assistanceRequests.urgency,
      estimatedCostMinor: assistanceRequests.estimatedCostMinor,
      currency: assistanceRequests.currency,
      updatedAt: assistanceRequests.updatedAt,
      submittedAt: assistanceRequests.submittedAt,
    })
    .from(assistanceRequests)
    .innerJoin(countries, eq(countries.iso2, assistanceRequests.countryIso2))
    .where(inArray(assistanceRequests.id, pageIds))
    .orderBy(order, desc(assistanceRequests.id));
  return { rows, total, page, pageCount, pageSize: REQUESTS_PAGE_SIZE };
}

async function selectVisibleRequest(user: CurrentUser, requestId: string, db: DbOrTx) {
  const visibility = requestVisibility(user);
  if (!visibility || !isUuid(requestId)) return null;
  const [row] = await db
    .select()
    .from(assistanceRequests)
    .where(and(eq(assistanceRequests.id, requestId), visibility))
    .limit(1);
  return row ?? null;
}

// One load per request render: a request's page, its layout and each of its panels ask for the record,
// and all get this one (keyed on the user object, which getCurrentUser caches per request, and the id).
// Outside a render (server actions, route handlers, jobs) React's cache() memoizes nothing.
const findVisibleRequestOnce = cache(async (user: CurrentUser, requestId: string) => selectVisibleRequest(user, requestId, await getDb()));

/**
 * The bare record if this user may see it, else null. For the data layer (mutations, attachments).
 * Cached per request render; with `db` (a transaction), read afresh from it.
 */
export async function findVisibleRequest(user: CurrentUser, requestId: string, db?: DbOrTx) {
  return db ? selectVisibleRequest(user, requestId, db) : findVisibleRequestOnce(user, requestId);
}

export type RequestRecord = NonNullable<Awaited<ReturnType<typeof findVisibleRequest>>>;

/**
 * The bare record if this user may see it; otherwise NotFoundError, and a "denied" audit event when the
 * request exists (another country's, a draft, not yet open to this reviewer: see notVisible). For every
 * lookup that answers not found; `what` names the thing in the error, `reach` the attempt.
 */
export async function getVisibleRequest(user: CurrentUser, requestId: string, reach?: Reach, what?: string): Promise<RequestRecord> {
  const request = await findVisibleRequest(user, requestId);
  if (!request) throw await notVisible(user, "request", requestId, reach, what);
  return request;
}

/** One request with what its detail page shows; NotFoundError when this user may not see it. */
export async function getRequest(user: CurrentUser, requestId: string) {
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  const [country] = await db.select().from(countries).where(eq(countries.iso2, request.countryIso2));
  const [programRows, attachmentRows, revisionRows, [creator]] = await Promise.all([
    db
      .select({ id: programs.id, nameEn: programs.nameEn, nameEs: programs.nameEs })
      .from(requestPrograms)
      .innerJoin(programs, eq(programs.id, requestPrograms.programId))
      .where(eq(requestPrograms.requestId, request.id))
      .orderBy(asc(programs.nameEn)),
    db
      .select({
        id: requestAttachments.id,
        filename: requestAttachments.filename,
        contentType: requestAttachments.contentType,
        sizeBytes: requestAttachments.sizeBytes,
        createdAt: requestAttachments.createdAt,
      })
      .from(requestAttachments)
      .where(eq(requestAttachments.requestId, request.id))
      .orderBy(asc(requestAttachments.createdAt)),
    db
      .select({ number: requestRevisions.number, submittedAt: requestRevisions.submittedAt })
      .from(requestRevisions)
      .where(eq(requestRevisions.requestId, request.id))
      .orderBy(asc(requestRevisions.number)),
    db.select({ name: users.name }).from(users).where(eq(users.id, request.createdById)),
  ]);
  const canEdit = isFilerFor(user, request.countryIso2) && isEditable(request.status);
  return {
    ...request,
    country,
    createdByName: creator?.name ?? null,
    programs: programRows,
    attachments: attachmentRows,
    revisions: revisionRows,
    events: eventsFor(user, request),
    canEdit,
  };
}
export type RequestDetail = Awaited<ReturnType<typeof getRequest>>;

/** The audit trail of one request, oldest first, for its timeline. Anyone who may see the request. */
export async function getRequestTimeline(user: CurrentUser, requestId: string) {
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorName: users.name,
      actorCountryIso2: users.countryIso2,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.entityType, "request"), eq(auditEvents.entityId, request.id), eq(auditEvents.outcome, "success")))
    .orderBy(asc(auditEvents.occurredAt));
  // The state sees its own people by name and everyone else as "the program office".
  const isStaff = hasPermission(user, "requests.readAll");
  return rows.map(({ actorCountryIso2, ...event }) => {
    const isState = actorCountryIso2 === request.countryIso2;
    return {
      ...event,
      actorKind: isState ? ("state" as const) : ("program_office" as const),
      actorName: isStaff || isState ? event.actorName : null,
    };
  });
}

export type RequestTimelineEvent = Awaited<ReturnType<typeof getRequestTimeline>>[number];

/** Revision `number` of a request beside the one before it, with the fields that changed. */
export async function getRevisionComparison(user: CurrentUser, requestId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) throw new NotFoundError("revision");
  const request = await getVisibleRequest(user, requestId, undefined, "revision");
  const db = await getDb();
  const rows = await db
    .select()
    .from(requestRevisions)
    .where(and(eq(requestRevisions.requestId, request.id), inArray(requestRevisions.number, [number, number - 1])));
  const current = rows.find((r) => r.number === number);
  if (!current) throw new NotFoundError("revision");
  const previous = rows.find((r) => r.number === number - 1) ?? null;
  return { request, current, previous, changed: changedFields(previous?.snapshot ?? null, current.snapshot) };
}

/** The snapshot keys whose values differ (details compared field by field). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  if (!before) return [];
  const flat = (s: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === "details" && v && typeof v === "object") {
        for (const [dk, dv] of Object.entries(v as Record<string, unknown>)) out[`details.${dk}`] = JSON.stringify(dv ?? null);
      } else out[k] = JSON.stringify(v ?? null);
    }
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => (a[k] ?? "null") !== (b[k] ?? "null")).sort();
}

export interface EligibleProgram {
  id: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  ceilingMinor: number;
  committedMinor: number;
  remainingMinor: number;
  isDemoFigures: boolean;
}

/**
 * The programs open to a country (and category, when given), with their remaining funds.
 * Focal points for their own country; officers for any.
 */
export async function listEligiblePrograms(
  user: CurrentUser,
  countryIso2: string,
  category?: AssistanceCategory | null,
): Promise<EligibleProgram[]> {
  const allowed = isFilerFor(user, countryIso2) || hasPermission(user, "requests.readAll");
  if (!allowed) return [];
  const db = await getDb();
  const conditions: SQL[] = [
    inArray(programs.id, db.select({ id: programCountries.programId }).from(programCountries).where(eq(programCountries.countryIso2, countryIso2))),
  ];
  if (category) {
    conditions.push(
      inArray(programs.id, db.select({ id: programCategories.programId }).from(programCategories).where(eq(programCategories.category, category))),
    );
  }
  const rows = await db
    .select({
      id: programs.id,
      nameEn: programs.nameEn,
      nameEs: programs.nameEs,
      currency: programs.currency,
      ceilingMinor: programs.ceilingMinor,
      isDemoFigures: programs.isDemoFigures,
      committedMinor: committedFundsSql(sql`"programs"."id"`).mapWith(Number),
    })
    .from(programs)
    .where(and(...conditions))
    .orderBy(asc(programs.nameEn));
  return rows.map((r) => ({ ...r, remainingMinor: r.ceilingMinor - r.committedMinor }));
}

/** For the program filter: every program, by name. Officers. */
export async function listProgramOptions(user: CurrentUser) {
  if (!hasPermission(user, "requests.readAll")) return [];
  const db = await getDb();
  return db.select({ id: programs.id, nameEn: programs.nameEn, nameEs: programs.nameEs }).from(programs).orderBy(asc(programs.nameEn));
}

/** For the country filter: recipient countries. Officers. */
export async function listCountryOptions(user: CurrentUser) {
  if (!hasPermission(user, "requests.readAll")) return [];
  const db = await getDb();
  return db
    .select({ iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs })
    .from(countries)
    .where(eq(countries.isRecipient, true))
    .orderBy(asc(countries.nameEn));
}
