"use server";

import { revalidatePath } from "next/cache";
import { addDeliverable, decideDeliverable, submitDeliverable } from "@/lib/deliverables/mutations";
import { addEquipmentCheck, addEquipmentItem, updateEquipmentCondition } from "@/lib/equipment/mutations";
import { isUuid } from "@/lib/ids";
import { serverAction } from "@/lib/mutations/server-action";
import { recordDisbursement, setTrancheCondition } from "@/lib/tranches/mutations";

// The award page's delivery sections: each mutation parses its input and checks who may act; the page
// the form is on (awardId) is revalidated after success.

function refresh(_result: unknown, input: { awardId?: string }): undefined {
  if (input.awardId && isUuid(input.awardId)) revalidatePath(`/awards/${input.awardId}`);
  return undefined;
}

/** Program officers (disbursements.record). */
export const setTrancheConditionAction = serverAction(setTrancheCondition, refresh);

/** Program officers (disbursements.record). */
export const recordDisbursementAction = serverAction(recordDisbursement, refresh);

/** Program officers (deliverables.manage). */
export const addDeliverableAction = serverAction(addDeliverable, refresh);

/** The award's country focal points and its partner's users (deliverables.submit). */
export const submitDeliverableAction = serverAction(submitDeliverable, refresh);

/** Program officers (deliverables.manage). */
export const decideDeliverableAction = serverAction(decideDeliverable, refresh);

/** The award's partner users and program officers (equipment.record). */
export const addEquipmentItemAction = serverAction(addEquipmentItem, refresh);

/** The award's partner users and program officers (equipment.record). */
export const updateEquipmentConditionAction = serverAction(updateEquipmentCondition, refresh);

/** The award's partner users and program officers (equipment.record). */
export const addEquipmentCheckAction = serverAction(addEquipmentCheck, refresh);
