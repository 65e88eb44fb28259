// Pure rules of tranches and disbursements: when a tranche may be disbursed, and how much.
// No server imports: the tranche section and the mutations share them.
import { isWithin } from "@/lib/dates";

export type DeliverableStatus = "pending" | "submitted" | "accepted" | "returned";
export type ReportStatus = "draft" | "submitted" | "accepted" | "returned";
export type AwardStatus = "pending_approval" | "active" | "completed" | "cancelled";

export interface TrancheConditionFacts {
  conditionDeliverableId: string | null;
  /** The status of the condition deliverable (null when there is none, or it is gone). */
  deliverableStatus: DeliverableStatus | null;
  conditionPeriodNumber: number | null;
  /** The status of the report for that period (null when none exists yet). */
  reportStatus: ReportStatus | null;
}

export type ConditionKind = "none" | "deliverable" | "report";

export function conditionKindOf(f: Pick<TrancheConditionFacts, "conditionDeliverableId" | "conditionPeriodNumber">): ConditionKind {
  if (f.conditionDeliverableId) return "deliverable";
  if (f.conditionPeriodNumber !== null) return "report";
  return "none";
}

/** Whether the tranche's condition is met: none set, or the deliverable (and/or the report) is accepted. */
export function isConditionMet(f: TrancheConditionFacts): boolean {
  if (f.conditionDeliverableId && f.deliverableStatus !== "accepted") return false;
  if (f.conditionPeriodNumber !== null && f.reportStatus !== "accepted") return false;
  return true;
}

export type DisbursementBlocker = "alreadyDisbursed" | "awardNotActive" | "deliverableNotAccepted" | "reportNotAccepted";

/** Why a disbursement may not be recorded on this tranche now; null when it may. */
export function disbursementBlocker(
  f: TrancheConditionFacts & { awardStatus: AwardStatus; releasedOn: string | null },
): DisbursementBlocker | null {
  if (f.releasedOn !== null) return "alreadyDisbursed";
  if (f.awardStatus !== "active") return "awardNotActive";
  if (f.conditionDeliverableId && f.deliverableStatus !== "accepted") return "deliverableNotAccepted";
  if (f.conditionPeriodNumber !== null && f.reportStatus !== "accepted") return "reportNotAccepted";
  return null;
}

/**
 * Why this disbursement's amount or date is wrong; null when fine. The amount may be lower than planned
 * (an under-spent tranche is released for what it cost) but never higher: one disbursement per tranche
 * and tranches adding up to the award amount then mean an award can never be over-disbursed.
 */
export function disbursementInputProblem(
  input: { amountMinor: number; disbursedOn: string },
  tranche: { plannedAmountMinor: number },
  award: { startsOn: string; endsOn: string },
  today: string,
): { field: "amount" | "disbursedOn"; problem: "amountAbovePlanned" | "amountNotPositive" | "dateInFuture" | "dateOutsidePeriod" } | null {
  if (input.amountMinor <= 0) return { field: "amount", problem: "amountNotPositive" };
  if (input.amountMinor > tranche.plannedAmountMinor) return { field: "amount", problem: "amountAbovePlanned" };
  if (input.disbursedOn > today) return { field: "disbursedOn", problem: "dateInFuture" };
  if (!isWithin(input.disbursedOn, award)) return { field: "disbursedOn", problem: "dateOutsidePeriod" };
  return null;
}
