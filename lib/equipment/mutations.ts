import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { awards, equipmentChecks, equipmentItems } from "@/db/schema";
import { recordAudit, type Reach } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { getAward } from "@/lib/awards/queries";
import { invalidField, parseOrThrow, refused } from "@/lib/delivery/parse";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MutationContext } from "@/lib/requests/mutations";
import { todayIso } from "@/lib/tranches/workflow";
import { mayKeepRegister } from "./queries";
import { addEquipmentCheckSchema, addEquipmentItemSchema, updateEquipmentConditionSchema } from "./schema";

type Ctx = Pick<MutationContext, "ip" | "userAgent"> & { today?: string };

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
  if (!isUuid(itemId)) throw new NotFoundError("equipment");
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
export async function addEquipmentItem(user: CurrentUser, awardId: string, input: unknown, ctx: Ctx): Promise<{ id: string }> {
  const { db, award } = await registerAward(user, awardId, { ctx, action: "equipment.add" });
  const value = parseOrThrow(addEquipmentItemSchema, input);
  if (value.handoverOn) {
    if (value.handoverOn < award.startsOn || value.handoverOn > award.endsOn) throw invalidField("handoverOn", "delivery.errors.handoverOutsidePeriod");
    if (value.handoverOn > (ctx.today ?? todayIso())) throw invalidField("handoverOn", "delivery.errors.dateInFuture");
  }
  return db.transaction(async (tx) => {
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
        createdById: user.id,
      })
      .returning({ id: equipmentItems.id });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "equipment.add",
      entityType: "award",
      entityId: award.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { itemId: row.id, kind: value.kind, model: value.model || null, quantity: value.quantity, handoverOn: value.handoverOn ?? null, custodianAgency: value.custodianAgency, condition: value.condition },
    });
    return row;
  });
}

/** Changes an item's condition (no-op answer when unchanged). The award's partner users and officers. */
export async function updateEquipmentCondition(user: CurrentUser, itemId: string, input: unknown, ctx: Ctx): Promise<{ changed: boolean }> {
  const { db, award, item } = await itemAward(user, itemId, { ctx, action: "equipment.condition" });
  const { condition } = parseOrThrow(updateEquipmentConditionSchema, input);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(equipmentItems)
      .set({ condition })
      .where(and(eq(equipmentItems.id, item.id), ne(equipmentItems.condition, condition)))
      .returning({ id: equipmentItems.id });
    if (!updated) return { changed: false };
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "equipment.condition",
      entityType: "award",
      entityId: award.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { itemId: item.id, from: item.condition, to: condition },
    });
    return { changed: true };
  });
}

/**
 * Records an end-use check of an item: the day (checks go on after the award ends, so never before the
 * handover, or the award's start when no handover date is known, and never in the future), the result
 * and a note.
 * The award's partner users and officers; NotFoundError for others.
 */
export async function addEquipmentCheck(user: CurrentUser, itemId: string, input: unknown, ctx: Ctx): Promise<{ id: string }> {
  const { db, award, item } = await itemAward(user, itemId, { ctx, action: "equipment.check" });
  const value = parseOrThrow(addEquipmentCheckSchema, input);
  if (value.checkedOn > (ctx.today ?? todayIso())) throw invalidField("checkedOn", "delivery.errors.dateInFuture");
  const earliest = item.handoverOn ?? award.startsOn;
  if (value.checkedOn < earliest) throw invalidField("checkedOn", "delivery.errors.checkBeforeHandover");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(equipmentChecks)
      .values({ itemId: item.id, checkedOn: value.checkedOn, result: value.result, note: value.note === "" ? null : value.note, checkedById: user.id })
      .returning({ id: equipmentChecks.id });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "equipment.check",
      entityType: "award",
      entityId: award.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { itemId: item.id, checkId: row.id, checkedOn: value.checkedOn, result: value.result },
    });
    return row;
  });
}
