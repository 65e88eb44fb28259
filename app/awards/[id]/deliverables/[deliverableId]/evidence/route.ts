import { receiveUpload } from "@/lib/attachments/receive-upload";
import { addDeliverableEvidence } from "@/lib/deliverables/mutations";
import { requireDeliverableOpenForEvidence } from "@/lib/deliverables/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; deliverableId: string }> };

/**
 * Uploads evidence files (multipart field "files", repeated) to a deliverable of the award. Answers JSON:
 * { ok: true, count } or { ok: false, errors } in the user's language. The award's country focal points
 * and its partner's users, while the deliverable is pending or returned.
 */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { id, deliverableId } = await params;
  return receiveUpload(request, {
    notFoundKey: "delivery.errors.deliverableNotFound",
    authorize: (user, ctx) => requireDeliverableOpenForEvidence(user, deliverableId, id, { ctx, action: "deliverable.evidence.add" }),
    store: (user, files, ctx) => addDeliverableEvidence(user, { deliverableId, awardId: id, files }, ctx),
    page: `/awards/${id}`,
  });
}
