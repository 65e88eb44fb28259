// Helpers that check nothing: they run inside a caller's transaction or query on ids the caller has
// already checked. Exported for the checked queries and mutations of lib/; never called from a page.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { awardRequests, reviewAssignments } from "@/db/schema";

/** Whether `userId` was assigned to review any of the award's requests (in any state, recused too). */
export async function reviewedAnyRequestOf(db: DbOrTx, userId: string, awardId: string): Promise<boolean> {
  const rows = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(awardRequests, eq(awardRequests.requestId, reviewAssignments.requestId))
    .where(and(eq(reviewAssignments.reviewerId, userId), eq(awardRequests.awardId, awardId)))
    .limit(1);
  return rows.length > 0;
}
