// What the PDF report routes answer: the language asked for, the file name, and the response headers.
import { isLocale, type Locale } from "@/lib/i18n/config";

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

/** `?lang=en|es`; anything else (absent, "fr", repeated garbage) is the reader's own language. */
export function reportLocale(requestUrl: string, userLocale: Locale): Locale {
  const lang = new URL(requestUrl).searchParams.get("lang");
  return isLocale(lang) ? lang : userLocale;
}

/** "<program key or award reference>-progress-report-<YYYY-MM-DD>.pdf", safe inside a quoted header value. */
export function reportFilename(subject: string, asOf: string): string {
  return `${subject}-progress-report-${asOf}.pdf`.replace(/[^A-Za-z0-9._-]/g, "_");
}

export function pdfResponse(bytes: Uint8Array, filename: string): Response {
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "application/pdf",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

/** The same plain 404 for "not signed in", "unknown id" and "not yours", so existence never leaks. */
export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}
