import type { Locale } from "./config";

const intlLocale: Record<Locale, string> = { en: "en-US", es: "es-419" };

/** Formats integer minor units (cents) of a currency for the locale, e.g. 150000 USD -> "$1,500.00". */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(intlLocale[locale], { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[locale], options).format(value);
}

/** A calendar date ("2026-03-01" or a Date) in the locale's long form, independent of the server's zone. */
export function formatDate(value: string | Date, locale: Locale): string {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export function formatDateTime(value: Date, locale: Locale, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}
