import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { awards, equipmentChecks, equipmentItems } from "@/db/schema";
import type { Reach } from "@/lib/audit/mutations";
import { isWithin } from "@/lib/dates";
import type { CurrentUser } from "@/lib/auth/queries";
import { getAward } from "@/lib/awards/queries";
import { forRecord } from "@/lib/mutations/for-record";
import { NotFoundError } from "@/lib/errors";
import { audit, defineMutation, todayOf } from "@/lib/mutations/define";
import { invalidField, refused } from "@/lib/mutations/parse";
import { mayKeepRegister } from "./queries";
import { addEquipmentCheckSchema, addEquipmentItemSchema, updateEquipmentConditionSchema } from "./schema";



/** The award, when the user may see it and keep its register (partner users, officers); else NotFoundError. */
async function registerAward(user: CurrentUser, awardId: string, reach: Reach) {
  await getAward(user, awardId, reach);
  const db = await getDb();
  const [award] = await db
    .select({ id: awards.id, status: awards.status, startsOn: awards.startsOn, endsOn: awards.endsOn, implementingPartnerId: awards.implementingPartnerId })
    .from(awards)
    .where(eq(awards.id, awardId));
  if (!award || !mayKeepRegister(user, award)) throw new NotFoundError("award");
  if (award.status !== "active") throw refused("delivery.errors.awardNotActive");
  return { db, award };
}

async function itemAward(user: CurrentUser, itemId: string, reach: Reach) {
  const db = await getDb();
  const [item] = await db.select().from(equipmentItems).where(eq(equipmentItems.id, itemId));
  if (!item) throw new NotFoundError("equipment");
  const found = await registerAward(user, item.awardId, { ...reach, target: { entityType: "equipment", entityId: itemId } }).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("equipment") : error;
  });
  return { ...found, item };
}

/**
 * Adds an item delivered under an active award (kind, model, quantity, handover date within the award
 * period and not in the future, custodian agency, condition). Never a serial number. The award's
 * partner users and program officers; NotFoundError for others.
 */
export const addEquipmentItem = defineMutation({
  permission: "equipment.record",
  input: forRecord("awardId", addEquipmentItemSchema),
  load: async (actor, value) => {
    const { award } = await registerAward(actor.user, value.awardId, { ctx: actor, action: "equipment.add" });
    if (value.handoverOn) {
      if (!isWithin(value.handoverOn, award)) throw invalidField("handoverOn", "delivery.errors.handoverOutsidePeriod");
      if (value.handoverOn > todayOf(actor)) throw invalidField("handoverOn", "delivery.errors.dateInFuture");
    }
    return award;
  },
  run: async (tx, { actor, input: value, record: award }): Promise<{ id: string }> => {
    const [row] = await tx
      .insert(equipmentItems)
      .values({
        awardId: award.id,
        kind: value.kind,
        model: value.model === "" ? null : value.model,
        quantity: value.quantity,
        handoverOn: value.handoverOn ?? null,
        custodianAgency: value.custodianAgency,
        condition: value.condition,
        createdById: actor.user.id,
      })
      .returning({ id: equipmentItems.id });
    await audit(tx, actor, {
      action: "equipment.add",
      entityType: "award",
      entityId: award.id,
      details: { itemId: row.id, kind: value.kind, model: value.model || null, quantity: value.quantity, handoverOn: value.handoverOn ?? null, custodianAgency: value.custodianAgency, condition: value.condition },
    });
    return row;
  },
});

/** Changes an item's condition (no-op answer when unchanged). The award's partner users and officers. */
export const updateEquipmentCondition = defineMutation({
  permission: "equipment.record",
  input: forRecord("itemId", updateEquipmentConditionSchema, { onAwardPage: true }),
  load: (actor, input) => itemAward(actor.user, input.itemId, { ctx: actor, action: "equipment.condition" }),
  run: async (tx, { actor, input: { condition }, record: { award, item } }): Promise<{ changed: boolean }> => {
    const [updated] = await tx
      .update(equipmentItems)
      .set({ condition })
      .where(and(eq(equipmentItems.id, item.id), ne(equipmentItems.condition, condition)))
      .returning({ id: equipmentItems.id });
    if (!updated) return { changed: false };
    await audit(tx, actor, {
      action: "equipment.condition",
      entityType: "award",
      entityId: award.id,
      details: { itemId: item.id, from: item.condition, to: condition },
    });
    return { changed: true };
  },
});

/**
 * Records an end-use check of an item: the day (checks go on after the award ends, so never before the
 * handover, or the award's start when no handover date is known, and never in the future), the result
 * and a note.
 * The award's partner users and officers; NotFoundError for others.
 */
export const addEquipmentCheck = defineMutation({
  permission: "equipment.record",
  input: forRecord("itemId", addEquipmentCheckSchema, { onAwardPage: true }),
  load: async (actor, value) => {
    const found = await itemAward(actor.user, value.itemId, { ctx: actor, action: "equipment.check" });
    if (value.checkedOn > todayOf(actor)) throw invalidField("checkedOn", "delivery.errors.dateInFuture");
    const earliest = found.item.handoverOn ?? found.award.startsOn;
    if (value.checkedOn < earliest) throw invalidField("checkedOn", "delivery.errors.checkBeforeHandover");
    return found;
  },
  run: async (tx, { actor, input: value, record: { award, item } }): Promise<{ id: string }> => {
    const [row] = await tx
      .insert(equipmentChecks)
      .values({ itemId: item.id, checkedOn: value.checkedOn, result: value.result, note: value.note === "" ? null : value.note, checkedById: actor.user.id })
      .returning({ id: equipmentChecks.id });
    await audit(tx, actor, {
      action: "equipment.check",
      entityType: "award",
      entityId: award.id,
      details: { itemId: item.id, checkId: row.id, checkedOn: value.checkedOn, result: value.result },
    });
    return row;
  },
});
