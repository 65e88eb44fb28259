import "server-only";
import type { CurrentUser } from "@/lib/auth/queries";
import { listDeliverables } from "@/lib/deliverables/queries";
import { listEquipment } from "@/lib/equipment/queries";
import { listTranches } from "@/lib/tranches/queries";
import { todayIso } from "@/lib/dates";

/**
 * What the award page's delivery sections show: tranches, deliverables (late as of `today`) and the
 * equipment register, each read for this user. Anyone the page has shown the award to.
 */
export async function loadAwardDelivery(user: CurrentUser, awardId: string) {
  const today = todayIso();
  const [tranches, deliverables, equipment] = await Promise.all([
    listTranches(user, awardId),
    listDeliverables(user, awardId, today),
    listEquipment(user, awardId),
  ]);
  return { today, tranches, deliverables, equipment };
}
