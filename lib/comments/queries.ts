import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { requestComments, reviewAssignments, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { getVisibleRequest, isFilerFor, type RequestRecord } from "@/lib/requests/queries";
import { REQUEST_OPENING_REVIEW_STATUSES } from "@/lib/reviews/workflow";
import type { CommentVisibility } from "./schema";

export interface CommentAccess {
  /** officer: program staff; reviewer: assigned to the request; state: its country's focal point. */
  viewer: "officer" | "reviewer" | "state";
  mayReadInternal: boolean;
  mayPost: CommentVisibility[];
}

/**
 * What this user may do with the comments of a request it can see; null for nobody. Officers read
 * and post both kinds; assigned reviewers who declared no conflict read both and post internal ones; the
 * country's focal points read and post shared ones. For the data layer.
 */
export async function commentAccessFor(user: CurrentUser, request: Pick<RequestRecord, "id" | "countryIso2">): Promise<CommentAccess | null> {
  if (hasPermission(user, "requests.readAll")) return { viewer: "officer", mayReadInternal: true, mayPost: ["internal", "shared"] };
  if (hasPermission(user, "reviews.score")) {
    const db = await getDb();
    const [assignment] = await db
      .select({ id: reviewAssignments.id })
      .from(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.requestId, request.id),
          eq(reviewAssignments.reviewerId, user.id),
          inArray(reviewAssignments.status, [...REQUEST_OPENING_REVIEW_STATUSES]),
        ),
      )
      .limit(1);
    if (assignment) return { viewer: "reviewer", mayReadInternal: true, mayPost: ["internal"] };
  }
  if (isFilerFor(user, request.countryIso2)) return { viewer: "state", mayReadInternal: false, mayPost: ["shared"] };
  return null;
}

/** The comment kinds this user may post on the request. Anyone who may see the request; others NotFoundError. */
export async function getCommentAccess(user: CurrentUser, requestId: string): Promise<CommentAccess> {
  const request = await getVisibleRequest(user, requestId);
  const access = await commentAccessFor(user, request);
  if (!access) throw new NotFoundError("request");
  return access;
}

export interface CommentRow {
  id: string;
  visibility: CommentVisibility;
  body: string;
  createdAt: Date;
  /** The author's name; null when hidden from this reader (shown as "Program office") or unknown. */
  authorName: string | null;
  /** Written by the program office's side (officers, reviewers), as opposed to the state. */
  isProgramOffice: boolean;
}

/**
 * The comments on a request, oldest first. Staff (officers, assigned reviewers) see all, with author
 * names. The state's focal points see shared comments only, and staff authors appear as "Program
 * office" (never a name, so reviewers stay anonymous). Anyone else NotFoundError.
 */
export async function listComments(user: CurrentUser, requestId: string): Promise<CommentRow[]> {
  const request = await getVisibleRequest(user, requestId);
  const access = await commentAccessFor(user, request);
  if (!access) throw new NotFoundError("request");
  const db = await getDb();
  const rows = await db
    .select({
      id: requestComments.id,
      visibility: requestComments.visibility,
      body: requestComments.body,
      createdAt: requestComments.createdAt,
      authorName: users.name,
      // The state's side: a focal point of the request's country.
      isStateAuthor: sql<boolean>`(${users.countryIso2} = ${request.countryIso2} AND EXISTS (
        SELECT 1 FROM user_roles ur WHERE ur.user_id = ${requestComments.authorId} AND ur.role = 'focal_point'))`.mapWith(Boolean),
    })
    .from(requestComments)
    .leftJoin(users, eq(users.id, requestComments.authorId))
    .where(
      access.mayReadInternal
        ? eq(requestComments.requestId, request.id)
        : and(eq(requestComments.requestId, request.id), eq(requestComments.visibility, "shared")),
    )
    .orderBy(asc(requestComments.createdAt), asc(requestComments.id));
  return rows.map((r) => {
    const isProgramOffice = !r.isStateAuthor;
    return {
      id: r.id,
      visibility: r.visibility,
      body: r.body,
      createdAt: r.createdAt,
      authorName: isProgramOffice && !access.mayReadInternal ? null : (r.authorName ?? null),
      isProgramOffice,
    };
  });
}
