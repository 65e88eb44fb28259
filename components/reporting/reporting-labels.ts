import type { PeriodStatus } from "@/lib/reporting/status";

/** The badge for a period's status: accepted green, overdue red, the rest neutral. */
export function periodStatusBadgeClass(status: PeriodStatus): string {
  if (status === "accepted") return "badge badge-success";
  if (status === "overdue" || status === "returned") return "badge badge-danger";
  return "badge";
}
