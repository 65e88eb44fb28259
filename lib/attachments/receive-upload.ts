// One upload route, two targets (a request's attachments, a deliverable's evidence): the checks in the
// order that keeps a stranger's body unread, then the streamed read under an upload slot, then the store.
// Answers JSON for the upload forms: { ok: true, count } or { ok: false, errors } in the user's language.
import { revalidatePath } from "next/cache";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { ipAndAgentFrom, type RequestContext } from "@/lib/auth/request-context";
import { getEnv } from "@/lib/config/env";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { ATTACHMENT_LIMITS, displayFilename, MAX_UPLOAD_BODY_BYTES } from "./detect";
import type { MutationContext } from "@/lib/mutations/define";
import type { UploadedFile } from "./uploaded-files";
import { readUploadStream } from "./multipart-stream";
import { answer, isSameOrigin, MAX_MB, validationMessages, withUploadSlot } from "./upload-http";

export interface UploadTarget {
  /** The refusal for a target this user may not see or that does not exist. */
  notFoundKey: MessageKey;
  /** Who may upload here, and whether the target takes files now: throws NotFoundError or ValidationError. */
  authorize: (user: CurrentUser, ctx: RequestContext) => Promise<unknown>;
  /** Stores the files (checking everything again, in its transaction); returns what it added. */
  store: (user: CurrentUser, files: UploadedFile[], ctx: MutationContext) => Promise<readonly unknown[]>;
  /** The page that shows the files. */
  page: string;
}

export async function receiveUpload(request: Request, target: UploadTarget): Promise<Response> {
  const user = await getCurrentUser();
  const { t, locale } = await getI18n();
  if (!user) return answer(401, { ok: false, errors: [t("attachments.errors.sessionExpired")] });
  if (!isSameOrigin(request)) return answer(403, { ok: false, errors: [t("attachments.errors.forbiddenOrigin")] });

  // The portal's origin as for mail links (AUTH_URL), else the one this request came to.
  const ctx: MutationContext = { ...ipAndAgentFrom(request.headers), baseUrl: new URL(getEnv().AUTH_URL || request.url).origin };
  const refused = (error: unknown): Response => {
    if (error instanceof NotFoundError) return answer(404, { ok: false, errors: [t(target.notFoundKey)] });
    if (error instanceof ValidationError) return answer(400, { ok: false, errors: validationMessages(error, t) });
    throw error;
  };
  const tooLarge = () =>
    answer(413, { ok: false, errors: [t("attachments.errors.requestTooLarge", { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: MAX_MB })] });

  // Who may upload here, and whether the target is open for files, is settled before a byte of the body
  // is read: a stranger's 100 MB is never taken in.
  try {
    await target.authorize(user, ctx);
  } catch (error) {
    return refused(error);
  }
  // Refuse early on the declared length, before reading anything; the read below holds to it anyway.
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BODY_BYTES) return tooLarge();
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
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
    try {
      const added = await target.store(user, streamed.files, ctx);
      revalidatePath(target.page);
      return answer(200, { ok: true, count: added.length });
    } catch (error) {
      return refused(error);
    }
  });
}
