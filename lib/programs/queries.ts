import "server-only";
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countries, organizations, programCategories, programCountries, programDonors, programs, rubricCriteria } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { committedFundsSql } from "./funds";
import { isRubricLocked } from "./unchecked";

export interface ProgramSummary {
  id: string;
  key: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  ceilingMinor: number;
  startsOn: string;
  endsOn: string;
  isDemoFigures: boolean;
}

/** A program's summary (ProgramSummary) as select columns, shared by the lists that show programs. */
export function programSummaryColumns() {
  return {
    id: programs.id,
    key: programs.key,
    nameEn: programs.nameEn,
    nameEs: programs.nameEs,
    currency: programs.currency,
    ceilingMinor: programs.ceilingMinor,
    startsOn: programs.startsOn,
    endsOn: programs.endsOn,
    isDemoFigures: programs.isDemoFigures,
  };
}

/**
 * The programs a user may see on the home page: officers, approvers and admins all of them; donors the
 * programs their organization funds; focal points those open to their country; others none.
 */
export async function listProgramsForUser(user: CurrentUser): Promise<ProgramSummary[]> {
  const db = await getDb();
  let filter: SQL | undefined;
  if (hasPermission(user, "programs.readAll")) {
    filter = undefined;
  } else if (hasPermission(user, "programs.readFunded") && user.organizationId) {
    filter = inArray(
      programs.id,
      db.select({ id: programDonors.programId }).from(programDonors).where(eq(programDonors.organizationId, user.organizationId)),
    );
  } else if (hasPermission(user, "requests.file") && user.countryIso2) {
    filter = inArray(
      programs.id,
      db.select({ id: programCountries.programId }).from(programCountries).where(eq(programCountries.countryIso2, user.countryIso2)),
    );
  } else {
    return [];
  }
  return db
    .select(programSummaryColumns())
    .from(programs)
    .where(filter)
    .orderBy(asc(programs.nameEn));
}

/**
 * A program's funds as SQL columns, computed in one query: committed (every award but cancelled ones,
 * pending second approval included, as the ceiling guard counts them) and the part of it that awaits
 * a second approval. `remaining` is ceiling - committed. For queries selecting from the unaliased
 * `programs` table: the column is written out qualified because drizzle renders `${programs.id}` as a
 * bare "id" in a single-table select, which inside the subquery would mean awards.id.
 */
export function programFundsColumns() {
  return {
    committedMinor: committedFundsSql(sql`programs.id`).mapWith(Number),
    pendingMinor: sql<number>`(SELECT COALESCE(sum(a.amount_minor), 0) FROM awards a WHERE a.program_id = programs.id AND a.status = 'pending_approval')`.mapWith(Number),
  };
}

export interface ProgramFunds {
  id: string;
  key: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  ceilingMinor: number;
  perAwardCapMinor: number | null;
  approvalThresholdMinor: number;
  committedMinor: number;
  pendingMinor: number;
  remainingMinor: number;
  isDemoFigures: boolean;
}

/** Every program with its ceiling, committed, pending approval and remaining funds. Officers, approvers, admins. */
export async function listProgramFunds(user: CurrentUser): Promise<ProgramFunds[]> {
  if (!hasPermission(user, "programs.readAll")) return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: programs.id,
      key: programs.key,
      nameEn: programs.nameEn,
      nameEs: programs.nameEs,
      currency: programs.currency,
      startsOn: programs.startsOn,
      endsOn: programs.endsOn,
      ceilingMinor: programs.ceilingMinor,
      perAwardCapMinor: programs.perAwardCapMinor,
      approvalThresholdMinor: programs.approvalThresholdMinor,
      isDemoFigures: programs.isDemoFigures,
      ...programFundsColumns(),
    })
    .from(programs)
    .orderBy(asc(programs.nameEn));
  return rows.map((r) => ({ ...r, remainingMinor: r.ceilingMinor - r.committedMinor }));
}

/**
 * One program with everything its edit form holds (donors, countries, categories, rubric), its funds,
 * and whether its rubric is locked (reviews have been submitted or scored with it). Admins; else NotFoundError.
 */
export async function getProgramForAdmin(user: CurrentUser, programId: string) {
  if (!hasPermission(user, "programs.manage") || !isUuid(programId)) throw new NotFoundError("program");
  const db = await getDb();
  const [program] = await db
    .select({
      id: programs.id,
      key: programs.key,
      nameEn: programs.nameEn,
      nameEs: programs.nameEs,
      currency: programs.currency,
      ceilingMinor: programs.ceilingMinor,
      perAwardCapMinor: programs.perAwardCapMinor,
      approvalThresholdMinor: programs.approvalThresholdMinor,
      startsOn: programs.startsOn,
      endsOn: programs.endsOn,
      isDemoFigures: programs.isDemoFigures,
      updatedAt: programs.updatedAt,
      ...programFundsColumns(),
    })
    .from(programs)
    .where(eq(programs.id, programId));
  if (!program) throw new NotFoundError("program");
  const [donors, countryRows, categoryRows, rubric, locked] = await Promise.all([
    db.select({ id: programDonors.organizationId }).from(programDonors).where(eq(programDonors.programId, program.id)),
    db.select({ iso2: programCountries.countryIso2 }).from(programCountries).where(eq(programCountries.programId, program.id)),
    db.select({ category: programCategories.category }).from(programCategories).where(eq(programCategories.programId, program.id)),
    db
      .select({ key: rubricCriteria.key, nameEn: rubricCriteria.nameEn, nameEs: rubricCriteria.nameEs, weight: rubricCriteria.weight })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id))
      .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.key)),
    isRubricLocked(db, program.id),
  ]);
  return {
    ...program,
    remainingMinor: program.ceilingMinor - program.committedMinor,
    donorIds: donors.map((d) => d.id),
    countryIsos: countryRows.map((c) => c.iso2).sort(),
    categories: categoryRows.map((c) => c.category),
    rubric,
    isRubricLocked: locked,
  };
}
export type ProgramForAdmin = Awaited<ReturnType<typeof getProgramForAdmin>>;


/** What the program form offers: donor organizations and recipient countries. Admins; else empty lists. */
export async function getProgramFormOptions(user: CurrentUser) {
  if (!hasPermission(user, "programs.manage")) return { donors: [], countries: [] };
  const db = await getDb();
  const [donors, countryRows] = await Promise.all([
    db
      .select({ id: organizations.id, nameEn: organizations.nameEn, nameEs: organizations.nameEs })
      .from(organizations)
      .where(eq(organizations.type, "donor"))
      .orderBy(asc(organizations.nameEn)),
    db
      .select({ iso2: countries.iso2, nameEn: countries.nameEn, nameEs: countries.nameEs, region: countries.region })
      .from(countries)
      .where(eq(countries.isRecipient, true))
      .orderBy(asc(countries.nameEn)),
  ]);
  return { donors, countries: countryRows };
}
