// Small pure helpers shared by the dashboard screens (names, narratives, decimal figures).
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { Named } from "@/lib/dashboards/types";
import type { Translate } from "@/lib/i18n/translate";
import { percentOf } from "@/lib/reporting/status";

export function nameIn(locale: Locale, n: Named): string {
  return locale === "es" ? n.nameEs : n.nameEn;
}

/** A title in the reader's language, else the other one (titles are optional in each language). */
export function titleIn(locale: Locale, t: { titleEn: string | null; titleEs: string | null }): string | null {
  return (locale === "es" ? t.titleEs : t.titleEn) || (locale === "es" ? t.titleEn : t.titleEs) || null;
}

/**
 * A report's narrative in the reader's language, falling back to the other one; `fallback` names the
 * language actually shown so the screen can say so.
 */
export function narrativeIn(locale: Locale, r: { narrativeEn: string | null; narrativeEs: string | null }): { text: string; fallback: Locale | null } | null {
  const own = (locale === "es" ? r.narrativeEs : r.narrativeEn)?.trim();
  if (own) return { text: own, fallback: null };
  const other = (locale === "es" ? r.narrativeEn : r.narrativeEs)?.trim();
  if (other) return { text: other, fallback: locale === "es" ? "en" : "es" };
  return null;
}

/** The first words of a text, cut at a word boundary. */
export function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** An exact decimal string from the database ("1500.00") for reading: no trailing zeros. */
export function decimal(value: string, locale: Locale): string {
  return formatNumber(Number(value), locale, { maximumFractionDigits: 2 });
}

/** An indicator's progress toward its target as the dashboards print it ("25%"), a dash without a target. */
export function progressText(actual: string, target: string, t: Translate, locale: Locale): string {
  const percent = percentOf(Number(actual), Number(target));
  return percent === null ? t("dashboards.indicators.noTarget") : t("dashboards.indicators.percentValue", { percent: formatNumber(percent, locale) });
}
