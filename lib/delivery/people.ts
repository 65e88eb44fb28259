import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";

/** The award's own people: its country's focal points and its implementing partner's users. */
export function isAwardCountryFocalPoint(user: CurrentUser, award: { countryIso2: string }): boolean {
  return hasPermission(user, "requests.file") && user.countryIso2 === award.countryIso2;
}

export function isAwardPartnerUser(user: CurrentUser, award: { implementingPartnerId: string }): boolean {
  return hasPermission(user, "awards.readImplemented") && user.organizationId === award.implementingPartnerId;
}

/** The program office's officers (who record disbursements, accept deliverables). */
export function isOfficer(user: CurrentUser): boolean {
  return hasPermission(user, "disbursements.record");
}

/** The active focal points of the award's country and users of its partner, once each, with their language. */
export async function awardPeople(db: DbOrTx, award: { countryIso2: string; implementingPartnerId: string }) {
  const rows = await db
    .selectDistinct({ email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.isActive, true),
        or(
          and(eq(userRoles.role, "focal_point"), eq(users.countryIso2, award.countryIso2)),
          and(eq(userRoles.role, "implementing_partner"), eq(users.organizationId, award.implementingPartnerId)),
        ),
      ),
    );
  return rows.sort((a, b) => a.email.localeCompare(b.email));
}
