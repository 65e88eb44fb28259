// The reporting calendar of an award: pure date arithmetic on "YYYY-MM-DD" strings (UTC, no time zones).
import { addDays, addMonthsClamped } from "@/lib/days";

export interface ReportingPeriod {
  number: number;
  startsOn: string;
  endsOn: string;
  /** 30 days after the period ends. */
  dueOn: string;
  /** The last period of the award: its report is the final report. */
  isFinal: boolean;
}

export const REPORT_DUE_DAYS = 30;
export const FREQUENCIES = [1, 2, 3, 4, 6, 12] as const;

/**
 * The periods covering an award exactly: the first starts on the award's start, each lasts
 * `frequencyMonths` months, and the last is cut at (and ends on) the award's end and is the final report.
 * A tail shorter than one month joins the final period rather than making a report of a few days
 * (an award "2026-01-31".."2026-06-30" reported monthly would otherwise end with a one-day period).
 * Throws on an empty or reversed period or a frequency outside 1..12.
 */
export function reportingPeriods({
  startsOn,
  endsOn,
  frequencyMonths,
}: {
  startsOn: string;
  endsOn: string;
  frequencyMonths: number;
}): ReportingPeriod[] {
  if (!Number.isInteger(frequencyMonths) || frequencyMonths < 1 || frequencyMonths > 12) {
    throw new RangeError(`reporting frequency must be 1..12 months, got ${frequencyMonths}`);
  }
  if (!(endsOn >= startsOn)) throw new RangeError(`award period ends (${endsOn}) before it starts (${startsOn})`);
  const periods: ReportingPeriod[] = [];
  for (let i = 0; ; i++) {
    const start = addMonthsClamped(startsOn, i * frequencyMonths);
    const nextStart = addMonthsClamped(startsOn, (i + 1) * frequencyMonths);
    const isFinal = nextStart > endsOn || addMonthsClamped(nextStart, 1) > addDays(endsOn, 1);
    const end = isFinal ? endsOn : addDays(nextStart, -1);
    periods.push({ number: i + 1, startsOn: start, endsOn: end, dueOn: addDays(end, REPORT_DUE_DAYS), isFinal });
    if (isFinal) return periods;
  }
}

/** The `reporting_periods` rows of an award's calendar (see reportingPeriods). */
export function calendarRows(awardId: string, award: { startsOn: string; endsOn: string; frequencyMonths: number }) {
  return reportingPeriods(award).map((p) => ({
    awardId,
    number: p.number,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    dueOn: p.dueOn,
    isFinal: p.isFinal ? ("yes" as const) : ("no" as const),
  }));
}
