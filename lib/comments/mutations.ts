import "server-only";
import { getDb, type Tx } from "@/db/client";
import { requestComments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { MutationContext } from "@/lib/requests/mutations";
import { getVisibleRequest } from "@/lib/requests/queries";
import { parseInput } from "@/lib/screening/validation";
import { commentAccessFor } from "./queries";
import { addCommentSchema, type CommentVisibility } from "./schema";

/** Inserts a comment inside the caller's transaction (the caller checks who may post and audits). */
export async function insertComment(
  tx: Tx,
  comment: { requestId: string; authorId: string; visibility: CommentVisibility; body: string },
): Promise<string> {
  const [row] = await tx.insert(requestComments).values(comment).returning({ id: requestComments.id });
  return row.id;
}

/**
 * Adds a comment to a request, with its audit event. Program officers post internal or shared
 * comments; reviewers assigned to the request who declared no conflict internal ones only; the request's
 * country's focal points shared ones only (anything else is refused with a message, nothing written).
 * Anyone who may not see the request gets NotFoundError. A draft takes no comments: nobody but the
 * state could read them.
 */
export async function addComment(
  user: CurrentUser,
  requestId: string,
  input: unknown,
  ctx: Pick<MutationContext, "ip" | "userAgent">,
): Promise<{ id: string }> {
  const request = await getVisibleRequest(user, requestId, { ctx, action: "comment.add" });
  const access = await commentAccessFor(user, request);
  if (!access) throw new NotFoundError("request");
  const value = parseInput(addCommentSchema, input);
  if (!access.mayPost.includes(value.visibility)) {
    const key = access.viewer === "state" ? "officer.errors.internalNotAllowed" : "officer.errors.sharedNotAllowed";
    throw new ValidationError({ visibility: { key } }, { key });
  }
  if (request.status === "draft") throw new ValidationError({}, { key: "requests.errors.notAllowed" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const id = await insertComment(tx, { requestId: request.id, authorId: user.id, visibility: value.visibility, body: value.body });
    // Audited on the comment, not on the request: the request's timeline is shown to the state, and
    // must not reveal that internal comments exist or who wrote them.
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "comment.add",
      entityType: "request_comment",
      entityId: id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { requestId: request.id, visibility: value.visibility },
    });
    return { id };
  });
}
