// What the PDF report routes answer: the language asked for, the file name, and the response headers.
import { downloadResponse } from "@/lib/http/download";
import { isLocale, type Locale } from "@/lib/i18n/config";

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
  return downloadResponse(bytes, { contentType: "application/pdf", filename });
}
