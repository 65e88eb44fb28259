// A program's committed funds, one rule for every list, page and check: the sum of its awards that are
// not cancelled, those awaiting their second approval included. (The database's ceiling trigger applies
// the same rule, migration 0004.) Helpers for queries and transactions: they check no permission.
import { sql, type SQL } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";

/**
 * The committed funds of the program `programId` names, as a scalar subquery: a parameter, or a column of
 * the outer query written qualified (drizzle may print a lone table's column unqualified).
 */
export function committedFundsSql(programId: SQL | string): SQL<number> {
  return sql<number>`(SELECT COALESCE(sum(committing.amount_minor), 0) FROM awards committing
    WHERE committing.program_id = ${programId} AND committing.status <> 'cancelled')`;
}

/** The committed funds of one program, in minor units. */
export async function committedFundsOf(db: DbOrTx, programId: string): Promise<number> {
  const [row] = await execRows<{ committed: string | number }>(db, sql`SELECT ${committedFundsSql(programId)} AS committed`);
  return Number(row?.committed ?? 0);
}
