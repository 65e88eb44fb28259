import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { assistanceRequests, requestAttachments } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit, defineMutation } from "@/lib/mutations/define";
import { recordId } from "@/lib/mutations/parse";
import { isEditable } from "@/lib/requests/workflow";
import { ATTACHMENT_LIMITS, safeFilename } from "./detect";
import { requireFiledRequest } from "./queries";
import { checkUploads, uploadedFiles, type UploadedFile } from "./uploaded-files";

export type { UploadedFile };

// The uploads are declared mutations like any other: the route reads the streamed body (after its own
// early check of who may upload) and passes the files in the input, by reference, bytes uncopied. The
// type of each file is checked in `load` (checkUploads), not in the schema: its refusals name the file.

export interface AddedAttachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Locks the request row for the rest of the transaction, so that parallel uploads and removals (and a
 * submission) take turns, and checks again that it is still editable.
 */
async function lockEditableRequest(tx: Tx, requestId: string): Promise<void> {
  const [locked] = await tx
    .select({ status: assistanceRequests.status })
    .from(assistanceRequests)
    .where(eq(assistanceRequests.id, requestId))
    .for("update");
  if (!locked) throw new NotFoundError("request");
  if (!isEditable(locked.status)) throw new ValidationError({}, { key: "attachments.errors.notEditable" });
}

/**
 * The request's updated_at marks the change for lists and the timeline; its version stays, so that a
 * form opened on the request still saves after an upload.
 */
async function touchRequest(tx: Tx, requestId: string): Promise<void> {
  await tx.update(assistanceRequests).set({ updatedAt: new Date() }).where(eq(assistanceRequests.id, requestId));
}

/**
 * Adds files to a draft or a request with changes requested: all of them or none, at most 10 in all,
 * each type detected from its content. Focal points of the request's country.
 */
export const addRequestAttachments = defineMutation({
  permission: "requests.file",
  input: z.strictObject({ requestId: recordId(), files: uploadedFiles() }),
  load: async (actor, { requestId, files }) => {
    const request = await requireFiledRequest(actor.user, requestId, { ctx: actor, action: "request.attachment.add" });
    return { request, checked: checkUploads(files) };
  },
  run: async (tx, { actor, record: { request, checked } }): Promise<AddedAttachment[]> => {
    await lockEditableRequest(tx, request.id);
    const [{ existing }] = await tx
      .select({ existing: count() })
      .from(requestAttachments)
      .where(eq(requestAttachments.requestId, request.id));
    const max = ATTACHMENT_LIMITS.maxFiles;
    if (existing + checked.length > max) {
      throw new ValidationError(
        {},
        { key: "attachments.errors.tooMany", params: { max, existing, remaining: Math.max(0, max - existing) } },
      );
    }
    const added: AddedAttachment[] = [];
    // One statement per file: a single multi-row insert would hold every file's encoding at once.
    for (const file of checked) {
      const filename = safeFilename(file.name, file.type.ext);
      const sizeBytes = file.bytes.byteLength;
      const [row] = await tx
        .insert(requestAttachments)
        .values({
          requestId: request.id,
          filename,
          contentType: file.type.mime,
          sizeBytes,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
          uploadedById: actor.user.id,
        })
        .returning({ id: requestAttachments.id });
      await audit(tx, actor, {
        action: "request.attachment.add",
        entityType: "request",
        entityId: request.id,
        details: { attachmentId: row.id, filename, sizeBytes },
      });
      added.push({ id: row.id, filename, contentType: file.type.mime, sizeBytes });
    }
    await touchRequest(tx, request.id);
    return added;
  },
});

/**
 * Removes one file from a draft or a request with changes requested. Removing a file that is already
 * gone (a repeated click) changes nothing and says so. Focal points of the request's country.
 */
export const removeRequestAttachment = defineMutation({
  permission: "requests.file",
  input: z.strictObject({ requestId: recordId(), attachmentId: recordId() }),
  load: (actor, { requestId }) => requireFiledRequest(actor.user, requestId, { ctx: actor, action: "request.attachment.remove" }),
  run: async (tx, { actor, input: { attachmentId }, record: request }): Promise<{ removed: boolean }> => {
    await lockEditableRequest(tx, request.id);
    const [gone] = await tx
      .delete(requestAttachments)
      .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, request.id)))
      .returning({ filename: requestAttachments.filename, sizeBytes: requestAttachments.sizeBytes });
    if (!gone) return { removed: false };
    await audit(tx, actor, {
      action: "request.attachment.remove",
      entityType: "request",
      entityId: request.id,
      details: { attachmentId, filename: gone.filename, sizeBytes: gone.sizeBytes },
    });
    await touchRequest(tx, request.id);
    return { removed: true };
  },
});
