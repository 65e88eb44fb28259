import { addRequestAttachments } from "@/lib/attachments/mutations";
import { requireFiledRequest } from "@/lib/attachments/queries";
import { receiveUpload } from "@/lib/attachments/receive-upload";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/**
 * Uploads files (multipart field "files", repeated) to a request. Answers JSON for the attachments
 * form: { ok: true } or { ok: false, errors } in the user's language. Focal points of the country.
 */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return receiveUpload(request, {
    notFoundKey: "attachments.errors.notFound",
    authorize: (user, ctx) => requireFiledRequest(user, id, { ctx, action: "request.attachment.add" }),
    store: (user, files, ctx) => addRequestAttachments(user, { requestId: id, files }, ctx),
    page: `/requests/${id}`,
  });
}
