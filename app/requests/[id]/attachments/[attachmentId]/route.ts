import { getRequestAttachmentFile, type AttachmentFile } from "@/lib/attachments/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { notFoundResponse, uploadedFileResponse } from "@/lib/http/download";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; attachmentId: string }> };

/**
 * Downloads one attachment. Anyone who may see the request; everyone else, signed in or not, gets a
 * plain 404. The file is always saved, never shown in the portal's origin: its detected type,
 * attachment disposition, no sniffing and a sandbox policy keep a crafted PDF or image from running script.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, attachmentId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFoundResponse();
  let file: AttachmentFile;
  try {
    file = await getRequestAttachmentFile(user, id, attachmentId);
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
  return uploadedFileResponse(file);
}
