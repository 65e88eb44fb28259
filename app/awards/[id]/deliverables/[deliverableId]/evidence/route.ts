import { revalidatePath } from "next/cache";
import { ATTACHMENT_LIMITS, displayFilename, MAX_UPLOAD_BODY_BYTES } from "@/lib/attachments/detect";
import { readUploadStream } from "@/lib/attachments/multipart-stream";
import { requireDeliverableOpenForEvidence } from "@/lib/deliverables/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ipAndAgentFrom } from "@/lib/auth/request-context";
import { addDeliverableEvidence, type UploadedFile } from "@/lib/deliverables/mutations";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { answer, isSameOrigin, MAX_MB, validationMessages, withUploadSlot } from "@/lib/attachments/upload-http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; deliverableId: string }> };
/**
 * Uploads evidence files (multipart field "files", repeated) to a deliverable of the award. Answers JSON:
 * { ok: true, count } or { ok: false, errors } in the user's language. The award's country focal points
 * and its partner's users, while the deliverable is pending or returned.
 */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { id, deliverableId } = await params;
  const user = await getCurrentUser();
  const { t, locale } = await getI18n();
  if (!user) return answer(401, { ok: false, errors: [t("attachments.errors.sessionExpired")] });
  if (!isSameOrigin(request)) return answer(403, { ok: false, errors: [t("attachments.errors.forbiddenOrigin")] });

  const tooLarge = () =>
    answer(413, { ok: false, errors: [t("attachments.errors.requestTooLarge", { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: MAX_MB })] });
  // Who may upload here, and whether the target is open for files, is settled before a byte of the body
  // is read: a stranger's 100 MB is never taken in.
  try {
    await requireDeliverableOpenForEvidence(user, deliverableId, id, { ctx: ipAndAgentFrom(request.headers), action: "deliverable.evidence.add" });
  } catch (error) {
    if (error instanceof NotFoundError) return answer(404, { ok: false, errors: [t("delivery.errors.deliverableNotFound")] });
    if (error instanceof ValidationError) return answer(400, { ok: false, errors: validationMessages(error, t) });
    throw error;
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BODY_BYTES) return tooLarge();
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return answer(400, { ok: false, errors: [t("attachments.errors.unreadable")] });
  }

  // At most a few uploads per user are read at once, on every instance together (decision 0014).
  return withUploadSlot(user.id, { t, locale }, async () => {
    // Read as it arrives; the first bad part ends the read, and nothing past it is kept.
    const streamed = await readUploadStream(request, { maxBodyBytes: MAX_UPLOAD_BODY_BYTES });
    if (!streamed.ok) {
      if (streamed.problem === "bodyTooLarge") return tooLarge();
      if (streamed.problem === "unreadable") return answer(400, { ok: false, errors: [t("attachments.errors.unreadable")] });
      const refusal = new ValidationError(
        { [`files.${streamed.index}`]: { key: `attachments.errors.${streamed.problem}`, params: { name: displayFilename(streamed.name), maxMb: MAX_MB } } },
        { key: "attachments.errors.rejected" },
      );
      return answer(400, { ok: false, errors: validationMessages(refusal, t) });
    }
    const uploads: UploadedFile[] = streamed.files;

    try {
      const added = await addDeliverableEvidence(user, deliverableId, uploads, { ...ipAndAgentFrom(request.headers), awardId: id });
      revalidatePath(`/awards/${id}`);
      return answer(200, { ok: true, count: added.length });
    } catch (error) {
      if (error instanceof NotFoundError) return answer(404, { ok: false, errors: [t("delivery.errors.deliverableNotFound")] });
      if (error instanceof ValidationError) return answer(400, { ok: false, errors: validationMessages(error, t) });
      throw error;
    }
  });
}
