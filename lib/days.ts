// Calendar days as "YYYY-MM-DD" strings: checked, compared as strings and counted in UTC, so the
// server's time zone never shifts a day. Plain functions without zod (client components use them
// without loading it); the zod field for dates is in lib/dates.ts.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whether "2026-02-30" is a real calendar date ("YYYY-MM-DD"), between 2000 and 2100. */
export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "2000-01-01" && s <= "2100-12-31";
}

/** The UTC calendar day of a moment ("2026-03-05T23:59Z" -> "2026-03-05"). */
export function isoDateOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/**
 * Today's calendar date, "YYYY-MM-DD": in UTC unless a time zone is given (dates in the portal are
 * calendar days, and the server counts them in UTC).
 */
export function todayIso(now: Date = new Date(), timeZone = "UTC"): string {
  if (timeZone === "UTC") return isoDateOf(now);
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** "YYYY-MM-DD" plus `days` calendar days (negative to go back). */
export function addDays(isoDate: string, days: number): string {
  return isoDateOf(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS));
}

/**
 * The same day `months` later, clamped to the end of a shorter month ("2026-01-31" + 1 -> "2026-02-28").
 * Always counted from the anchor, so month-end drift never accumulates (Jan 31 + 3 = Apr 30, + 6 = Jul 31).
 */
export function addMonthsClamped(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const monthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return isoDateOf(new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))));
}

/** The same calendar day `years` later ("2024-02-29" + 1 -> "2025-03-01", as Date.UTC rolls over). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // Not a date: "" rather than a RangeError, so a caller's comparison fails instead of crashing.
  return Number.isNaN(date.getTime()) ? "" : isoDateOf(date);
}

/** Days from `from` to `to`, both "YYYY-MM-DD" calendar days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whether a calendar day falls within a period, both ends included. */
export function isWithin(day: string, period: { startsOn: string; endsOn: string }): boolean {
  return day >= period.startsOn && day <= period.endsOn;
}
