import type { Paged } from "@/lib/paging";

/**
 * What program dashboards, drill-downs and PDF reports show: accepted, donor-safe figures only (no
 * drafts, reviews, scores, internal comments or focal points' contact details). Money is integer minor
 * units of the program's currency; indicator figures are exact decimal strings (numeric columns).
 */

export interface Named {
  nameEn: string;
  nameEs: string;
}

export interface MoneySummary {
  /** Sum of the amounts of the awards counted (active and completed). */
  committedMinor: number;
  /** Recorded disbursements against those awards' tranches. */
  disbursedMinor: number;
  /** Per award, the expenditure to date of its latest accepted report; summed. */
  reportedExpenditureMinor: number;
}

export interface IndicatorTotal extends Named {
  /** Library key, e.g. "firearms_marked". */
  key: string;
  /** Library unit: count, tonnes, people, ... */
  unit: string;
  /** Sums over the awards tracking this indicator. */
  baseline: string;
  target: string;
  /** Sum of actuals of accepted reports only. */
  actual: string;
  /** Number of awards tracking it. */
  awards: number;
}

export interface DeliverableCounts {
  total: number;
  accepted: number;
  /** Not late: accepted, or not yet due (lib/deliverables/workflow isLate). */
  onTime: number;
  /** Past due and not accepted (isLate as of `asOf`). */
  late: number;
}

/** Progress reports by reporting period: accepted, and overdue (past the due date, not accepted). */
export interface ReportCounts {
  accepted: number;
  /** Past its due date and not accepted (lib/reporting/status periodStatus isOverdue), as of `asOf`. */
  overdue: number;
}

export interface AcceptedReportSummary {
  reportId: string;
  awardId: string;
  awardReference: string;
  countryIso2: string;
  country: Named;
  periodNumber: number;
  periodStartsOn: string;
  periodEndsOn: string;
  isFinal: boolean;
  acceptedAt: string; // ISO timestamp
  narrativeEn: string | null;
  narrativeEs: string | null;
}

export interface AwardSummary extends MoneySummary {
  id: string;
  reference: string;
  titleEn: string | null;
  titleEs: string | null;
  status: "active" | "completed";
  countryIso2: string;
  country: Named;
  partner: Named & { id: string };
  amountMinor: number;
  startsOn: string;
  endsOn: string;
  deliverables: DeliverableCounts;
  reportCounts: ReportCounts;
}

export interface CountrySummary extends MoneySummary, Named {
  iso2: string;
  awards: number;
  deliverables: DeliverableCounts;
  reportCounts: ReportCounts;
}

export interface ProgramOverview {
  program: Named & {
    id: string;
    key: string;
    currency: string;
    ceilingMinor: number;
    startsOn: string;
    endsOn: string;
    isDemoFigures: boolean;
    donors: (Named & { id: string })[];
  };
  /** With a country filter (the country drill-down), that country; absent on the whole program. */
  country?: Named & { iso2: string };
  /** committed/disbursed/reported over active+completed awards; remaining = ceiling - committed (all non-cancelled awards, as the ceiling guard counts them). */
  money: MoneySummary & { ceilingMinor: number; remainingMinor: number };
  countries: CountrySummary[];
  indicators: IndicatorTotal[];
  deliverables: DeliverableCounts;
  reportCounts: ReportCounts;
  /** Newest accepted first, at most 10 on the overview. */
  latestReports: AcceptedReportSummary[];
  awards: AwardSummary[];
  /** The date the figures are computed for (YYYY-MM-DD); lateness is relative to it. */
  asOf: string;
}

/**
 * A program's dashboard page (or its country drill-down): the figures of ProgramOverview, with the
 * awards and the accepted reports one page at a time. Countries stay whole (a few dozen at most): the
 * chart draws them all and the table pages them.
 */
export interface ProgramDashboard extends Omit<ProgramOverview, "awards" | "latestReports"> {
  /** The awards counted, by reference. */
  awards: Paged<AwardSummary>;
  /** Accepted reports, newest accepted first (then by period, latest first, and award). */
  reports: Paged<AcceptedReportSummary>;
}

export interface AwardIndicator extends Named {
  key: string;
  unit: string;
  baseline: string;
  target: string;
  actual: string;
}

export interface AwardDeliverable {
  id: string;
  title: string;
  dueOn: string;
  status: "pending" | "submitted" | "accepted" | "returned";
  isLate: boolean;
}

export interface AwardEquipment {
  kind: string;
  model: string | null;
  quantity: number;
  handoverOn: string | null;
  custodianAgency: string;
  condition: string;
  /** Latest end-use check, if any. */
  lastCheck: { checkedOn: string; result: string } | null;
}

export interface AwardDisbursement {
  trancheNumber: number;
  plannedAmountMinor: number;
  plannedOn: string;
  disbursedMinor: number | null;
  disbursedOn: string | null;
}

export interface AwardOverview {
  program: ProgramOverview["program"];
  award: AwardSummary;
  money: MoneySummary;
  indicators: AwardIndicator[];
  deliverables: AwardDeliverable[];
  equipment: AwardEquipment[];
  tranches: AwardDisbursement[];
  /** Accepted reports only, oldest period first. */
  reports: AcceptedReportSummary[];
  asOf: string;
}

/** An award with late deliverables, as the program report lists it. */
export interface LateAward {
  id: string;
  reference: string;
  countryIso2: string;
  country: Named;
  deliverables: DeliverableCounts;
}

/**
 * What the program PDF report prints: the dashboard's figures (totals, countries, indicators, deliverables,
 * reports) over every reported award, with only the most significant awards listed by name (see
 * lib/dashboards/report.ts REPORT_AWARD_LIMIT); the others are counted in the country figures.
 */
export interface ProgramReport extends Omit<ProgramOverview, "awards" | "country"> {
  /** The largest awards by committed amount (then by reference), largest first, at most the limit. */
  awards: AwardSummary[];
  /** All reported awards of the program: more than awards.length when some are summarised only. */
  awardCount: number;
  /** The awards with late deliverables, the most late first (then by reference), at most the limit. */
  lateAwards: LateAward[];
  /** All reported awards with a late deliverable. */
  lateAwardCount: number;
}
