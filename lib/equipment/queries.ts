import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { equipmentChecks, equipmentItems, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { getAward } from "@/lib/awards/queries";
import { isAwardPartnerUser, isOfficer } from "@/lib/awards/people";

/** Who keeps an award's equipment register: its partner's users and the program officers. */
export function mayKeepRegister(user: CurrentUser, award: { implementingPartnerId: string }): boolean {
  return isAwardPartnerUser(user, award) || isOfficer(user);
}

/**
 * The award's equipment register: items with their end-use checks (newest first), and whether this user
 * may add items and checks (the partner's users and officers, on an active award). Anyone who may see
 * the award (focal points and donors read); NotFoundError otherwise.
 */
export async function listEquipment(user: CurrentUser, awardId: string) {
  const award = await getAward(user, awardId);
  const db = await getDb();
  const facts = { implementingPartnerId: award.partner.id };
  const items = await db
    .select({
      id: equipmentItems.id,
      kind: equipmentItems.kind,
      model: equipmentItems.model,
      quantity: equipmentItems.quantity,
      handoverOn: equipmentItems.handoverOn,
      custodianAgency: equipmentItems.custodianAgency,
      condition: equipmentItems.condition,
      createdAt: equipmentItems.createdAt,
    })
    .from(equipmentItems)
    .where(eq(equipmentItems.awardId, award.id))
    .orderBy(asc(equipmentItems.createdAt), asc(equipmentItems.kind));
  const checks =
    items.length === 0
      ? []
      : await db
          .select({
            id: equipmentChecks.id,
            itemId: equipmentChecks.itemId,
            checkedOn: equipmentChecks.checkedOn,
            result: equipmentChecks.result,
            note: equipmentChecks.note,
            checkedByName: users.name,
          })
          .from(equipmentChecks)
          .leftJoin(users, eq(users.id, equipmentChecks.checkedById))
          .where(inArray(equipmentChecks.itemId, items.map((i) => i.id)))
          .orderBy(desc(equipmentChecks.checkedOn), desc(equipmentChecks.createdAt));
  const canEdit = mayKeepRegister(user, facts) && award.status === "active";
  return {
    award: { id: award.id, reference: award.reference, status: award.status, startsOn: award.startsOn, endsOn: award.endsOn },
    canEdit,
    items: items.map((item) => ({ ...item, checks: checks.filter((c) => c.itemId === item.id).map(({ itemId: _i, ...c }) => c) })),
  };
}
export type EquipmentList = Awaited<ReturnType<typeof listEquipment>>;
