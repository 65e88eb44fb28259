import { contentDisposition, extensionForMime } from "@/lib/attachments/detect";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDeliverableEvidenceFile, type EvidenceFile } from "@/lib/deliverables/queries";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; deliverableId: string; evidenceId: string }> };

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Downloads one evidence file of a deliverable. Anyone who may see the award; everyone else, signed in
 * or not, gets a plain 404. Always saved, never shown in the portal's origin (detected type, attachment
 * disposition, no sniffing, a sandbox policy), like request attachments.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, deliverableId, evidenceId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFound();
  let file: EvidenceFile;
  try {
    file = await getDeliverableEvidenceFile(user, id, deliverableId, evidenceId);
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
