// A program at a glance (the donor's home and the dashboards list): the figures of its dashboard cut
// to what fits on a card. Pure: built from a ProgramOverview, so it always agrees with the dashboard.
import type { AcceptedReportSummary, DeliverableCounts, IndicatorTotal, ProgramOverview, ReportCounts } from "./types";

/** The indicators donors follow first (the list, in this order); others follow by name. */
export const HEADLINE_INDICATORS = ["firearms_marked", "weapons_destroyed", "ammunition_destroyed", "officers_trained", "etrace_accounts_active"] as const;

/** At most this many indicators on a card; the dashboard lists them all. */
export const GLANCE_INDICATORS = 5;

export interface ProgramGlance {
  program: ProgramOverview["program"];
  money: ProgramOverview["money"];
  awards: number;
  countries: number;
  indicators: IndicatorTotal[];
  /** How many indicators the program tracks in all (the card may show fewer). */
  indicatorCount: number;
  deliverables: DeliverableCounts;
  reportCounts: ReportCounts;
  latestReport: AcceptedReportSummary | null;
}

/** Headline indicators first in HEADLINE_INDICATORS order, then the others in the given order; at most `max`. */
export function headlineIndicators(indicators: IndicatorTotal[], max = GLANCE_INDICATORS): IndicatorTotal[] {
  const rank = (key: string) => {
    const i = (HEADLINE_INDICATORS as readonly string[]).indexOf(key);
    return i === -1 ? HEADLINE_INDICATORS.length : i;
  };
  return indicators
    .map((indicator, position) => ({ indicator, position }))
    .sort((a, b) => rank(a.indicator.key) - rank(b.indicator.key) || a.position - b.position)
    .slice(0, max)
    .map(({ indicator }) => indicator);
}

export function glanceOf(overview: ProgramOverview): ProgramGlance {
  return {
    program: overview.program,
    money: overview.money,
    awards: overview.awards.length,
    countries: overview.countries.filter((c) => c.awards > 0).length,
    indicators: headlineIndicators(overview.indicators),
    indicatorCount: overview.indicators.length,
    deliverables: overview.deliverables,
    reportCounts: overview.reportCounts,
    latestReport: overview.latestReports[0] ?? null,
  };
}
