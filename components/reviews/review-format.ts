// Pure display helpers shared by the review pages and the officer's panel. No server imports.
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { ReviewStatus } from "@/lib/reviews/workflow";

/** A score, total, mean or spread in the locale, with at most two decimals; an en dash when missing. */
export function formatScore(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return formatNumber(value, locale, { maximumFractionDigits: 2 });
}

export function reviewStatusBadgeClass(status: ReviewStatus): string {
  if (status === "submitted") return "badge badge-success";
  if (status === "recused") return "badge badge-danger";
  return "badge";
}

/** The name of a bilingual record in the reader's language. */
export function localName(record: { nameEn: string; nameEs: string }, locale: Locale): string {
  return locale === "es" ? record.nameEs : record.nameEn;
}
