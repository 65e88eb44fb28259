// A user's limits and which roles bind a user to a country or an organization, with no zod: the user
// form reads them before zod has loaded (schema.ts builds the schemas from them and re-exports them).
import type { Role } from "@/lib/enums";

export const USER_NAME_MAX = 120;
export const USER_EMAIL_MAX = 254;


/** Roles that bind a user to an organization, and the organization type each needs. */
export const ORGANIZATION_ROLES = ["implementing_partner", "donor"] as const satisfies readonly Role[];

export function needsCountry(roles: readonly Role[]): boolean {
  return roles.includes("focal_point");
}

export function needsOrganization(roles: readonly Role[]): boolean {
  return roles.some((role) => (ORGANIZATION_ROLES as readonly Role[]).includes(role));
}
