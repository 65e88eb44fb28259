import "server-only";
import { audit, defineMutation } from "@/lib/mutations/define";
import { recordId } from "@/lib/mutations/parse";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getVisibleRequest } from "@/lib/requests/queries";
import { commentAccessFor } from "./queries";
import { addCommentSchema } from "./schema";
import { insertComment } from "./unchecked";

/**
 * Adds a comment to a request, with its audit event. Program officers post internal or shared
 * comments; reviewers assigned to the request who declared no conflict internal ones only; the request's
 * country's focal points shared ones only (anything else is refused with a message, nothing written).
 * Anyone who may not see the request gets NotFoundError. A draft takes no comments: nobody but the
 * state could read them.
 */
export const addComment = defineMutation({
  permission: "comments.add",
  input: addCommentSchema.extend({ requestId: recordId() }),
  load: async (actor, { requestId }) => {
    const request = await getVisibleRequest(actor.user, requestId, { ctx: actor, action: "comment.add" });
    const access = await commentAccessFor(actor.user, request);
    if (!access) throw new NotFoundError("request");
    return { request, access };
  },
  run: async (tx, { actor, input, record: { request, access } }): Promise<{ id: string }> => {
    if (!access.mayPost.includes(input.visibility)) {
      const key = access.viewer === "state" ? "officer.errors.internalNotAllowed" : "officer.errors.sharedNotAllowed";
      throw new ValidationError({ visibility: { key } }, { key });
    }
    if (request.status === "draft") throw new ValidationError({}, { key: "requests.errors.notAllowed" });
    const id = await insertComment(tx, { requestId: request.id, authorId: actor.user.id, visibility: input.visibility, body: input.body });
    // Audited on the comment, not on the request: the request's timeline is shown to the state, and
    // must not reveal that internal comments exist or who wrote them.
    await audit(tx, actor, {
      action: "comment.add",
      entityType: "request_comment",
      entityId: id,
      details: { requestId: request.id, visibility: input.visibility },
    });
    return { id };
  },
});
