import { ATTACHMENT_LIMITS } from "./detect";
import type { ValidationError } from "@/lib/errors";
import type { Translate } from "@/lib/i18n/translate";

// HTTP plumbing shared by the upload route handlers (request attachments, deliverable evidence).

export type UploadAnswer = { ok: true; count: number } | { ok: false; errors: string[] };

export const MAX_MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

export function answer(status: number, body: UploadAnswer): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * Whether a browser sent this POST from the portal's own pages. Browsers attach an Origin header to
 * every POST; a route handler, unlike a server action, gets no such check from Next.js.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser, so no cookie rides along without its owner's intent
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" from sandboxed frames and anything unparsable
  }
  const configured = process.env.AUTH_URL?.trim();
  if (configured && URL.canParse(configured) && new URL(configured).host === originHost) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return !!host && host === originHost;
}

/** The body, read up to `limit` bytes whatever the headers claim; null when it is larger. */
export async function readBodyWithin(request: Request, limit: number): Promise<Blob | null> {
  if (!request.body) return new Blob([]);
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(new Uint8Array(value));
  }
  return new Blob(chunks);
}

export function validationMessages(error: ValidationError, t: Translate): string[] {
  const messages: string[] = [];
  if (error.formError) messages.push(t(error.formError.key, error.formError.params));
  for (const e of Object.values(error.fieldErrors)) messages.push(t(e.key, e.params));
  return messages.length > 0 ? messages : [t("common.errors.invalidInput")];
}

