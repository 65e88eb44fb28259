import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { assistanceRequests, requestAttachments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { isEditable } from "@/lib/requests/workflow";
import { ATTACHMENT_LIMITS, checkUpload, displayFilename, safeFilename, type DetectedFileType } from "./detect";
import { isUuid, requireFiledRequest } from "./queries";

export interface AttachmentContext {
  ip: string | null;
  userAgent: string | null;
}

export interface UploadedFile {
  /** The name the browser sent: only a suggestion, cleaned before it is stored. */
  name: string;
  bytes: Uint8Array;
}

export interface AddedAttachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

const MAX_MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

/**
 * Checks every file under the shared upload rules and throws one ValidationError naming each bad
 * file, so that either all files are stored or none is. Reused for any upload with these rules.
 */
export function checkUploads(files: readonly UploadedFile[]): (UploadedFile & { type: DetectedFileType })[] {
  if (files.length === 0) throw new ValidationError({}, { key: "attachments.errors.noFiles" });
  const fieldErrors: FieldErrors = {};
  const checked: (UploadedFile & { type: DetectedFileType })[] = [];
  files.forEach((file, index) => {
    const verdict = checkUpload(file.bytes);
    if (verdict.ok) checked.push({ ...file, type: verdict.type });
    else {
      fieldErrors[`files.${index}`] = {
        key: `attachments.errors.${verdict.problem}`,
        params: { name: displayFilename(file.name), maxMb: MAX_MB },
      };
    }
  });
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors, { key: "attachments.errors.rejected" });
  return checked;
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
export async function addRequestAttachments(
  user: CurrentUser,
  requestId: string,
  files: readonly UploadedFile[],
  ctx: AttachmentContext,
): Promise<AddedAttachment[]> {
  const request = await requireFiledRequest(user, requestId, { ctx, action: "request.attachment.add" });
  const checked = checkUploads(files);
  const db = await getDb();
  return db.transaction(async (tx) => {
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
          uploadedById: user.id,
        })
        .returning({ id: requestAttachments.id });
      await recordAudit(tx, {
        actorUserId: user.id,
        action: "request.attachment.add",
        entityType: "request",
        entityId: request.id,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        details: { attachmentId: row.id, filename, sizeBytes },
      });
      added.push({ id: row.id, filename, contentType: file.type.mime, sizeBytes });
    }
    await touchRequest(tx, request.id);
    return added;
  });
}

/**
 * Removes one file from a draft or a request with changes requested. Removing a file that is already
 * gone (a repeated click) changes nothing and says so. Focal points of the request's country.
 */
export async function removeRequestAttachment(
  user: CurrentUser,
  requestId: string,
  attachmentId: string,
  ctx: AttachmentContext,
): Promise<{ removed: boolean }> {
  const request = await requireFiledRequest(user, requestId, { ctx, action: "request.attachment.remove" });
  if (!isUuid(attachmentId)) throw new NotFoundError("attachment");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockEditableRequest(tx, request.id);
    const [gone] = await tx
      .delete(requestAttachments)
      .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, request.id)))
      .returning({ filename: requestAttachments.filename, sizeBytes: requestAttachments.sizeBytes });
    if (!gone) return { removed: false };
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "request.attachment.remove",
      entityType: "request",
      entityId: request.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { attachmentId, filename: gone.filename, sizeBytes: gone.sizeBytes },
    });
    await touchRequest(tx, request.id);
    return { removed: true };
  });
}
