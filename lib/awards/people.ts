import "server-only";
import type { DbOrTx } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { recipientsOf } from "@/lib/users/recipients";

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
  return recipientsOf(db, { role: "focal_point", country: award.countryIso2 }, { role: "implementing_partner", organization: award.implementingPartnerId });
}
