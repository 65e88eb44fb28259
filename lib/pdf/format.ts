// How figures read in the PDF: the same formatting as the dashboards (lib/i18n/format), bound to one
// language and currency so the document components stay free of formatting rules.
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";
import { plural, type PluralKey } from "@/lib/i18n/plural";
import { createTranslator, type MessageParams, type Translate } from "@/lib/i18n/translate";
import { percentOf } from "@/lib/reporting/status";
import type { Named } from "@/lib/dashboards/types";
import { unitLabel } from "@/lib/reporting/units";

export interface PdfKit {
  locale: Locale;
  t: Translate;
  /** A counted phrase in the form its number needs ("1 late", "2 atrasados"). */
  count: (key: PluralKey, count: number, params?: MessageParams) => string;
  money: (minor: number) => string;
  /** A count, with the language's separators ("1,250", "1.250"). */
  number: (value: number) => string;
  /** `part` as a percentage of `whole` ("62.5 %"), or a dash when `whole` is 0. */
  share: (part: number, whole: number) => string;
  /** An indicator figure (exact decimal string), as on screen: at most two decimals. */
  quantity: (value: string) => string;
  /** Progress of actual toward target as on screen ("53.8 %"), or a dash without a target. */
  percent: (actual: string, target: string) => string;
  date: (iso: string) => string;
  name: (value: Named) => string;
  unit: (unit: string) => string;
  awardTitle: (award: { reference: string; titleEn: string | null; titleEs: string | null }) => string;
}

/** The formatters of one report: its language and its program's currency. For the document components. */
export function pdfKit(locale: Locale, currency: string): PdfKit {
  const t = createTranslator(locale);
  // A report prints the same few dates hundreds of times; Intl formatters are costly to build.
  const dates = new Map<string, string>();
  return {
    locale,
    t,
    count: (key, count, params) => plural(t, locale, key, count, params),
    money: (minor) => formatMoney(minor, currency, locale),
    number: (value) => formatNumber(value, locale),
    share: (part, whole) => (whole === 0 ? t("pdf.indicators.noTarget") : `${formatNumber((part / whole) * 100, locale, { maximumFractionDigits: 1 })} %`),
    quantity: (value) => formatNumber(Number(value), locale, { maximumFractionDigits: 2 }),
    percent: (actual, target) => {
      const percent = percentOf(Number(actual), Number(target));
      return percent === null ? t("pdf.indicators.noTarget") : `${formatNumber(percent, locale, { maximumFractionDigits: 1 })} %`;
    },
    date: (iso) => {
      let text = dates.get(iso);
      if (text === undefined) dates.set(iso, (text = formatDate(iso, locale)));
      return text;
    },
    name: (value) => (locale === "es" ? value.nameEs : value.nameEn),
    unit: (unit) => unitLabel(unit, t),
    awardTitle: (award) => (locale === "es" ? (award.titleEs ?? award.titleEn) : (award.titleEn ?? award.titleEs)) ?? award.reference,
  };
}

/** The report's narrative in the reader's language, else in the other one (reports are often written in one). */
export function narrativeIn(locale: Locale, report: { narrativeEn: string | null; narrativeEs: string | null }): string | null {
  const text = locale === "es" ? (report.narrativeEs ?? report.narrativeEn) : (report.narrativeEn ?? report.narrativeEs);
  return text && text.trim() ? text.trim() : null;
}

/** The start of a text, cut at a word boundary, so an excerpt never ends mid-word. */
export function excerpt(text: string, maxChars = 600): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** Paragraphs of a narrative: one Text node each, because react-pdf lays out one huge node slowly. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}
