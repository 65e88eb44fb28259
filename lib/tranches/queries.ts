import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reportingPeriods } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { getAward } from "@/lib/awards/queries";
import { isOfficer } from "@/lib/awards/people";
import { conditionKindOf, disbursementBlocker, isConditionMet, type ConditionKind, type DisbursementBlocker } from "./workflow";
import { trancheRows } from "./unchecked";

export type TrancheRow = Awaited<ReturnType<typeof trancheRows>>[number];

export interface TrancheView {
  id: string;
  position: number;
  plannedAmountMinor: number;
  plannedOn: string;
  releasedAmountMinor: number | null;
  releasedOn: string | null;
  condition: ConditionKind;
  conditionDeliverable: { id: string; title: string; status: string } | null;
  conditionPeriodNumber: number | null;
  conditionReportStatus: string | null;
  isConditionMet: boolean;
  /** Why no disbursement can be recorded now (whoever asks); null when it can. */
  blocker: DisbursementBlocker | null;
  recordedByName: string | null;
}

/**
 * The tranches of an award with their condition and whether each is disbursable now, plus what this user
 * may do (officers: set conditions on unreleased tranches, record disbursements). Anyone who may see the
 * award (getAward's visibility); NotFoundError otherwise.
 */
export async function listTranches(user: CurrentUser, awardId: string) {
  const award = await getAward(user, awardId);
  const db = await getDb();
  const rows = await trancheRows(db, award.id);
  const tranches: TrancheView[] = rows.map((r) => ({
    id: r.id,
    position: r.position,
    plannedAmountMinor: r.plannedAmountMinor,
    plannedOn: r.plannedOn,
    releasedAmountMinor: r.releasedAmountMinor,
    releasedOn: r.releasedOn,
    condition: conditionKindOf(r),
    conditionDeliverable:
      r.conditionDeliverableId && r.deliverableTitle && r.deliverableStatus
        ? { id: r.conditionDeliverableId, title: r.deliverableTitle, status: r.deliverableStatus }
        : null,
    conditionPeriodNumber: r.conditionPeriodNumber,
    conditionReportStatus: r.reportStatus,
    isConditionMet: isConditionMet(r),
    blocker: disbursementBlocker({ ...r, awardStatus: award.status }),
    recordedByName: r.releasedOn ? r.recordedByName : null,
  }));
  const officer = isOfficer(user);
  // getAward's deliverables, in the same order (due date, then creation).
  const deliverables = officer ? award.deliverables.map(({ id, title, status }) => ({ id, title, status })) : [];
  const periods = officer
    ? await db
        .select({ number: reportingPeriods.number, dueOn: reportingPeriods.dueOn })
        .from(reportingPeriods)
        .where(eq(reportingPeriods.awardId, award.id))
        .orderBy(asc(reportingPeriods.number))
    : [];
  return {
    award: { id: award.id, reference: award.reference, status: award.status, currency: award.currency, amountMinor: award.amountMinor, startsOn: award.startsOn, endsOn: award.endsOn },
    tranches,
    plannedTotalMinor: tranches.reduce((s, t) => s + t.plannedAmountMinor, 0),
    releasedTotalMinor: tranches.reduce((s, t) => s + (t.releasedAmountMinor ?? 0), 0),
    canManage: officer,
    /** For the condition form: the award's deliverables and its reporting periods (may be none yet). */
    deliverableOptions: deliverables,
    periodOptions: periods,
  };
}
export type TrancheList = Awaited<ReturnType<typeof listTranches>>;
