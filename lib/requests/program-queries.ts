import "server-only";
import { ASSISTANCE_CATEGORIES, type AssistanceCategory } from "@/lib/enums";
import type { CurrentUser } from "@/lib/auth/queries";
import { listEligiblePrograms, type EligibleProgram } from "./queries";

export type ProgramsByCategory = Record<AssistanceCategory, EligibleProgram[]>;

/**
 * The programs open to a country for each category, with their remaining funds, so that the request
 * form can offer the right ones as the category changes without a round trip. It goes through
 * listEligiblePrograms (one small query per category) so that the permission check and the
 * remaining-funds rule stay in one place. Focal points for their own country; officers for any.
 */
export async function listEligibleProgramsByCategory(user: CurrentUser, countryIso2: string): Promise<ProgramsByCategory> {
  const entries = await Promise.all(
    ASSISTANCE_CATEGORIES.map(async (category) => [category, await listEligiblePrograms(user, countryIso2, category)] as const),
  );
  return Object.fromEntries(entries) as ProgramsByCategory;
}
