"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import { addDeliverable, reviewDeliverable, submitDeliverable } from "@/lib/deliverables/mutations";
import { addEquipmentCheck, addEquipmentItem, updateEquipmentCondition } from "@/lib/equipment/mutations";
import type { ActionResult } from "@/lib/errors";
import { attempt } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUuid } from "@/lib/ids";
import type { MutationContext } from "@/lib/requests/mutations";
import { recordDisbursement, setTrancheCondition } from "@/lib/tranches/mutations";

// Thin actions for the award page's delivery sections: each mutation parses its input again and checks
// who may act; known errors come back translated (attempt), a record the user may not see is the 404 page.

async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

async function run(awardId: string, mutate: (ctx: MutationContext) => Promise<unknown>): Promise<ActionResult> {
  await requireUser();
  const outcome = await attempt(async () => mutate(await mutationContext()));
  if (!outcome.ok) return outcome;
  if (isUuid(awardId)) revalidatePath(`/awards/${awardId}`);
  return { ok: true, data: undefined };
}

/** Program officers. */
export async function setTrancheConditionAction(awardId: string, trancheId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => setTrancheCondition(user, trancheId, values, ctx));
}

/** Program officers (disbursements.record). */
export async function recordDisbursementAction(awardId: string, trancheId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => recordDisbursement(user, trancheId, values, ctx));
}

/** Program officers. */
export async function addDeliverableAction(awardId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => addDeliverable(user, awardId, values, ctx));
}

/** The award's country focal points and its partner's users. */
export async function submitDeliverableAction(awardId: string, deliverableId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => submitDeliverable(user, deliverableId, values, ctx));
}

/** Program officers. */
export async function reviewDeliverableAction(awardId: string, deliverableId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => reviewDeliverable(user, deliverableId, values, ctx));
}

/** The award's partner users and program officers. */
export async function addEquipmentItemAction(awardId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => addEquipmentItem(user, awardId, values, ctx));
}

/** The award's partner users and program officers. */
export async function updateEquipmentConditionAction(awardId: string, itemId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => updateEquipmentCondition(user, itemId, values, ctx));
}

/** The award's partner users and program officers. */
export async function addEquipmentCheckAction(awardId: string, itemId: string, values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  return run(awardId, (ctx) => addEquipmentCheck(user, itemId, values, ctx));
}
