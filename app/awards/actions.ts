"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { approveAward, createAward } from "@/lib/awards/mutations";
import { serverAction } from "@/lib/mutations/server-action";

/** Creates an award from an approved request (the mutation checks who and what). Program officers. */
export const createAwardAction = serverAction(createAward, (award) => {
  revalidatePath("/awards", "layout");
  revalidatePath("/requests", "layout");
  revalidatePath("/programs");
  redirect(`/awards/${encodeURIComponent(award.id)}?notice=${award.status === "active" ? "created" : "createdPending"}`);
});

/** The second approval of an award, on the version the page showed. Approvers (segregation of duties applies). */
export const approveAwardAction = serverAction(approveAward, (award) => {
  revalidatePath("/awards", "layout");
  revalidatePath("/approvals");
  revalidatePath("/programs");
  redirect(`/awards/${encodeURIComponent(award.id)}?notice=approved`);
});
