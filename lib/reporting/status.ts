// Pure rules of the reporting calendar: what a period's status is today, and who sees what.

export const REPORT_STATUS_VALUES = ["draft", "submitted", "accepted", "returned"] as const;
export type ReportStatus = (typeof REPORT_STATUS_VALUES)[number];

export const PERIOD_STATUSES = ["not_started", "open", "due", "overdue", "submitted", "accepted", "returned"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/**
 * A period's status: the report's when one was submitted, accepted or returned; otherwise from the
 * dates: not started, open (running), due (ended, report not yet late) or overdue (past its due date).
 * `isOverdue` is true past the due date until the report is accepted, whatever the report's status,
 * so dashboards can flag late reports still waiting for review too.
 */
export function periodStatus(
  period: { startsOn: string; endsOn: string; dueOn: string },
  reportStatus: ReportStatus | null,
  today: string,
): { status: PeriodStatus; isOverdue: boolean } {
  const isOverdue = today > period.dueOn && reportStatus !== "accepted";
  if (reportStatus === "submitted" || reportStatus === "accepted" || reportStatus === "returned") return { status: reportStatus, isOverdue };
  if (today < period.startsOn) return { status: "not_started", isOverdue };
  if (today <= period.endsOn) return { status: "open", isOverdue };
  if (today <= period.dueOn) return { status: "due", isOverdue };
  return { status: "overdue", isOverdue };
}

/** Progress toward a target in percent (one decimal), null when there is no target. */
export function percentOf(actual: number, target: number): number | null {
  if (!(target > 0)) return null;
  return Math.round((actual / target) * 1000) / 10;
}
