// Helpers that check nothing: they run inside a caller's transaction or query on ids the caller has
// already checked. Exported for the checked queries and mutations of lib/; never called from a page.
import "server-only";
import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";

/**
 * Whether reviews have used the program's rubric: a submitted review for the program, or any score on
 * one of its criteria. Then the rubric can no longer be replaced (scores would lose their meaning).
 */
export async function isRubricLocked(db: DbOrTx, programId: string): Promise<boolean> {
  const rows = await execRows<{ locked: boolean }>(
    db,
    sql`SELECT (
          EXISTS (SELECT 1 FROM review_assignments WHERE program_id = ${programId} AND status = 'submitted')
          OR EXISTS (SELECT 1 FROM review_scores s JOIN rubric_criteria c ON c.id = s.criterion_id WHERE c.program_id = ${programId})
        ) AS locked`,
  );
  return rows[0]?.locked === true;
}
