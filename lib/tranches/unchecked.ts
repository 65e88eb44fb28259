// Helpers that check nothing: they run inside a caller's transaction or query on ids the caller has
// already checked. Exported for the checked queries and mutations of lib/; never called from a page.
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { awardDeliverables, awardTranches, disbursements, progressReports, reportingPeriods, users } from "@/db/schema";

/**
 * The award's tranches with the state of their condition, as the tranche rows joined to the condition
 * deliverable (of the same award only) and to the report of the condition period.
 */
export async function trancheRows(db: DbOrTx, awardId: string) {
  return db
    .select({
      id: awardTranches.id,
      awardId: awardTranches.awardId,
      position: awardTranches.position,
      plannedAmountMinor: awardTranches.plannedAmountMinor,
      plannedOn: awardTranches.plannedOn,
      releasedAmountMinor: awardTranches.releasedAmountMinor,
      releasedOn: awardTranches.releasedOn,
      conditionDeliverableId: awardTranches.conditionDeliverableId,
      conditionPeriodNumber: awardTranches.conditionPeriodNumber,
      deliverableTitle: awardDeliverables.title,
      deliverableStatus: awardDeliverables.status,
      reportStatus: progressReports.status,
      recordedByName: users.name,
    })
    .from(awardTranches)
    .leftJoin(
      awardDeliverables,
      sql`${awardDeliverables.id} = ${awardTranches.conditionDeliverableId} AND ${awardDeliverables.awardId} = ${awardTranches.awardId}`,
    )
    .leftJoin(
      reportingPeriods,
      sql`${reportingPeriods.awardId} = ${awardTranches.awardId} AND ${reportingPeriods.number} = ${awardTranches.conditionPeriodNumber}`,
    )
    .leftJoin(progressReports, eq(progressReports.periodId, reportingPeriods.id))
    .leftJoin(disbursements, eq(disbursements.trancheId, awardTranches.id))
    .leftJoin(users, eq(users.id, disbursements.recordedById))
    .where(eq(awardTranches.awardId, awardId))
    .orderBy(asc(awardTranches.position));
}
