import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { awardDeliverables, awards, awardTranches, disbursements, reportingPeriods } from "@/db/schema";
import { denied, type Reach } from "@/lib/audit/mutations";
import { getAward } from "@/lib/awards/queries";
import { awardPeople } from "@/lib/awards/people";
import { forRecord } from "@/lib/mutations/for-record";
import { enqueueMail } from "@/lib/email/outbox";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { audit, defineMutation, todayOf, type Actor } from "@/lib/mutations/define";
import { invalidField, refused } from "@/lib/mutations/parse";
import { majorToMinor } from "@/lib/money";
import { trancheRows } from "./unchecked";
import { recordDisbursementSchema, trancheConditionSchema, TRANCHE_LIMITS } from "./schema";
import { disbursementBlocker, disbursementInputProblem } from "./workflow";



/** The tranche and its award, when this user may see the award; NotFoundError for everyone else. */
async function visibleTranche(actor: Actor, trancheId: string, action: Reach["action"]) {
  const reach: Reach = { ctx: actor, action };
  const db = await getDb();
  const [t] = await db.select({ awardId: awardTranches.awardId }).from(awardTranches).where(eq(awardTranches.id, trancheId));
  if (!t) throw new NotFoundError("tranche");
  const award = await getAward(actor.user, t.awardId, { ...reach, target: { entityType: "tranche", entityId: trancheId } }).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("tranche") : error;
  });
  return award;
}

/** The tranche row, locked for the rest of the transaction (so a condition change and a disbursement take turns). */
async function lockTranche(tx: Tx, trancheId: string) {
  const [row] = await tx.select().from(awardTranches).where(eq(awardTranches.id, trancheId)).for("update");
  if (!row) throw new NotFoundError("tranche");
  return row;
}

/**
 * Sets what a tranche waits for before it may be disbursed: nothing, an accepted deliverable of the same
 * award, or the accepted report of a reporting period (when the award has a calendar, the period must be
 * in it). Not on a tranche already disbursed. Program officers; NotFoundError for others.
 */
export const setTrancheCondition = defineMutation({
  permission: "disbursements.record",
  input: forRecord("trancheId", trancheConditionSchema, { onAwardPage: true }),
  load: async (actor, input) => {
    const award = await visibleTranche(actor, input.trancheId, "tranche.condition.set");
    if (award.status === "cancelled" || award.status === "completed") throw refused("delivery.errors.awardClosed");
    return award;
  },
  run: async (tx, { actor, input: value, record: award }) => {
    const tranche = await lockTranche(tx, value.trancheId);
    if (tranche.releasedOn !== null) throw refused("delivery.errors.conditionLocked");
    let deliverableId: string | null = null;
    let periodNumber: number | null = null;
    if (value.type === "deliverable") {
      const [d] = await tx
        .select({ id: awardDeliverables.id })
        .from(awardDeliverables)
        .where(and(eq(awardDeliverables.id, value.deliverableId), eq(awardDeliverables.awardId, award.id)));
      if (!d) throw invalidField("deliverableId", "delivery.errors.deliverableNotOfAward");
      deliverableId = d.id;
    } else if (value.type === "report") {
      const periods = await tx.select({ number: reportingPeriods.number }).from(reportingPeriods).where(eq(reportingPeriods.awardId, award.id));
      // Without a calendar yet, any plausible number is accepted; the report will be looked up by it.
      if (periods.length > 0 && !periods.some((p) => p.number === value.periodNumber)) {
        throw invalidField("periodNumber", "delivery.errors.periodUnknown", { max: Math.max(...periods.map((p) => p.number)) });
      }
      if (value.periodNumber > TRANCHE_LIMITS.periodNumberMax) throw invalidField("periodNumber", "delivery.errors.periodNumber");
      periodNumber = value.periodNumber;
    }
    const [updated] = await tx
      .update(awardTranches)
      .set({ conditionDeliverableId: deliverableId, conditionPeriodNumber: periodNumber })
      .where(and(eq(awardTranches.id, tranche.id), isNull(awardTranches.releasedOn)))
      .returning({ id: awardTranches.id });
    if (!updated) throw new ConflictError("tranche changed", "awards.errors.conflict");
    await audit(tx, actor, {
      action: "tranche.condition.set",
      entityType: "award",
      entityId: award.id,
      details: {
        trancheId: tranche.id,
        position: tranche.position,
        from: { deliverableId: tranche.conditionDeliverableId, periodNumber: tranche.conditionPeriodNumber },
        to: { deliverableId, periodNumber },
      },
    });
  },
});

/**
 * Records the disbursement of a tranche: at most its planned amount (see disbursementInputProblem), paid
 * on a day within the award period and not in the future, on an active award, and only when the
 * tranche's condition is met (none, or the deliverable accepted, or the period's report accepted).
 * One per tranche: the tranche row is locked, the disbursements table is unique per tranche and the
 * release is a conditional UPDATE, so of two parallel attempts one wins and the other gets
 * ConflictError. Writes the disbursement, the tranche's release, the audit event and the
 * "disbursement-recorded" mails (to the country's focal points and the partner's users) in one
 * transaction. A condition not met is refused and audited as denied (after the rollback). Officers with
 * disbursements.record; NotFoundError for everyone else.
 */
export const recordDisbursement = defineMutation({
  permission: "disbursements.record",
  input: forRecord("trancheId", recordDisbursementSchema, { onAwardPage: true }),
  load: (actor, input) => visibleTranche(actor, input.trancheId, "tranche.disburse"),
  run: async (tx, { actor, input: value, record: award }): Promise<{ disbursementId: string; amountMinor: number; disbursedOn: string }> => {
    const { trancheId } = value;
    const amountMinor = majorToMinor(value.amount);
    const today = todayOf(actor);
    await lockTranche(tx, trancheId);
    const [awardNow] = await tx.select({ status: awards.status }).from(awards).where(eq(awards.id, award.id));
    const row = (await trancheRows(tx, award.id)).find((r) => r.id === trancheId);
    if (!row || !awardNow) throw new NotFoundError("tranche");
    const blocker = disbursementBlocker({ ...row, awardStatus: awardNow.status });
    if (blocker) {
      const refusal = refused(`delivery.errors.${blocker}`, { number: row.conditionPeriodNumber ?? "", title: row.deliverableTitle ?? "" });
      // Money asked for before its condition is met is worth a trace; a repeated or late click is not.
      if (blocker !== "deliverableNotAccepted" && blocker !== "reportNotAccepted") throw refusal;
      throw denied(refusal, {
        action: "tranche.disburse",
        entityType: "award",
        entityId: award.id,
        details: {
          trancheId,
          position: row.position,
          reason: blocker,
          amountMinor,
          condition: { deliverableId: row.conditionDeliverableId, deliverableStatus: row.deliverableStatus, periodNumber: row.conditionPeriodNumber, reportStatus: row.reportStatus },
        },
      });
    }
    const problem = disbursementInputProblem({ amountMinor, disbursedOn: value.disbursedOn }, row, award, today);
    if (problem) throw invalidField(problem.field, `delivery.errors.${problem.problem}`);

    const [disbursement] = await tx
      .insert(disbursements)
      .values({ trancheId, amountMinor, disbursedOn: value.disbursedOn, recordedById: actor.user.id })
      .onConflictDoNothing({ target: disbursements.trancheId })
      .returning({ id: disbursements.id });
    if (!disbursement) throw new ConflictError("tranche already disbursed", "awards.errors.conflict");
    const [released] = await tx
      .update(awardTranches)
      .set({ releasedAmountMinor: amountMinor, releasedOn: value.disbursedOn })
      .where(and(eq(awardTranches.id, trancheId), isNull(awardTranches.releasedOn), isNull(awardTranches.releasedAmountMinor)))
      .returning({ id: awardTranches.id });
    if (!released) throw new ConflictError("tranche already disbursed", "awards.errors.conflict");
    await audit(tx, actor, {
      action: "tranche.disburse",
      entityType: "award",
      entityId: award.id,
      details: {
        trancheId,
        position: row.position,
        disbursementId: disbursement.id,
        amountMinor,
        plannedAmountMinor: row.plannedAmountMinor,
        currency: award.currency,
        disbursedOn: value.disbursedOn,
        condition: { deliverableId: row.conditionDeliverableId, periodNumber: row.conditionPeriodNumber },
      },
    });
    const [facts] = await tx
      .select({ countryIso2: awards.countryIso2, implementingPartnerId: awards.implementingPartnerId })
      .from(awards)
      .where(eq(awards.id, award.id));
    for (const person of await awardPeople(tx, facts)) {
      await enqueueMail(tx, {
        template: "disbursement-recorded",
        to: person.email,
        locale: person.locale,
        payload: {
          reference: award.reference,
          position: row.position,
          amountMinor,
          currency: award.currency,
          disbursedOn: value.disbursedOn,
          url: `${actor.baseUrl}/awards/${award.id}`,
        },
      });
    }
    return { disbursementId: disbursement.id, amountMinor, disbursedOn: value.disbursedOn };
  },
});

