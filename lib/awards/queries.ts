import "server-only";
import { cache } from "react";
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assistanceRequests, awardDeliverables, awardRequests, awards, awardTranches, countries, organizations, programCategories, programCountries, programs, requestPrograms, users } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { notVisible, type Reach } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { emptyPage, pageWindow, type PageRequest, type Paged } from "@/lib/paging";
import { programFundsColumns } from "@/lib/programs/queries";
import { findVisibleRequest, getVisibleRequest, requestVisibility } from "@/lib/requests/queries";
import type { AwardListFilters } from "./schema";
import { approvalBlocker, seesPendingAwards, type SegregationReason } from "./workflow";
import { reviewedAnyRequestOf } from "./unchecked";

/** The program office (officers and approvers) sees every award. */
function seesAllAwards(user: CurrentUser): boolean {
  return hasPermission(user, "awards.create") || hasPermission(user, "awards.approve");
}

/**
 * The awards a user may see, as a SQL condition; null when none. The program office sees all of them.
 * Outside it, and only once an award is active (an award awaiting its second approval is internal):
 * implementing partners the awards they implement, focal points their country's. Donors none: they see
 * awards only on the dashboards (decision 0011).
 */
export function awardVisibility(user: CurrentUser): SQL | null {
  if (seesAllAwards(user)) return sql`true`;
  const conditions: SQL[] = [];
  if (hasPermission(user, "awards.readImplemented") && user.organizationId) {
    conditions.push(eq(awards.implementingPartnerId, user.organizationId));
  }
  if (hasPermission(user, "requests.readOwnCountry") && user.countryIso2) {
    conditions.push(eq(awards.countryIso2, user.countryIso2));
  }
  // Donors (programs.readFunded) are deliberately absent: they reach awards only through the dashboards
  // (lib/dashboards), which show the donor-safe view; every generic award route answers 404 to them
  // (decision 0011).
  if (conditions.length === 0) return null;
  const any = conditions.length === 1 ? conditions[0] : (or(...conditions) as SQL);
  return seesPendingAwards(user.roles) ? any : (and(ne(awards.status, "pending_approval"), any) as SQL);
}

/** Whether this user may see any award at all (the awards page exists for them). */
export function mayListAwards(user: CurrentUser): boolean {
  return awardVisibility(user) !== null;
}


/** Per award row: whether this user reviewed one of its requests (for the segregation rule in lists). */
function reviewedBy(userId: string) {
  // Written out qualified: drizzle may render ${awards.id} as a bare "id", which the subquery would misread.
  return sql<boolean>`EXISTS (SELECT 1 FROM review_assignments ra JOIN award_requests ar ON ar.request_id = ra.request_id WHERE ar.award_id = awards.id AND ra.reviewer_id = ${userId})`;
}

export interface AwardListRow {
  id: string;
  reference: string;
  titleEn: string | null;
  titleEs: string | null;
  status: (typeof awards.$inferSelect)["status"];
  amountMinor: number;
  currency: string;
  startsOn: string;
  endsOn: string;
  createdAt: Date;
  program: { id: string; nameEn: string; nameEs: string };
  partner: { id: string; nameEn: string; nameEs: string };
  country: { iso2: string; nameEn: string; nameEs: string };
}

function listColumns() {
  return {
    id: awards.id,
    reference: awards.reference,
    titleEn: awards.titleEn,
    titleEs: awards.titleEs,
    status: awards.status,
    amountMinor: awards.amountMinor,
    currency: awards.currency,
    startsOn: awards.startsOn,
    endsOn: awards.endsOn,
    createdAt: awards.createdAt,
    createdById: awards.createdById,
    program: { id: programs.id, nameEn: programs.nameEn, nameEs: programs.nameEs },
    partner: { id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs },
    country: { iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs },
  };
}

/**
 * One page of the awards this user may see, newest first (then by reference and id: a stable order for
 * paging), filtered by status and program, with the count of all of them. Officers and approvers all;
 * implementing partners those they implement; focal points their country's; anyone else none.
 */
export async function listAwards(user: CurrentUser, filters: AwardListFilters = {}, paging: PageRequest = {}): Promise<Paged<AwardListRow>> {
  const visibility = awardVisibility(user);
  if (!visibility) return emptyPage(paging);
  const db = await getDb();
  const conditions: SQL[] = [visibility];
  if (filters.status) conditions.push(eq(awards.status, filters.status));
  if (filters.program) conditions.push(eq(awards.programId, filters.program));
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(awards).where(where);
  const { page, pageCount, pageSize, limit, offset } = pageWindow(total, paging);
  const rows = await db
    .select(listColumns())
    .from(awards)
    .innerJoin(programs, eq(programs.id, awards.programId))
    .innerJoin(organizations, eq(organizations.id, awards.implementingPartnerId))
    .innerJoin(countries, eq(countries.iso2, awards.countryIso2))
    .where(where)
    .orderBy(desc(awards.createdAt), desc(awards.reference), desc(awards.id))
    .limit(limit)
    .offset(offset);
  return { rows: rows.map(({ createdById: _createdById, ...row }) => row), total, page, pageCount, pageSize };
}

/** The programs of the awards this user may see, for the list's filter. Same visibility as listAwards. */
export async function listAwardProgramOptions(user: CurrentUser) {
  const visibility = awardVisibility(user);
  if (!visibility) return [];
  const db = await getDb();
  return db
    .selectDistinct({ id: programs.id, nameEn: programs.nameEn, nameEs: programs.nameEs })
    .from(awards)
    .innerJoin(programs, eq(programs.id, awards.programId))
    .where(visibility)
    .orderBy(asc(programs.nameEn));
}

/**
 * One award with its program, partner, country, tranches, deliverables and requests, and whether this
 * user may give its second approval now (`canApprove`, with `approvalBlocker` saying why not).
 * Same visibility as listAwards; NotFoundError otherwise (audited as denied when the award exists: see
 * notVisible; `reach` says what was attempted, and through which child record).
 */
async function loadAward(user: CurrentUser, awardId: string, reach?: Reach) {
  const visibility = awardVisibility(user);
  if (!visibility || !isUuid(awardId)) throw await notVisible(user, "award", awardId, reach);
  const db = await getDb();
  const creator = alias(users, "creator");
  const approver = alias(users, "approver");
  const [row] = await db
    .select({
      award: awards,
      program: {
        id: programs.id,
        nameEn: programs.nameEn,
        nameEs: programs.nameEs,
        approvalThresholdMinor: programs.approvalThresholdMinor,
        currency: programs.currency,
      },
      partner: { id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs },
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs },
      createdByName: creator.name,
      approvedByName: approver.name,
    })
    .from(awards)
    .innerJoin(programs, eq(programs.id, awards.programId))
    .innerJoin(organizations, eq(organizations.id, awards.implementingPartnerId))
    .innerJoin(countries, eq(countries.iso2, awards.countryIso2))
    .leftJoin(creator, eq(creator.id, awards.createdById))
    .leftJoin(approver, eq(approver.id, awards.approvedById))
    .where(and(eq(awards.id, awardId), visibility))
    .limit(1);
  if (!row) throw await notVisible(user, "award", awardId, reach);
  const reqVisibility = requestVisibility(user);
  const [tranches, deliverables, requests, reviewed] = await Promise.all([
    db
      .select({
        id: awardTranches.id,
        position: awardTranches.position,
        plannedAmountMinor: awardTranches.plannedAmountMinor,
        plannedOn: awardTranches.plannedOn,
        releasedAmountMinor: awardTranches.releasedAmountMinor,
        releasedOn: awardTranches.releasedOn,
      })
      .from(awardTranches)
      .where(eq(awardTranches.awardId, row.award.id))
      .orderBy(asc(awardTranches.position)),
    db
      .select({ id: awardDeliverables.id, title: awardDeliverables.title, dueOn: awardDeliverables.dueOn, status: awardDeliverables.status })
      .from(awardDeliverables)
      .where(eq(awardDeliverables.awardId, row.award.id))
      .orderBy(asc(awardDeliverables.dueOn), asc(awardDeliverables.createdAt)),
    db
      .select({
        id: assistanceRequests.id,
        reference: assistanceRequests.reference,
        titleEn: assistanceRequests.titleEn,
        titleEs: assistanceRequests.titleEs,
        primaryLocale: assistanceRequests.primaryLocale,
        category: assistanceRequests.category,
        // The request page exists for this user only when they may see the request.
        isVisible: reqVisibility ? sql<boolean>`(${reqVisibility})` : sql<boolean>`false`,
      })
      .from(awardRequests)
      .innerJoin(assistanceRequests, eq(assistanceRequests.id, awardRequests.requestId))
      .where(eq(awardRequests.awardId, row.award.id))
      .orderBy(asc(assistanceRequests.reference)),
    hasPermission(user, "awards.approve") ? reviewedAnyRequestOf(db, user.id, row.award.id) : Promise.resolve(false),
  ]);
  const { award } = row;
  const blocker: SegregationReason | null = approvalBlocker(user, award, reviewed);
  return {
    id: award.id,
    reference: award.reference,
    titleEn: award.titleEn,
    titleEs: award.titleEs,
    status: award.status,
    amountMinor: award.amountMinor,
    currency: award.currency,
    startsOn: award.startsOn,
    endsOn: award.endsOn,
    reportingFrequencyMonths: award.reportingFrequencyMonths,
    version: award.version,
    createdAt: award.createdAt,
    approvedAt: award.approvedAt,
    createdByName: row.createdByName,
    approvedByName: row.approvedByName,
    program: row.program,
    partner: row.partner,
    country: row.country,
    tranches,
    deliverables,
    requests: requests.map((r) => ({ ...r, isVisible: r.isVisible === true })),
    /** Above the program's threshold: a second approval is (or was) needed. */
    needsSecondApproval: award.amountMinor > row.program.approvalThresholdMinor || award.approvedById !== null,
    canApprove: blocker === null,
    approvalBlocker: blocker,
  };
}

/** One award with its tranches, deliverables and requests (see loadAward for who may see it); cached per request. */
export const getAward = cache(loadAward);

export type AwardDetail = Awaited<ReturnType<typeof getAward>>;

export type PendingApprovalRow = AwardListRow & { createdByName: string | null; canApprove: boolean; approvalBlocker: SegregationReason | null };

/**
 * One page of the awards awaiting a second approval, oldest first (then by reference and id: a stable
 * order for paging), each with whether this approver may approve it (segregation of duties: not one they
 * created, not one whose request they reviewed), and the count of all of them. Approvers; else none.
 */
export async function listPendingApprovals(user: CurrentUser, paging: PageRequest = {}): Promise<Paged<PendingApprovalRow>> {
  if (!hasPermission(user, "awards.approve")) return emptyPage(paging);
  const db = await getDb();
  const creator = alias(users, "creator");
  const where = eq(awards.status, "pending_approval");
  const [{ total }] = await db.select({ total: count() }).from(awards).where(where);
  const { page, pageCount, pageSize, limit, offset } = pageWindow(total, paging);
  const rows = await db
    .select({ ...listColumns(), createdByName: creator.name, reviewedByMe: reviewedBy(user.id) })
    .from(awards)
    .innerJoin(programs, eq(programs.id, awards.programId))
    .innerJoin(organizations, eq(organizations.id, awards.implementingPartnerId))
    .innerJoin(countries, eq(countries.iso2, awards.countryIso2))
    .leftJoin(creator, eq(creator.id, awards.createdById))
    .where(where)
    .orderBy(asc(awards.createdAt), asc(awards.reference), asc(awards.id))
    .limit(limit)
    .offset(offset);
  const pageRows = rows.map(({ createdById, reviewedByMe, ...row }) => {
    const blocker = approvalBlocker(user, { status: row.status, createdById }, reviewedByMe === true);
    return { ...row, canApprove: blocker === null, approvalBlocker: blocker };
  });
  return { rows: pageRows, total, page, pageCount, pageSize };
}

export interface AwardFormProgram {
  id: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  ceilingMinor: number;
  committedMinor: number;
  pendingMinor: number;
  remainingMinor: number;
  approvalThresholdMinor: number;
  perAwardCapMinor: number | null;
  isDemoFigures: boolean;
  /** The filer named this program on the request. */
  isProposed: boolean;
}

/**
 * What the award form needs for a request: the request (with whether it is approved), the programs that
 * fund its country and category with their funds and rules, and the implementing partners.
 * Program officers, on a request they may see; NotFoundError otherwise.
 */
export async function getAwardFormContext(user: CurrentUser, requestId: string) {
  if (!hasPermission(user, "awards.create")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  const [[country], partners, proposed] = await Promise.all([
    db.select({ iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs }).from(countries).where(eq(countries.iso2, request.countryIso2)),
    db
      .select({ id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs })
      .from(organizations)
      .where(eq(organizations.type, "implementing_partner"))
      .orderBy(asc(organizations.nameEn)),
    db.select({ id: requestPrograms.programId }).from(requestPrograms).where(eq(requestPrograms.requestId, request.id)),
  ]);
  const isApproved = request.status === "approved";
  let eligible: AwardFormProgram[] = [];
  if (isApproved && request.category) {
    const proposedIds = new Set(proposed.map((p) => p.id));
    const rows = await db
      .select({
        id: programs.id,
        nameEn: programs.nameEn,
        nameEs: programs.nameEs,
        currency: programs.currency,
        startsOn: programs.startsOn,
        endsOn: programs.endsOn,
        ceilingMinor: programs.ceilingMinor,
        approvalThresholdMinor: programs.approvalThresholdMinor,
        perAwardCapMinor: programs.perAwardCapMinor,
        isDemoFigures: programs.isDemoFigures,
        ...programFundsColumns(),
      })
      .from(programs)
      .where(
        and(
          inArray(programs.id, db.select({ id: programCountries.programId }).from(programCountries).where(eq(programCountries.countryIso2, request.countryIso2))),
          inArray(programs.id, db.select({ id: programCategories.programId }).from(programCategories).where(eq(programCategories.category, request.category))),
        ),
      )
      .orderBy(asc(programs.nameEn));
    eligible = rows
      .map((r) => ({ ...r, remainingMinor: r.ceilingMinor - r.committedMinor, isProposed: proposedIds.has(r.id) }))
      .sort((a, b) => Number(b.isProposed) - Number(a.isProposed));
  }
  return {
    request: {
      id: request.id,
      reference: request.reference,
      status: request.status,
      version: request.version,
      titleEn: request.titleEn,
      titleEs: request.titleEs,
      primaryLocale: request.primaryLocale,
      category: request.category,
      estimatedCostMinor: request.estimatedCostMinor,
      currency: request.currency,
      desiredStartOn: request.desiredStartOn,
      country: country ?? { iso2: request.countryIso2, nameEn: request.countryIso2, nameEs: request.countryIso2 },
    },
    isApproved,
    programs: eligible,
    partners,
  };
}
export type AwardFormContext = Awaited<ReturnType<typeof getAwardFormContext>>;

/**
 * What the award panel on a request page shows: whether this user may create an award now (an officer,
 * on an approved request) and the request's awards this user may see. Null when the request is not
 * visible to the user. Anyone who may see the request.
 */
export async function getAwardPanel(user: CurrentUser, requestId: string) {
  const request = await findVisibleRequest(user, requestId);
  if (!request) return null;
  const visibility = awardVisibility(user);
  const db = await getDb();
  const linked = visibility
    ? await db
        .select({
          id: awards.id,
          reference: awards.reference,
          status: awards.status,
          amountMinor: awards.amountMinor,
          currency: awards.currency,
          program: { nameEn: programs.nameEn, nameEs: programs.nameEs },
        })
        .from(awardRequests)
        .innerJoin(awards, eq(awards.id, awardRequests.awardId))
        .innerJoin(programs, eq(programs.id, awards.programId))
        .where(and(eq(awardRequests.requestId, request.id), visibility))
        .orderBy(asc(awards.reference))
    : [];
  return {
    requestId: request.id,
    status: request.status,
    canCreate: hasPermission(user, "awards.create") && request.status === "approved",
    awards: linked,
  };
}

export type AwardPanelData = NonNullable<Awaited<ReturnType<typeof getAwardPanel>>>;
