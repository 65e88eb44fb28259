import "server-only";
import type { Tx } from "@/db/client";
import { requestComments } from "@/db/schema";
import type { CommentVisibility } from "./schema";

/** Inserts a comment inside the caller's transaction; the caller has checked who may post it, parsed its body and audits it. */
export async function insertComment(
  tx: Tx,
  comment: { requestId: string; authorId: string; visibility: CommentVisibility; body: string },
): Promise<string> {
  const [row] = await tx.insert(requestComments).values(comment).returning({ id: requestComments.id });
  return row.id;
}
