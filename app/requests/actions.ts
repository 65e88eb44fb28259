"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/mutations/server-action";
import { createRequest, saveRequest, withdrawRequest } from "@/lib/requests/mutations";

// The content and the call's fields (ids, version, submit, creation key) are parsed once, by the
// mutation, with the same zod schema the form uses.

function done(id: string, notice: "saved" | "submitted" | "withdrawn"): never {
  revalidatePath("/requests", "layout");
  redirect(`/requests/${encodeURIComponent(id)}?notice=${notice}`);
}

/**
 * Creates a request for the focal point's country, as a draft or submitted. The form generates
 * `creationKey` once, so a double click or a retried POST yields one request.
 */
export const createRequestAction = serverAction(createRequest, (result) => done(result.id, result.status === "submitted" ? "submitted" : "saved"));

/** Saves a draft (or a request with changes requested), optionally submitting it, on the version the form opened. */
export const saveRequestAction = serverAction(saveRequest, (result, input) => done(result.id, result.status === "submitted" && input.submit ? "submitted" : "saved"));

/** Withdraws a draft or a submitted request, on the version the page showed. */
export const withdrawRequestAction = serverAction(withdrawRequest, (_result, { requestId }) => done(requestId, "withdrawn"));
