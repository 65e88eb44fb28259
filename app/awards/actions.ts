"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { approveAward, createAward, type MutationContext } from "@/lib/awards/mutations";
import { createAwardSchema } from "@/lib/awards/schema";
import { requireUser } from "@/lib/auth/current-user";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionResult } from "@/lib/errors";
import { attempt, invalidInput } from "@/lib/forms/action-errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { isUuid, isVersion } from "@/lib/ids";
import { getI18n } from "@/lib/i18n/server";

async function mutationContext(): Promise<MutationContext> {
  return { ...(await getRequestContext()), baseUrl: await getBaseUrl() };
}

/** Creates an award from an approved request (the mutation checks who and what again). Program officers. */
export async function createAwardAction(values: unknown): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = createAwardSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  // The mutation parses the raw values itself with the same schema: it never trusts its caller.
  const outcome = await attempt(async () => createAward(user, values, await mutationContext()));
  if (!outcome.ok) return outcome;

  revalidatePath("/awards", "layout");
  revalidatePath("/requests", "layout");
  revalidatePath("/programs");
  redirect(`/awards/${encodeURIComponent(outcome.value.id)}?notice=${outcome.value.status === "active" ? "created" : "createdPending"}`);
}

/** The second approval of an award, on the version the page showed. Approvers (segregation of duties applies). */
export async function approveAwardAction(awardId: unknown, expectedVersion: unknown): Promise<ActionResult> {
  const user = await requireUser();
  if (!isUuid(awardId)) notFound();
  if (!isVersion(expectedVersion)) {
    const { t } = await getI18n();
    return { ok: false, formError: t("awards.errors.version") };
  }

  const outcome = await attempt(async () => approveAward(user, awardId, expectedVersion, await mutationContext()));
  if (!outcome.ok) return outcome;

  revalidatePath("/awards", "layout");
  revalidatePath("/approvals");
  revalidatePath("/programs");
  redirect(`/awards/${encodeURIComponent(awardId)}?notice=approved`);
}
