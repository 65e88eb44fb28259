"use server";

import { revalidatePath } from "next/cache";
import { removeRequestAttachment } from "@/lib/attachments/mutations";
import { serverAction } from "@/lib/mutations/server-action";

/** Removes one file from a request the user files for (requests.file); anything it may not touch is a 404. */
export const removeAttachmentAction = serverAction(removeRequestAttachment, (_result, { requestId }) => revalidatePath(`/requests/${requestId}`));
