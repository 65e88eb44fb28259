import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  assistanceRequests,
  organizations,
  programCategories,
  programCountries,
  requestPrograms,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  userRoles,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { audit, defineMutation } from "@/lib/mutations/define";
import { forRecord } from "@/lib/mutations/for-record";
import { invalidField, refused } from "@/lib/mutations/parse";
import { getVisibleRequest } from "@/lib/requests/queries";
import { assignReviewersSchema, declareConflictSchema, submitReviewSchema } from "./schema";
import { autoRecusalReason, canAssign, type AutoRecusalReason, type ReviewStatus } from "./workflow";

/** The request's status, read under a share lock so that no transition slips in before this transaction ends. */
async function lockedRequest(tx: Tx, requestId: string) {
  const [row] = await tx
    .select({ status: assistanceRequests.status, revisionCount: assistanceRequests.revisionCount })
    .from(assistanceRequests)
    .where(eq(assistanceRequests.id, requestId))
    .for("share");
  if (!row) throw new NotFoundError("request");
  return row;
}

/** Whether the program is one the request suggests, or one open to its country (and category). */
async function isProgramForRequest(tx: Tx, request: { id: string; countryIso2: string; category: string | null }, programId: string) {
  const [suggested] = await tx
    .select({ id: requestPrograms.programId })
    .from(requestPrograms)
    .where(and(eq(requestPrograms.requestId, request.id), eq(requestPrograms.programId, programId)));
  if (suggested) return true;
  const [byCountry] = await tx
    .select({ id: programCountries.programId })
    .from(programCountries)
    .where(and(eq(programCountries.programId, programId), eq(programCountries.countryIso2, request.countryIso2)));
  if (!byCountry) return false;
  if (!request.category) return true;
  const [byCategory] = await tx
    .select({ id: programCategories.programId })
    .from(programCategories)
    .where(and(eq(programCategories.programId, programId), sql`${programCategories.category} = ${request.category}`));
  return Boolean(byCategory);
}

export interface AssignReviewersResult {
  assigned: { assignmentId: string; reviewerId: string; status: ReviewStatus; autoRecusal: AutoRecusalReason | null }[];
  /** Reviewers already assigned to the request: left as they were. */
  skipped: string[];
}

/**
 * Assigns reviewers to a request in screening or under review, against the rubric of `programId`.
 * Reviewers bound to the requesting country, to one of its government organizations, or to the proposed
 * implementing partner are recused at once; the others are mailed in their language. Reviewers already
 * assigned are skipped. Program officers.
 */
export const assignReviewers = defineMutation({
  permission: "reviews.assign",
  input: forRecord("requestId", assignReviewersSchema),
  load: async (actor, { requestId }) => {
    const request = await getVisibleRequest(actor.user, requestId, { ctx: actor, action: "review.assign" });
    if (!canAssign(request.status)) throw refused("reviews.errors.notAssignable");
    return request;
  },
  run: async (tx, { actor, input: value, record: request }): Promise<AssignReviewersResult> => {
    const current = await lockedRequest(tx, request.id);
    if (!canAssign(current.status)) throw new ConflictError("request changed");

    if (!(await isProgramForRequest(tx, request, value.programId))) throw invalidField("programId", "reviews.errors.programNotEligible");
    const [criterion] = await tx.select({ id: rubricCriteria.id }).from(rubricCriteria).where(eq(rubricCriteria.programId, value.programId)).limit(1);
    if (!criterion) throw invalidField("programId", "reviews.errors.noRubric");

    if (value.proposedPartnerId) {
      const [partner] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.id, value.proposedPartnerId), eq(organizations.type, "implementing_partner")));
      if (!partner) throw invalidField("proposedPartnerId", "reviews.errors.partnerInvalid");
    }

    const reviewers = await tx
      .select({
        id: users.id,
        email: users.email,
        locale: users.locale,
        countryIso2: users.countryIso2,
        organizationId: users.organizationId,
        organizationType: organizations.type,
        organizationCountryIso2: organizations.countryIso2,
      })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
      .leftJoin(organizations, eq(organizations.id, users.organizationId))
      .where(and(inArray(users.id, value.reviewerIds), eq(users.isActive, true)));
    if (reviewers.length !== value.reviewerIds.length) throw invalidField("reviewerIds", "reviews.errors.reviewerInvalid");
    const byId = new Map(reviewers.map((r) => [r.id, r]));

    const result: AssignReviewersResult = { assigned: [], skipped: [] };
    // In the order the officer chose, so audit events and mails follow it.
    for (const reviewerId of value.reviewerIds) {
      const reviewer = byId.get(reviewerId)!;
      const reason = autoRecusalReason(reviewer, request, value.proposedPartnerId);
      const inserted = await tx
        .insert(reviewAssignments)
        .values({
          requestId: request.id,
          reviewerId,
          assignedById: actor.user.id,
          programId: value.programId,
          status: reason ? "recused" : "awaiting_declaration",
          isAutoRecused: reason !== null,
        })
        .onConflictDoNothing({ target: [reviewAssignments.requestId, reviewAssignments.reviewerId] })
        .returning({ id: reviewAssignments.id, status: reviewAssignments.status });
      if (inserted.length === 0) {
        result.skipped.push(reviewerId);
        continue;
      }
      const assignment = inserted[0];
      result.assigned.push({ assignmentId: assignment.id, reviewerId, status: assignment.status, autoRecusal: reason });
      // Under the assignment, not the request: the state reads the request's timeline and must never
      // learn who reviews it.
      await audit(tx, actor, {
        action: "review.assign",
        entityType: "review_assignment",
        entityId: assignment.id,
        details: {
          requestId: request.id,
          reference: request.reference,
          reviewerId,
          programId: value.programId,
          ...(reason ? { autoRecused: reason } : {}),
        },
      });
      if (!reason) {
        const title =
          (reviewer.locale === "es" ? request.titleEs || request.titleEn : request.titleEn || request.titleEs) ?? request.reference;
        await enqueueMail(tx, {
          template: "review-assigned",
          to: reviewer.email,
          locale: reviewer.locale,
          payload: { reference: request.reference, title, url: `${actor.baseUrl}/reviews/${assignment.id}` },
        });
      }
    }
    return result;
  },
});

/** The caller's own assignment; NotFoundError for anyone else's (the permission is checked first). */
async function ownAssignment(user: CurrentUser, assignmentId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.reviewerId, user.id)))
    .limit(1);
  if (!row) throw new NotFoundError("assignment");
  return row;
}

/**
 * Records the reviewer's conflict-of-interest declaration, once: a conflict recuses the reviewer, no
 * conflict opens the scoring. The assigned reviewer only.
 */
export const declareConflict = defineMutation({
  permission: "reviews.score",
  input: forRecord("assignmentId", declareConflictSchema),
  load: async (actor, { assignmentId }) => {
    const assignment = await ownAssignment(actor.user, assignmentId);
    if (assignment.status !== "awaiting_declaration") throw new ConflictError("already declared", "reviews.errors.conflict");
    return assignment;
  },
  run: async (tx, { actor, input: value, record: assignment }): Promise<{ status: ReviewStatus }> => {
    const request = await lockedRequest(tx, assignment.requestId);
    if (!canAssign(request.status)) throw refused("reviews.errors.reviewClosed");
    const status: ReviewStatus = value.hasConflict ? "recused" : "active";
    const updated = await tx
      .update(reviewAssignments)
      .set({ status, conflictDeclared: value.hasConflict, conflictReason: value.reason, declaredAt: new Date() })
      .where(and(eq(reviewAssignments.id, assignment.id), eq(reviewAssignments.status, "awaiting_declaration")))
      .returning({ id: reviewAssignments.id });
    if (updated.length === 0) throw new ConflictError("already declared", "reviews.errors.conflict");
    await audit(tx, actor, {
      action: "review.declare",
      entityType: "review_assignment",
      entityId: assignment.id,
      details: { requestId: assignment.requestId, hasConflict: value.hasConflict },
    });
    return { status };
  },
});

/**
 * Submits the reviewer's scores (every criterion of the program's rubric, once), recommendation and
 * comment, against the request's current revision. Once: a second submission is a ConflictError.
 * The assigned reviewer only, after declaring no conflict, while the request is under review.
 */
export const submitReview = defineMutation({
  permission: "reviews.score",
  input: forRecord("assignmentId", submitReviewSchema),
  load: async (actor, value) => {
    const assignment = await ownAssignment(actor.user, value.assignmentId);
    if (assignment.status === "recused") throw refused("reviews.errors.recused");
    if (assignment.status === "awaiting_declaration") throw refused("reviews.errors.declareFirst");
    if (assignment.status === "submitted") throw new ConflictError("already submitted", "reviews.errors.conflict");
    if (!assignment.programId) throw refused("reviews.errors.noRubric");
    const db = await getDb();
    const criteria = await db
      .select({ id: rubricCriteria.id })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, assignment.programId))
      .orderBy(asc(rubricCriteria.position));
    if (criteria.length === 0) throw refused("reviews.errors.noRubric");
    const rubric = new Set(criteria.map((c) => c.id));
    const given = new Set(value.scores.map((s) => s.criterionId));
    const unknownIndex = value.scores.findIndex((s) => !rubric.has(s.criterionId));
    if (unknownIndex !== -1) throw invalidField(`scores.${unknownIndex}.criterionId`, "reviews.errors.criterionUnknown");
    if (criteria.some((c) => !given.has(c.id))) throw invalidField("scores", "reviews.errors.criterionMissing");
    return assignment;
  },
  run: async (tx, { actor, input: value, record: assignment }): Promise<{ revisionNumber: number }> => {
    const request = await lockedRequest(tx, assignment.requestId);
    if (request.status !== "in_review") throw refused("reviews.errors.notInReview");
    const updated = await tx
      .update(reviewAssignments)
      .set({
        status: "submitted",
        recommendation: value.recommendation,
        comment: value.comment || null,
        submittedAt: new Date(),
        revisionNumber: request.revisionCount,
      })
      .where(and(eq(reviewAssignments.id, assignment.id), eq(reviewAssignments.status, "active")))
      .returning({ id: reviewAssignments.id });
    if (updated.length === 0) throw new ConflictError("already submitted", "reviews.errors.conflict");
    await tx.insert(reviewScores).values(
      value.scores.map((s) => ({ assignmentId: assignment.id, criterionId: s.criterionId, score: s.score, comment: s.comment })),
    );
    await audit(tx, actor, {
      action: "review.submit",
      entityType: "review_assignment",
      entityId: assignment.id,
      details: { requestId: assignment.requestId, revision: request.revisionCount, recommendation: value.recommendation },
    });
    return { revisionNumber: request.revisionCount };
  },
});
