import "server-only";
import { isUuid } from "@/lib/ids";

export { isUuid };
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { requestAttachments } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { NotFoundError } from "@/lib/errors";
import { findVisibleRequest } from "@/lib/requests/queries";


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
  const request = await findVisibleRequest(user, requestId);
  if (!request) throw new NotFoundError("attachment");
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
