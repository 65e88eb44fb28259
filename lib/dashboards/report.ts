// The program report's cut of a program's awards: which awards the PDF lists by name. Shared by the SQL
// that builds a report (lib/dashboards/queries.ts getProgramReport, which does the same in the database)
// and by whoever holds a whole ProgramOverview already (the dashboard's, test fixtures).
import type { AwardSummary, ProgramOverview, ProgramReport } from "./types";

/**
 * How many awards a program report lists by name: the 50 largest by committed amount (then by reference),
 * about two pages of table; every other award is counted in the figures by country, and the report says
 * how many of how many are listed and their share of the money. A reader cannot use a table of a thousand
 * rows, and react-pdf lays out each row at a cost (about 3 ms of CPU).
 */
export const REPORT_AWARD_LIMIT = 50;

/** How many of the awards with late deliverables it lists: the 25 with the most late deliverables. */
export const REPORT_LATE_AWARD_LIMIT = 25;

/** How many awards a report lists, and how many of those with late deliverables (the defaults above). */
export interface ReportLimits {
  awards?: number;
  late?: number;
}

/** Largest committed amount first, then by reference: the order of the awards a report lists. */
export function byCommittedThenReference(a: { committedMinor: number; reference: string }, b: { committedMinor: number; reference: string }): number {
  return b.committedMinor - a.committedMinor || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
}

/** Most late deliverables first, then by reference: the order of the late awards a report lists. */
function byLateThenReference(a: AwardSummary, b: AwardSummary): number {
  return b.deliverables.late - a.deliverables.late || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
}

/** The report of a whole overview: its figures, the `limits.awards` largest awards and the `limits.late` most late. */
export function programReportOf(overview: ProgramOverview, limits: ReportLimits = {}): ProgramReport {
  const { awards: awardLimit = REPORT_AWARD_LIMIT, late: lateLimit = REPORT_LATE_AWARD_LIMIT } = limits;
  const { awards, country: _country, ...figures } = overview;
  const late = awards.filter((a) => a.deliverables.late > 0);
  return {
    ...figures,
    awards: [...awards].sort(byCommittedThenReference).slice(0, awardLimit),
    awardCount: awards.length,
    lateAwards: [...late].sort(byLateThenReference).slice(0, lateLimit).map(({ id, reference, countryIso2, country, deliverables }) => ({ id, reference, countryIso2, country, deliverables })),
    lateAwardCount: late.length,
  };
}

/** A report as it is, or the report of a whole overview. */
export function asProgramReport(data: ProgramReport | ProgramOverview): ProgramReport {
  return "awardCount" in data ? data : programReportOf(data);
}
