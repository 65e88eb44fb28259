// Pure rules of deliverables (milestones): which status allows what, and when one is late.
import type { DeliverableStatus } from "@/lib/tranches/workflow";

export type { DeliverableStatus };
export const DELIVERABLE_STATUSES = ["pending", "submitted", "accepted", "returned"] as const satisfies readonly DeliverableStatus[];

/** Late: the due date has passed ("YYYY-MM-DD" compared as calendar days) and it is not accepted. */
export function isLate(deliverable: { dueOn: string; status: DeliverableStatus }, today: string): boolean {
  return deliverable.status !== "accepted" && deliverable.dueOn < today;
}

/** Evidence may be added, and the deliverable submitted, while it is pending or was returned. */
export function isOpenForEvidence(status: DeliverableStatus): boolean {
  return status === "pending" || status === "returned";
}

export const isSubmittable = isOpenForEvidence;

/** Only a submitted deliverable is decided on: accept -> accepted, return -> returned. */
export function decisionTarget(status: DeliverableStatus, decision: "accept" | "return"): DeliverableStatus | null {
  if (status !== "submitted") return null;
  return decision === "accept" ? "accepted" : "returned";
}
