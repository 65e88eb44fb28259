import "server-only";
import { isUuid } from "@/lib/ids";

export { isUuid };
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { requestAttachments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Reach } from "@/lib/audit/mutations";
import { getVisibleRequest, isFilerFor, type RequestRecord } from "@/lib/requests/queries";
import { isEditable } from "@/lib/requests/workflow";


/** Whether a value from a URL or a form is a well-formed UUID (anything else is simply not found). */

export interface AttachmentFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
  sizeBytes: number;
}

/**
 * One attachment's content for download, if the user may see its request and the file belongs to
 * that request; NotFoundError otherwise. Anyone who may see the request.
 */
export async function getRequestAttachmentFile(user: CurrentUser, requestId: string, attachmentId: string): Promise<AttachmentFile> {
  if (!isUuid(requestId) || !isUuid(attachmentId)) throw new NotFoundError("attachment");
  const request = await getVisibleRequest(user, requestId, { target: { entityType: "attachment", entityId: attachmentId } }, "attachment");
  const db = await getDb();
  const [row] = await db
    .select({
      filename: requestAttachments.filename,
      contentType: requestAttachments.contentType,
      data: requestAttachments.data,
      sizeBytes: requestAttachments.sizeBytes,
    })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, request.id)))
    .limit(1);
  if (!row) throw new NotFoundError("attachment");
  return row;
}

/**
 * The request, if this user files for its country and it is open for files: what an upload needs,
 * checked before its body is read. NotFoundError for anyone else, ValidationError when not editable.
 * Focal points of the request's country (the mutation calls it too, so both apply one rule).
 */
export async function requireFiledRequest(user: CurrentUser, requestId: string, reach?: Reach): Promise<RequestRecord> {
  const request = await getVisibleRequest(user, requestId, reach);
  if (!isFilerFor(user, request.countryIso2)) throw new NotFoundError("request");
  if (!isEditable(request.status)) throw new ValidationError({}, { key: "attachments.errors.notEditable" });
  return request;
}
