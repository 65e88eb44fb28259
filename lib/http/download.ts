// The responses of the route handlers that hand out files: the same private, non-sniffable headers,
// the same plain 404 whatever the reason, and a download that is always saved, never shown inline.
import { contentDisposition, extensionForMime } from "@/lib/attachments/detect";

export const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

/** A private plain-text answer, e.g. a sentence explaining why there is no file. */
export function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/** The same plain 404 for "not signed in", "unknown id" and "not yours", so existence never leaks. */
export function notFoundResponse(): Response {
  return textResponse(404, "Not found");
}

export interface DownloadOptions {
  contentType: string;
  filename: string;
  /**
   * Keep a user-given name as it is (RFC 6266/5987: an ASCII fallback plus the exact UTF-8 name). Otherwise
   * the name is a generated one and any character outside [A-Za-z0-9._-] becomes "_", so a stray quote or
   * backslash never breaks the header.
   */
  isUserFilename?: boolean;
  extraHeaders?: Record<string, string>;
}

/**
 * A 200 that makes the browser save `body` as a file; bytes also get their Content-Length. A stream
 * (lib/http/text-stream.ts) is sent as it is produced, chunked, with no length known in advance.
 */
export function downloadResponse(body: Uint8Array | string | ReadableStream<Uint8Array>, { contentType, filename, isUserFilename, extraHeaders }: DownloadOptions): Response {
  const data = typeof body === "string" || body instanceof ReadableStream ? body : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return new Response(data, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": contentType,
      ...(data instanceof Uint8Array ? { "Content-Length": String(data.byteLength) } : {}),
      "Content-Disposition": isUserFilename
        ? contentDisposition(filename)
        : `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      ...extraHeaders,
    },
  });
}

/**
 * A file a person uploaded (request attachment, deliverable evidence): its detected type, else
 * octet-stream, and its exact name. Always saved, never shown in the portal's origin: with no sniffing
 * and a sandbox policy, a crafted PDF or image cannot run script.
 */
export function uploadedFileResponse(file: { data: Uint8Array; contentType: string; filename: string }): Response {
  return downloadResponse(file.data, {
    contentType: extensionForMime(file.contentType) ? file.contentType : "application/octet-stream",
    filename: file.filename,
    isUserFilename: true,
    extraHeaders: { "Content-Security-Policy": "sandbox", "Cross-Origin-Resource-Policy": "same-origin" },
  });
}
