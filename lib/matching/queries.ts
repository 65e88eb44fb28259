import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { programCategories, programCountries, programs, requestPrograms } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { getVisibleRequest, listEligiblePrograms, type EligibleProgram, type RequestRecord } from "@/lib/requests/queries";
import { rankPrograms, type RankedProgram } from "./rank";

/** A program that funds the request's country, with what the checks and the ranking need. */
export interface ProgramCandidate extends EligibleProgram {
  perAwardCapMinor: number | null;
  countries: string[];
  categories: string[];
  isSuggested: boolean;
}

/**
 * The programs that fund the request's country (any category), with remaining funds, per-award cap,
 * eligible countries and categories, and whether the filer suggested them. Remaining funds come from
 * listEligiblePrograms, so the committed-funds rule stays in one place. For the data layer: the caller
 * has checked that the user is an officer who may see the request.
 */
export async function loadProgramCandidates(user: CurrentUser, request: Pick<RequestRecord, "id" | "countryIso2">): Promise<ProgramCandidate[]> {
  const eligible = await listEligiblePrograms(user, request.countryIso2);
  if (eligible.length === 0) return [];
  const ids = eligible.map((p) => p.id);
  const db = await getDb();
  const [caps, countryRows, categoryRows, suggested] = await Promise.all([
    db.select({ id: programs.id, cap: programs.perAwardCapMinor }).from(programs).where(inArray(programs.id, ids)),
    db.select({ id: programCountries.programId, iso2: programCountries.countryIso2 }).from(programCountries).where(inArray(programCountries.programId, ids)),
    db.select({ id: programCategories.programId, category: programCategories.category }).from(programCategories).where(inArray(programCategories.programId, ids)),
    db.select({ id: requestPrograms.programId }).from(requestPrograms).where(eq(requestPrograms.requestId, request.id)),
  ]);
  const capOf = new Map(caps.map((c) => [c.id, c.cap]));
  const suggestedIds = new Set(suggested.map((s) => s.id));
  return eligible.map((p) => ({
    ...p,
    perAwardCapMinor: capOf.get(p.id) ?? null,
    countries: countryRows.filter((r) => r.id === p.id).map((r) => r.iso2),
    categories: categoryRows.filter((r) => r.id === p.id).map((r) => r.category),
    isSuggested: suggestedIds.has(p.id),
  }));
}

/** The request as the checks see it. */
export function checkedRequestOf(request: Pick<RequestRecord, "countryIso2" | "category" | "estimatedCostMinor" | "currency">) {
  return {
    countryIso2: request.countryIso2,
    category: request.category,
    estimatedCostMinor: request.estimatedCostMinor,
    currency: request.currency,
  };
}

/**
 * The programs that could fund a request, ranked by fit (see rankPrograms for the order), with their
 * automatic checks and remaining funds. Program officers; anyone else gets NotFoundError.
 */
export async function rankProgramsForRequest(user: CurrentUser, requestId: string): Promise<RankedProgram<ProgramCandidate>[]> {
  if (!hasPermission(user, "requests.screen")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  return rankPrograms(checkedRequestOf(request), await loadProgramCandidates(user, request));
}
