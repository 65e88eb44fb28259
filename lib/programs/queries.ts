import "server-only";
import { asc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { programCountries, programDonors, programs } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";

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
    .select({
      id: programs.id,
      key: programs.key,
      nameEn: programs.nameEn,
      nameEs: programs.nameEs,
      currency: programs.currency,
      ceilingMinor: programs.ceilingMinor,
      startsOn: programs.startsOn,
      endsOn: programs.endsOn,
      isDemoFigures: programs.isDemoFigures,
    })
    .from(programs)
    .where(filter)
    .orderBy(asc(programs.nameEn));
}
