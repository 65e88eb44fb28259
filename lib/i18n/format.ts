import type { Locale } from "./config";

const intlLocale: Record<Locale, string> = { en: "en-US", es: "es-419" };

// Building an Intl formatter costs far more than using one (a 100-award PDF formats thousands of
// figures): formatters are kept per locale and options. The options used are a handful of literals.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale[locale], options)));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale[locale], options)));
  return format;
}

/** Formats integer minor units (cents) of a currency for the locale, e.g. 150000 USD -> "$1,500.00". */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const format = numberFormat(locale, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** A calendar date ("2026-03-01" or a Date) in the locale's long form, independent of the server's zone. */
export function formatDate(value: string | Date, locale: Locale): string {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return dateFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export function formatDateTime(value: Date, locale: Locale, timeZone = "UTC"): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}
