import "server-only";
import { and, asc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { awards, programDonors, programs } from "@/db/schema";
import { notVisible, type Reach } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { programSummaryColumns } from "@/lib/programs/queries";

/**
 * Who may open program dashboards, reports and exports: the program office and admins
 * (programs.readAll) every program; a donor (programs.readFunded, bound to its organization) the
 * programs that organization funds; anyone else none.
 */
export function mayViewDashboards(user: CurrentUser): boolean {
  return hasPermission(user, "programs.readAll") || (hasPermission(user, "programs.readFunded") && Boolean(user.organizationId));
}

/** The programs whose dashboard this user may open, as a SQL condition on `programs`; null when none. */
export function dashboardProgramVisibility(user: CurrentUser): SQL | null {
  if (hasPermission(user, "programs.readAll")) return sql`true`;
  if (hasPermission(user, "programs.readFunded") && user.organizationId) {
    return sql`${programs.id} IN (SELECT pd.program_id FROM program_donors pd WHERE pd.organization_id = ${user.organizationId})`;
  }
  return null;
}

const REPORTED_AWARD_STATUSES = ["active", "completed"] as const;

/**
 * The awards that count on a dashboard, report or export of a program: every award of the program
 * that is running or finished (active, completed). Awards awaiting their second approval are internal
 * and cancelled ones were never funded: neither is shown to donors nor counted in their figures.
 */
export function reportedAwardsOf(programId: string): SQL {
  return and(eq(awards.programId, programId), inArray(awards.status, [...REPORTED_AWARD_STATUSES])) as SQL;
}

/** A column of `awards` a download is ordered by. */
export type AwardOrderColumn = typeof awards.reference | typeof awards.countryIso2;

/**
 * The reported awards of a program in batches of at most `size`, in the order of `order` (ending with a
 * unique column, e.g. the reference, so the order is total), by keyset pagination: each batch is one
 * query for the next `size` keys after the previous batch's last one, and comes out as a SQL condition
 * on `awards` (reportedAwardsOf and the range of keys), for the caller's own grouped queries of the
 * batch, never a list of ids. Checks nothing: the caller has already checked the program is visible.
 * Each batch is read when the consumer asks for it, not in one snapshot: a change committed during a
 * download shows in the batches read after it, as on the next page of a list. One transaction held
 * open for as long as a slow client reads would tie up a pooled connection and meet the
 * idle-in-transaction timeout.
 */
export async function* reportedAwardBatches(db: DbOrTx, programId: string, order: readonly AwardOrderColumn[], size: number): AsyncGenerator<SQL> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`not a batch size: ${size}`);
  const tuple = sql.join(order.map((column) => sql`${column}`), sql`, `);
  const valuesOf = (key: string[]) => sql.join(key.map((value) => sql`${value}`), sql`, `);
  let after: string[] | null = null;
  for (;;) {
    const keyed = Object.fromEntries(order.map((column, i) => [`k${i}`, column])) as Record<string, AwardOrderColumn>;
    const rows: Record<string, string>[] = await db
      .select(keyed)
      .from(awards)
      .where(and(reportedAwardsOf(programId), after ? sql`(${tuple}) > (${valuesOf(after)})` : undefined))
      .orderBy(...order.map((column) => asc(column)))
      .limit(size);
    if (rows.length === 0) return;
    const last = order.map((_, i) => rows[rows.length - 1][`k${i}`]);
    yield and(reportedAwardsOf(programId), after ? sql`(${tuple}) > (${valuesOf(after)})` : undefined, sql`(${tuple}) <= (${valuesOf(last)})`) as SQL;
    if (rows.length < size) return;
    after = last;
  }
}

/** reportedAwardsOf over several programs at once. */
export function reportedAwardsIn(programIds: string[]): SQL {
  return and(inArray(awards.programId, programIds), inArray(awards.status, [...REPORTED_AWARD_STATUSES])) as SQL;
}

/**
 * The program with this id if this user may open its dashboard; NotFoundError otherwise (an unknown
 * id, a malformed one and a program of another donor all look the same; the last is audited as denied,
 * see notVisible). Pass no transaction as `db`: the denied event is written outside it.
 */
export async function findDashboardProgram(user: CurrentUser, programId: string, db?: DbOrTx, reach?: Reach) {
  const visibility = dashboardProgramVisibility(user);
  if (!visibility || !isUuid(programId)) throw await notVisible(user, "program", programId, reach);
  const handle = db ?? (await getDb());
  const [program] = await handle
    .select(programSummaryColumns())
    .from(programs)
    .where(and(eq(programs.id, programId), visibility));
  if (!program) throw await notVisible(user, "program", programId, reach);
  return program;
}
export type DashboardProgram = Awaited<ReturnType<typeof findDashboardProgram>>;

/**
 * One award of a visible program, for the award drill-down and the award report: NotFoundError unless
 * the program is visible to this user and the award is one of its reported awards (active, completed).
 */
export async function findDashboardAward(user: CurrentUser, awardId: string, db?: DbOrTx) {
  if (!dashboardProgramVisibility(user) || !isUuid(awardId)) throw new NotFoundError("award");
  const handle = db ?? (await getDb());
  const [row] = await handle
    .select({ id: awards.id, programId: awards.programId })
    .from(awards)
    .where(and(eq(awards.id, awardId), ne(awards.status, "pending_approval"), ne(awards.status, "cancelled")));
  if (!row) throw new NotFoundError("award");
  const program = await findDashboardProgram(user, row.programId, handle, { target: { entityType: "award", entityId: row.id } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new NotFoundError("award");
    throw error;
  });
  return { awardId: row.id, program };
}

/** The donor organizations of a program (for covers, participating-org and headers). */
export async function programDonorIds(db: DbOrTx, programId: string): Promise<string[]> {
  const rows = await db.select({ id: programDonors.organizationId }).from(programDonors).where(eq(programDonors.programId, programId));
  return rows.map((r) => r.id);
}
