import { contentDisposition, extensionForMime } from "@/lib/attachments/detect";
import { getRequestAttachmentFile, type AttachmentFile } from "@/lib/attachments/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; attachmentId: string }> };

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Downloads one attachment. Anyone who may see the request; everyone else, signed in or not, gets a
 * plain 404. The file is always saved, never shown in the portal's origin: its detected type,
 * attachment disposition, no sniffing and a sandbox policy keep a crafted PDF or image from running script.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, attachmentId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFound();
  let file: AttachmentFile;
  try {
    file = await getRequestAttachmentFile(user, id, attachmentId);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  const data = new Uint8Array(file.data.buffer as ArrayBuffer, file.data.byteOffset, file.data.byteLength);
  return new Response(data, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": extensionForMime(file.contentType) ? file.contentType : "application/octet-stream",
      "Content-Length": String(data.byteLength),
      "Content-Disposition": contentDisposition(file.filename),
      "Content-Security-Policy": "sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
