import "server-only";
import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  assistanceRequests,
  auditEvents,
  countries,
  organizations,
  programCategories,
  programCountries,
  programs,
  requestPrograms,
  requestRevisions,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  userRoles,
  users,
} from "@/db/schema";
import type { AssistanceCategory, RequestStatus } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { emptyPage, pageWindow, type PageRequest, type Paged } from "@/lib/paging";
import { changedFields, getVisibleRequest, getRequest, type RequestDetail } from "@/lib/requests/queries";
import { CATEGORY_FIELDS, type DetailField } from "@/lib/requests/schema";
import type { Recommendation } from "./schema";
import { aggregateReviews, weightedTotal, type ReviewAggregate } from "./scoring";
import {
  autoRecusalReason,
  canDeclare,
  canScore,
  canSeePeerScores,
  opensRequest,
  type AutoRecusalReason,
  type ReviewStatus,
} from "./workflow";

export interface RubricCriterion {
  id: string;
  key: string;
  nameEn: string;
  nameEs: string;
  weight: number;
  position: number;
}

export interface ScoreEntry {
  criterionId: string;
  score: number;
  comment: string;
}

export interface ProgramName {
  id: string;
  nameEn: string;
  nameEs: string;
}

async function rubricsOf(db: DbOrTx, programIds: string[]): Promise<Map<string, RubricCriterion[]>> {
  const out = new Map<string, RubricCriterion[]>(programIds.map((id) => [id, []]));
  if (programIds.length === 0) return out;
  const rows = await db
    .select()
    .from(rubricCriteria)
    .where(inArray(rubricCriteria.programId, programIds))
    .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.key));
  for (const r of rows) {
    out.get(r.programId)?.push({ id: r.id, key: r.key, nameEn: r.nameEn, nameEs: r.nameEs, weight: r.weight, position: r.position });
  }
  return out;
}

async function scoresOf(db: DbOrTx, assignmentIds: string[]): Promise<Map<string, ScoreEntry[]>> {
  const out = new Map<string, ScoreEntry[]>(assignmentIds.map((id) => [id, []]));
  if (assignmentIds.length === 0) return out;
  const rows = await db.select().from(reviewScores).where(inArray(reviewScores.assignmentId, assignmentIds));
  for (const r of rows) out.get(r.assignmentId)?.push({ criterionId: r.criterionId, score: r.score, comment: r.comment });
  return out;
}

async function programNames(db: DbOrTx, ids: string[]): Promise<Map<string, ProgramName>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: programs.id, nameEn: programs.nameEn, nameEs: programs.nameEs }).from(programs).where(inArray(programs.id, unique));
  return new Map(rows.map((p) => [p.id, p]));
}

export interface MyAssignmentRow {
  id: string;
  status: ReviewStatus;
  isAutoRecused: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  requestId: string;
  reference: string;
  titleEn: string | null;
  titleEs: string | null;
  primaryLocale: "en" | "es";
  requestStatus: RequestStatus;
  program: ProgramName | null;
}

/**
 * One page of the reviewer's own assignments, newest first (then by id: a stable order for paging), with
 * the count of all of them; recused ones are listed as such. Reviewers (others: none).
 */
export async function listMyAssignments(user: CurrentUser, paging: PageRequest = {}): Promise<Paged<MyAssignmentRow>> {
  if (!hasPermission(user, "reviews.score")) return emptyPage(paging);
  const db = await getDb();
  const where = eq(reviewAssignments.reviewerId, user.id);
  const [{ total }] = await db.select({ total: count() }).from(reviewAssignments).where(where);
  const { page, pageCount, pageSize, limit, offset } = pageWindow(total, paging);
  const rows = await db
    .select({
      id: reviewAssignments.id,
      status: reviewAssignments.status,
      isAutoRecused: reviewAssignments.isAutoRecused,
      createdAt: reviewAssignments.createdAt,
      submittedAt: reviewAssignments.submittedAt,
      requestId: assistanceRequests.id,
      reference: assistanceRequests.reference,
      titleEn: assistanceRequests.titleEn,
      titleEs: assistanceRequests.titleEs,
      primaryLocale: assistanceRequests.primaryLocale,
      requestStatus: assistanceRequests.status,
      programId: programs.id,
      programNameEn: programs.nameEn,
      programNameEs: programs.nameEs,
    })
    .from(reviewAssignments)
    .innerJoin(assistanceRequests, eq(assistanceRequests.id, reviewAssignments.requestId))
    .leftJoin(programs, eq(programs.id, reviewAssignments.programId))
    .where(where)
    .orderBy(desc(reviewAssignments.createdAt), desc(reviewAssignments.id))
    .limit(limit)
    .offset(offset);
  const pageRows = rows.map(({ programId, programNameEn, programNameEs, ...r }) => ({
    ...r,
    program: programId && programNameEn && programNameEs ? { id: programId, nameEn: programNameEn, nameEs: programNameEs } : null,
  }));
  return { rows: pageRows, total, page, pageCount, pageSize };
}

export interface RevisionChanges {
  /** "sinceScored": since the revision the reviewer scored; "sincePrevious": the latest against the one before. */
  basis: "sinceScored" | "sincePrevious";
  fromNumber: number;
  toNumber: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  changed: string[];
  /** Names of the programs the snapshots mention, for showing programIds. */
  programs: ProgramName[];
}

export interface PeerReview {
  /** "1", "2", ...: reviewers see each other's scores, not each other's names. */
  label: number;
  recommendation: Recommendation | null;
  comment: string | null;
  submittedAt: Date | null;
  revisionNumber: number | null;
  scores: (ScoreEntry & { nameEn: string; nameEs: string; weight: number })[];
  weightedTotal: number | null;
}

/**
 * What a reviewer needs to judge a conflict of interest, and all they see of a request before declaring
 * none (and ever, once recused): who asks and for what, never the content, amounts, files or comments.
 */
export interface ConflictSubject {
  country: { iso2: string; nameEn: string; nameEs: string };
  category: AssistanceCategory | null;
  /** The requesting state's government agencies known to the portal. */
  agencies: { id: string; nameEn: string; nameEs: string }[];
  /** The agencies the request names (who would operate the machines, hold the eTrace accounts). */
  namedAgencies: string[];
}

/** The request fields that name the state's agencies, shown for the declaration when the category uses them. */
const AGENCY_FIELDS = ["operatingAgencies", "etraceAgencies"] as const satisfies readonly DetailField[];

export interface ReviewerAssignmentView {
  assignment: {
    id: string;
    status: ReviewStatus;
    isAutoRecused: boolean;
    conflictDeclared: boolean | null;
    conflictReason: string | null;
    declaredAt: Date | null;
    recommendation: Recommendation | null;
    comment: string | null;
    submittedAt: Date | null;
    revisionNumber: number | null;
    createdAt: Date;
  };
  request: { id: string; reference: string; titleEn: string | null; titleEs: string | null; primaryLocale: "en" | "es"; status: RequestStatus; revisionCount: number };
  program: ProgramName | null;
  subject: ConflictSubject;
  isRecused: boolean;
  canDeclare: boolean;
  canScore: boolean;
  /**
   * The request as its detail page shows it, once the reviewer has declared no conflict; null before
   * the declaration and for a recused reviewer.
   */
  detail: RequestDetail | null;
  rubric: RubricCriterion[];
  ownScores: ScoreEntry[];
  ownTotal: number | null;
  changes: RevisionChanges | null;
  /** Other reviewers' submitted reviews: null until the viewer has submitted (and always for a recused one). */
  peers: PeerReview[] | null;
  /** Every submitted review on this rubric, the viewer's included; null when peers are hidden. */
  aggregate: ReviewAggregate | null;
}

/** What changed for this reviewer: since the revision they scored, else the latest revision against the one before. */
async function revisionChanges(db: DbOrTx, requestId: string, revisionCount: number, scoredRevision: number | null): Promise<RevisionChanges | null> {
  const basis = scoredRevision !== null && scoredRevision >= 1 && scoredRevision < revisionCount ? "sinceScored" : "sincePrevious";
  const fromNumber = basis === "sinceScored" ? scoredRevision! : revisionCount - 1;
  if (fromNumber < 1 || revisionCount < 2) return null;
  const rows = await db
    .select({ number: requestRevisions.number, snapshot: requestRevisions.snapshot })
    .from(requestRevisions)
    .where(and(eq(requestRevisions.requestId, requestId), inArray(requestRevisions.number, [fromNumber, revisionCount])));
  const before = rows.find((r) => r.number === fromNumber);
  const after = rows.find((r) => r.number === revisionCount);
  if (!before || !after) return null;
  const ids = [before.snapshot.programIds, after.snapshot.programIds].flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
  return {
    basis,
    fromNumber,
    toNumber: revisionCount,
    before: before.snapshot,
    after: after.snapshot,
    changed: changedFields(before.snapshot, after.snapshot),
    programs: [...(await programNames(db, ids)).values()],
  };
}

/**
 * One of the reviewer's own assignments: the request, the rubric, their scores, what changed between
 * revisions, and the other reviewers' scores only once their own review is submitted. Until the
 * reviewer declares no conflict, and for good once recused, only the conflict subject (title, country,
 * category, the state's agencies) is read and returned: nothing of the request's content, amounts,
 * files, comments or scores. The assigned reviewer only: anyone else gets NotFoundError.
 */
export async function getAssignmentForReviewer(user: CurrentUser, assignmentId: string): Promise<ReviewerAssignmentView> {
  if (!hasPermission(user, "reviews.score") || !isUuid(assignmentId)) throw new NotFoundError("assignment");
  const db = await getDb();
  const [row] = await db
    .select({
      a: reviewAssignments,
      // Only the columns the conflict subject needs: the content is read (by getRequest) once it may be seen.
      r: {
        id: assistanceRequests.id,
        reference: assistanceRequests.reference,
        titleEn: assistanceRequests.titleEn,
        titleEs: assistanceRequests.titleEs,
        primaryLocale: assistanceRequests.primaryLocale,
        status: assistanceRequests.status,
        revisionCount: assistanceRequests.revisionCount,
        category: assistanceRequests.category,
        operatingAgencies: sql<string | null>`${assistanceRequests.details}->>'operatingAgencies'`,
        etraceAgencies: sql<string | null>`${assistanceRequests.details}->>'etraceAgencies'`,
      },
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs },
    })
    .from(reviewAssignments)
    .innerJoin(assistanceRequests, eq(assistanceRequests.id, reviewAssignments.requestId))
    .innerJoin(countries, eq(countries.iso2, assistanceRequests.countryIso2))
    .where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.reviewerId, user.id)))
    .limit(1);
  if (!row) throw new NotFoundError("assignment");
  const { a, r, country } = row;
  const [programMap, agencies] = await Promise.all([
    programNames(db, a.programId ? [a.programId] : []),
    db
      .select({ id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs })
      .from(organizations)
      .where(and(eq(organizations.type, "government"), eq(organizations.countryIso2, country.iso2)))
      .orderBy(asc(organizations.nameEn)),
  ]);
  const categoryFields: readonly DetailField[] = r.category ? CATEGORY_FIELDS[r.category].fields : [];
  const namedAgencies = AGENCY_FIELDS.filter((field) => categoryFields.includes(field))
    .map((field) => r[field]?.trim() ?? "")
    .filter((value) => value !== "");
  const base = {
    assignment: {
      id: a.id,
      status: a.status,
      isAutoRecused: a.isAutoRecused,
      conflictDeclared: a.conflictDeclared,
      conflictReason: a.conflictReason,
      declaredAt: a.declaredAt,
      recommendation: a.recommendation,
      comment: a.comment,
      submittedAt: a.submittedAt,
      revisionNumber: a.revisionNumber,
      createdAt: a.createdAt,
    },
    request: {
      id: r.id,
      reference: r.reference,
      titleEn: r.titleEn,
      titleEs: r.titleEs,
      primaryLocale: r.primaryLocale,
      status: r.status,
      revisionCount: r.revisionCount,
    },
    program: a.programId ? (programMap.get(a.programId) ?? null) : null,
    subject: { country, category: r.category, agencies, namedAgencies },
  };
  if (!opensRequest(a.status)) {
    return {
      ...base,
      isRecused: a.status === "recused",
      canDeclare: canDeclare(a.status, r.status),
      canScore: false,
      detail: null,
      rubric: [],
      ownScores: [],
      ownTotal: null,
      changes: null,
      peers: null,
      aggregate: null,
    };
  }

  const [detail, rubrics, changes] = await Promise.all([
    getRequest(user, r.id),
    rubricsOf(db, a.programId ? [a.programId] : []),
    revisionChanges(db, r.id, r.revisionCount, a.revisionNumber),
  ]);
  const rubric = a.programId ? (rubrics.get(a.programId) ?? []) : [];
  const ownScores = (await scoresOf(db, [a.id])).get(a.id) ?? [];

  let peers: PeerReview[] | null = null;
  let aggregate: ReviewAggregate | null = null;
  if (canSeePeerScores(a.status)) {
    const others = await db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.requestId, r.id), ne(reviewAssignments.id, a.id), eq(reviewAssignments.status, "submitted")))
      .orderBy(asc(reviewAssignments.submittedAt), asc(reviewAssignments.id));
    const peerRubrics = await rubricsOf(db, [...new Set(others.map((o) => o.programId).filter((id): id is string => !!id))]);
    const peerScores = await scoresOf(db, others.map((o) => o.id));
    peers = others.map((o, index) => {
      const criteria = o.programId ? (peerRubrics.get(o.programId) ?? []) : [];
      const scores = peerScores.get(o.id) ?? [];
      const named = criteria.flatMap((c) => {
        const s = scores.find((x) => x.criterionId === c.id);
        return s ? [{ ...s, nameEn: c.nameEn, nameEs: c.nameEs, weight: c.weight }] : [];
      });
      return {
        label: index + 1,
        recommendation: o.recommendation,
        comment: o.comment,
        submittedAt: o.submittedAt,
        revisionNumber: o.revisionNumber,
        scores: named,
        weightedTotal: weightedTotal(criteria, scores),
      };
    });
    const sameRubric = others.filter((o) => o.programId === a.programId).map((o) => ({ scores: peerScores.get(o.id) ?? [] }));
    aggregate = aggregateReviews(rubric, [{ scores: ownScores }, ...sameRubric]);
  }

  return {
    ...base,
    isRecused: false,
    canDeclare: canDeclare(a.status, r.status),
    canScore: canScore(a.status, r.status) && rubric.length > 0,
    detail,
    rubric,
    ownScores,
    ownTotal: weightedTotal(rubric, ownScores),
    changes,
    peers,
    aggregate,
  };
}

export interface SummaryAssignment {
  id: string;
  reviewerId: string;
  reviewerName: string | null;
  reviewerEmail: string;
  status: ReviewStatus;
  isAutoRecused: boolean;
  conflictDeclared: boolean | null;
  conflictReason: string | null;
  declaredAt: Date | null;
  recommendation: Recommendation | null;
  comment: string | null;
  submittedAt: Date | null;
  revisionNumber: number | null;
  /** Scored on an earlier revision than the request's current one. */
  isOnEarlierRevision: boolean;
  assignedByName: string | null;
  createdAt: Date;
  scores: ScoreEntry[];
  weightedTotal: number | null;
}

export interface ReviewSummaryGroup {
  program: ProgramName | null;
  criteria: RubricCriterion[];
  assignments: SummaryAssignment[];
  aggregate: ReviewAggregate;
}

export interface ReviewSummary {
  request: { id: string; reference: string; status: RequestStatus; revisionCount: number };
  /** One group per rubric (program) the reviewers were assigned against. */
  groups: ReviewSummaryGroup[];
  counts: Record<ReviewStatus, number> & { total: number };
  recommendations: Record<Recommendation, number>;
}

/**
 * Every review of a request: reviewers, status, conflicts, scores per criterion, weighted totals and
 * spreads. Program officers; anyone else (the state above all) gets NotFoundError.
 */
export async function getReviewSummary(user: CurrentUser, requestId: string): Promise<ReviewSummary> {
  if (!hasPermission(user, "reviews.assign")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  const assigner = sql<string | null>`(SELECT u2.name FROM users u2 WHERE u2.id = ${reviewAssignments.assignedById})`;
  const rows = await db
    .select({ a: reviewAssignments, reviewerName: users.name, reviewerEmail: users.email, assignedByName: assigner })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.requestId, request.id))
    .orderBy(asc(reviewAssignments.createdAt), asc(users.name), asc(reviewAssignments.id));
  const programIds = [...new Set(rows.map((x) => x.a.programId).filter((id): id is string => !!id))];
  const [rubrics, scores, names] = await Promise.all([
    rubricsOf(db, programIds),
    scoresOf(db, rows.map((x) => x.a.id)),
    programNames(db, programIds),
  ]);

  const keys = [...new Set(rows.map((x) => x.a.programId ?? ""))];
  const groups: ReviewSummaryGroup[] = keys.map((key) => {
    const criteria = key ? (rubrics.get(key) ?? []) : [];
    const assignments: SummaryAssignment[] = rows
      .filter((x) => (x.a.programId ?? "") === key)
      .map(({ a, reviewerName, reviewerEmail, assignedByName }) => {
        const own = scores.get(a.id) ?? [];
        return {
          id: a.id,
          reviewerId: a.reviewerId,
          reviewerName,
          reviewerEmail,
          status: a.status,
          isAutoRecused: a.isAutoRecused,
          conflictDeclared: a.conflictDeclared,
          conflictReason: a.conflictReason,
          declaredAt: a.declaredAt,
          recommendation: a.recommendation,
          comment: a.comment,
          submittedAt: a.submittedAt,
          revisionNumber: a.revisionNumber,
          isOnEarlierRevision: a.status === "submitted" && a.revisionNumber !== null && a.revisionNumber < request.revisionCount,
          assignedByName,
          createdAt: a.createdAt,
          scores: own,
          weightedTotal: a.status === "submitted" ? weightedTotal(criteria, own) : null,
        };
      });
    const submitted = assignments.filter((x) => x.status === "submitted");
    return {
      program: key ? (names.get(key) ?? null) : null,
      criteria,
      assignments,
      aggregate: aggregateReviews(criteria, submitted),
    };
  });

  const counts = { awaiting_declaration: 0, active: 0, recused: 0, submitted: 0, total: rows.length };
  const recommendations = { approve: 0, reject: 0, request_changes: 0 };
  for (const { a } of rows) {
    counts[a.status] += 1;
    if (a.status === "submitted" && a.recommendation) recommendations[a.recommendation] += 1;
  }
  return {
    request: { id: request.id, reference: request.reference, status: request.status, revisionCount: request.revisionCount },
    groups,
    counts,
    recommendations,
  };
}

export interface AssignableReviewer {
  id: string;
  name: string | null;
  email: string;
  organizationId: string | null;
  organization: { nameEn: string; nameEs: string } | null;
  countryIso2: string | null;
  /** Why the reviewer would be recused at once (the proposed partner is checked when chosen), or null. */
  autoRecusal: AutoRecusalReason | null;
  isAssigned: boolean;
}

/** The active reviewers an officer may assign to the request, with the automatic-recusal hint. Program officers. */
export async function listAssignableReviewers(user: CurrentUser, requestId: string): Promise<AssignableReviewer[]> {
  if (!hasPermission(user, "reviews.assign")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      countryIso2: users.countryIso2,
      organizationId: users.organizationId,
      organizationType: organizations.type,
      organizationCountryIso2: organizations.countryIso2,
      orgNameEn: organizations.nameEn,
      orgNameEs: organizations.nameEs,
      assignmentId: reviewAssignments.id,
    })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(reviewAssignments, and(eq(reviewAssignments.reviewerId, users.id), eq(reviewAssignments.requestId, request.id)))
    .where(eq(users.isActive, true))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    organizationId: r.organizationId,
    organization: r.orgNameEn && r.orgNameEs ? { nameEn: r.orgNameEn, nameEs: r.orgNameEs } : null,
    countryIso2: r.countryIso2,
    autoRecusal: autoRecusalReason(r, request),
    isAssigned: r.assignmentId !== null,
  }));
}

export interface ReviewProgramOption extends ProgramName {
  isSuggested: boolean;
  hasRubric: boolean;
}

/** The programs whose rubric may apply: those the request suggests, then those open to its country and category. Program officers. */
export async function listReviewProgramOptions(user: CurrentUser, requestId: string): Promise<ReviewProgramOption[]> {
  if (!hasPermission(user, "reviews.assign")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  const suggested = db.select({ id: requestPrograms.programId }).from(requestPrograms).where(eq(requestPrograms.requestId, request.id));
  const byCountry = db.select({ id: programCountries.programId }).from(programCountries).where(eq(programCountries.countryIso2, request.countryIso2));
  const eligible = request.category
    ? and(
        inArray(programs.id, byCountry),
        inArray(
          programs.id,
          db.select({ id: programCategories.programId }).from(programCategories).where(eq(programCategories.category, request.category)),
        ),
      )
    : inArray(programs.id, byCountry);
  const [rows, suggestedRows, rubricRows] = await Promise.all([
    db
      .select({ id: programs.id, nameEn: programs.nameEn, nameEs: programs.nameEs })
      .from(programs)
      .where(or(inArray(programs.id, suggested), eligible))
      .orderBy(asc(programs.nameEn)),
    suggested,
    db.selectDistinct({ id: rubricCriteria.programId }).from(rubricCriteria),
  ]);
  const suggestedIds = new Set(suggestedRows.map((r) => r.id));
  const withRubric = new Set(rubricRows.map((r) => r.id));
  return rows
    .map((p) => ({ ...p, isSuggested: suggestedIds.has(p.id), hasRubric: withRubric.has(p.id) }))
    .sort((x, y) => Number(y.isSuggested) - Number(x.isSuggested));
}

/** Implementing partners, for the "proposed partner" choice that recuses its staff. Program officers. */
export async function listPartnerOptions(user: CurrentUser): Promise<{ id: string; nameEn: string; nameEs: string }[]> {
  if (!hasPermission(user, "reviews.assign")) return [];
  const db = await getDb();
  return db
    .select({ id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs })
    .from(organizations)
    .where(eq(organizations.type, "implementing_partner"))
    .orderBy(asc(organizations.nameEn));
}

/**
 * The review events of a request (assignments, declarations, submissions), oldest first, for a staff
 * timeline. They are recorded under the assignment, so the request's own timeline (which the state
 * reads) never shows who reviews. Program officers.
 */
export async function listReviewEvents(user: CurrentUser, requestId: string) {
  if (!hasPermission(user, "reviews.assign")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  const db = await getDb();
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorName: users.name,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.entityType, "review_assignment"),
        inArray(auditEvents.entityId, db.select({ id: sql<string>`${reviewAssignments.id}::text` }).from(reviewAssignments).where(eq(reviewAssignments.requestId, request.id))),
        eq(auditEvents.outcome, "success"),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt));
}
