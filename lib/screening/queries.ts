import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { programs, requestScreenings, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { checkedRequestOf, loadProgramCandidates, type ProgramCandidate } from "@/lib/matching/queries";
import { rankPrograms } from "@/lib/matching/rank";
import { getVisibleRequest } from "@/lib/requests/queries";
import { automaticChecks, isEligible, type AutomaticChecks } from "./checks";
import type { ScreeningOutcome } from "./schema";

export type ScreeningProgram = ProgramCandidate & {
  checks: AutomaticChecks;
  /** Funds the request's country and category: may be used to send the request to review. */
  isEligible: boolean;
};

export interface PastScreening {
  id: string;
  outcome: ScreeningOutcome;
  programId: string | null;
  programNameEn: string | null;
  programNameEs: string | null;
  automaticChecks: Record<string, boolean>;
  checklist: Record<string, boolean>;
  note: string | null;
  screenedByName: string | null;
  createdAt: Date;
}

/**
 * What the screening panel needs: the request's facts, the programs that fund its country with their
 * automatic checks (eligible ones ranked by fit first, then the others by name), and past screenings,
 * newest first. Program officers; anyone else (and a request the officer may not see) NotFoundError.
 */
export async function getScreeningContext(user: CurrentUser, requestId: string) {
  if (!hasPermission(user, "requests.screen")) throw new NotFoundError("request");
  const request = await getVisibleRequest(user, requestId);
  const checked = checkedRequestOf(request);
  const candidates = await loadProgramCandidates(user, request);
  const ranked = rankPrograms(checked, candidates);
  const rankedIds = new Set(ranked.map((p) => p.id));
  const rest = candidates
    .filter((p) => !rankedIds.has(p.id))
    .sort((a, b) => a.nameEn.localeCompare(b.nameEn, "en"))
    .map((p) => ({ ...p, checks: automaticChecks({ request: checked, program: p }) }));
  const programList: ScreeningProgram[] = [...ranked, ...rest].map((p) => ({
    id: p.id,
    nameEn: p.nameEn,
    nameEs: p.nameEs,
    currency: p.currency,
    ceilingMinor: p.ceilingMinor,
    committedMinor: p.committedMinor,
    remainingMinor: p.remainingMinor,
    isDemoFigures: p.isDemoFigures,
    perAwardCapMinor: p.perAwardCapMinor,
    countries: p.countries,
    categories: p.categories,
    isSuggested: p.isSuggested,
    checks: p.checks,
    isEligible: isEligible(p.checks),
  }));
  const db = await getDb();
  const screenings: PastScreening[] = await db
    .select({
      id: requestScreenings.id,
      outcome: requestScreenings.outcome,
      programId: requestScreenings.programId,
      programNameEn: programs.nameEn,
      programNameEs: programs.nameEs,
      automaticChecks: requestScreenings.automaticChecks,
      checklist: requestScreenings.checklist,
      note: requestScreenings.note,
      screenedByName: users.name,
      createdAt: requestScreenings.createdAt,
    })
    .from(requestScreenings)
    .leftJoin(programs, eq(programs.id, requestScreenings.programId))
    .leftJoin(users, eq(users.id, requestScreenings.screenedById))
    .where(eq(requestScreenings.requestId, request.id))
    .orderBy(desc(requestScreenings.createdAt), desc(requestScreenings.id));
  return {
    request: {
      id: request.id,
      reference: request.reference,
      status: request.status,
      version: request.version,
      countryIso2: request.countryIso2,
      category: request.category,
      estimatedCostMinor: request.estimatedCostMinor,
      currency: request.currency,
    },
    canStart: request.status === "submitted",
    canComplete: request.status === "screening",
    programs: programList,
    screenings,
  };
}
export type ScreeningContext = Awaited<ReturnType<typeof getScreeningContext>>;
