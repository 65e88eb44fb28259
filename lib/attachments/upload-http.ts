import { isSameOriginRequest } from "@/lib/http/same-origin";
import { ATTACHMENT_LIMITS } from "./detect";
import { releaseUploadSlot, takeUploadSlot, uploadSlotLimitsFromEnv } from "./upload-slots";
import type { ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { plural } from "@/lib/i18n/plural";
import type { Translate } from "@/lib/i18n/translate";

// HTTP plumbing shared by the upload route handlers (request attachments, deliverable evidence).

export type UploadAnswer = { ok: true; count: number } | { ok: false; errors: string[] };

export const MAX_MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

export function answer(status: number, body: UploadAnswer, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store", ...headers } });
}

/**
 * Runs the reading and storing of an upload while holding one of the user's upload slots, released
 * whatever happens. With all of them taken, answers 429 in the user's language before a byte of the body
 * is read. Call it after the permission check: a stranger gets the 404, not a slot.
 */
export async function withUploadSlot(userId: string, { t, locale }: { t: Translate; locale: Locale }, run: () => Promise<Response>): Promise<Response> {
  const limits = uploadSlotLimitsFromEnv();
  const slot = await takeUploadSlot(userId, limits);
  if (!slot) return answer(429, { ok: false, errors: [plural(t, locale, "attachments.errors.tooManyUploads", limits.perUser)] }, { "Retry-After": "10" });
  try {
    return await run();
  } finally {
    // Should this fail (the database just went away), the slot lapses on its own (UPLOAD_SLOT_TTL_SECONDS).
    await releaseUploadSlot(slot).catch(() => {});
  }
}

/** Whether a browser sent this POST from the portal's own pages (route handlers get no check from Next.js). */
export function isSameOrigin(request: Request): boolean {
  return isSameOriginRequest(request.headers);
}

export function validationMessages(error: ValidationError, t: Translate): string[] {
  const messages: string[] = [];
  if (error.formError) messages.push(t(error.formError.key, error.formError.params));
  for (const e of Object.values(error.fieldErrors)) messages.push(t(e.key, e.params));
  return messages.length > 0 ? messages : [t("common.errors.invalidInput")];
}

