import { getCurrentUser } from "@/lib/auth/current-user";
import { getDeliverableEvidenceFile, type EvidenceFile } from "@/lib/deliverables/queries";
import { NotFoundError } from "@/lib/errors";
import { notFoundResponse, uploadedFileResponse } from "@/lib/http/download";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; deliverableId: string; evidenceId: string }> };

/**
 * Downloads one evidence file of a deliverable. Anyone who may see the award; everyone else, signed in
 * or not, gets a plain 404. Always saved, never shown in the portal's origin (detected type, attachment
 * disposition, no sniffing, a sandbox policy), like request attachments.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, deliverableId, evidenceId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFoundResponse();
  let file: EvidenceFile;
  try {
    file = await getDeliverableEvidenceFile(user, id, deliverableId, evidenceId);
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
  return uploadedFileResponse(file);
}
