// Server-action requests that Next.js would refuse with a 500 (a foreign Origin, a body over the limit, a
// body it cannot decode) are refused here first, by proxy.ts, with the status that names the problem:
// 403, 413 or 400, and a short message in the visitor's language. Real errors then stand out in the logs.
// The checks mirror Next.js's own (next/dist/server/app-render/action-handler.js): the Origin must be the
// portal's (lib/http/same-origin.ts, shared with the upload routes); a fetch action's body is the JSON of its
// argument list (React's encodeReply) or multipart form data; the limit is serverActions.bodySizeLimit.
// Pure: no database, no session. Whether the user may do what the action does is decided next to the data.
import { NextResponse } from "next/server";
import { createTranslator } from "@/lib/i18n/translate";
import { LOCALE_COOKIE, visitorLocale, type Locale } from "@/lib/i18n/config";
import { isSameOriginRequest } from "./same-origin";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-actions";

export type ActionRefusal = { status: 403 | 413 | 400; reason: "foreign_origin" | "too_large" | "malformed" };

/** Whether the request may be a server action: a POST to anything but an API or file route. */
export function isActionRequest(method: string, pathname: string): boolean {
  return method === "POST" && !pathname.startsWith("/api/");
}

/** The Origin check (lib/http/same-origin.ts): an Origin, when sent, must be the portal's own. */
export function originRefusal(headers: Headers): ActionRefusal | null {
  return isSameOriginRequest(headers) ? null : { status: 403, reason: "foreign_origin" };
}

/** The declared size, before anything is read. */
export function declaredSizeRefusal(headers: Headers, limit = SERVER_ACTION_BODY_LIMIT_BYTES): ActionRefusal | null {
  const declared = headers.get("content-length");
  if (declared === null) return null;
  if (!/^\d+$/.test(declared.trim())) return { status: 400, reason: "malformed" };
  return Number(declared) > limit ? { status: 413, reason: "too_large" } : null;
}

/** The body as Next.js would decode it: size, then the JSON of a fetch action or its multipart form data. */
export async function bodyRefusal(request: Request, limit = SERVER_ACTION_BODY_LIMIT_BYTES): Promise<ActionRefusal | null> {
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > limit) return { status: 413, reason: "too_large" };
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  const isFetchAction = request.headers.has("next-action");
  if (mediaType === "multipart/form-data") return multipartLooksWhole(body, contentType) ? null : { status: 400, reason: "malformed" };
  if (!isFetchAction || mediaType === "application/x-www-form-urlencoded") return null;
  // A fetch action without files: the JSON text of its argument list.
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return Array.isArray(JSON.parse(text)) ? null : { status: 400, reason: "malformed" };
  } catch {
    return { status: 400, reason: "malformed" };
  }
}

/**
 * A multipart body Next.js's parser can read: a boundary in the type, the body opening with it and
 * closing with its end marker. (The parts themselves are the action's to judge.)
 */
function multipartLooksWhole(body: ArrayBuffer, contentType: string): boolean {
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return false;
  const text = new TextDecoder("latin1").decode(body);
  return text.startsWith(`--${marker}\r\n`) && text.trimEnd().endsWith(`\r\n--${marker}--`);
}

/** Every check, cheapest first; null when Next.js may take the request. */
export async function actionRefusal(request: Request): Promise<ActionRefusal | null> {
  return originRefusal(request.headers) ?? declaredSizeRefusal(request.headers) ?? (await bodyRefusal(request));
}

/** The visitor's language without a session: the language cookie, else the browser's. */
export function refusalLocale(headers: Headers): Locale {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return visitorLocale(cookie, headers.get("accept-language"));
}

/** The answer: the status and one sentence, as plain text, in the visitor's language. */
export function refusalResponse(refusal: ActionRefusal, headers: Headers): NextResponse {
  const t = createTranslator(refusalLocale(headers));
  const key = ({ foreign_origin: "common.refusals.foreignOrigin", too_large: "common.refusals.tooLarge", malformed: "common.refusals.malformed" } as const)[refusal.reason];
  return new NextResponse(t(key, { limit: `${Math.round(SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024)} MB` }), {
    status: refusal.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
