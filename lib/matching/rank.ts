import { automaticChecks, isEligible, type AutomaticChecks, type CheckedProgram, type CheckedRequest } from "@/lib/screening/checks";

export interface RankCandidate extends CheckedProgram {
  id: string;
  /** The English name, the last tie-break, so that equal candidates keep one stable order. */
  nameEn: string;
  /** The filer suggested this program on the request (request_programs). */
  isSuggested: boolean;
}

export type RankedProgram<T extends RankCandidate> = T & {
  rank: number;
  checks: AutomaticChecks;
  /** Remaining funds and any per-award cap both cover the estimated cost. */
  isFundable: boolean;
  /** The part (0..1+) of the remaining funds the request would use; null when it cannot be told. */
  shareOfRemaining: number | null;
};

/** cost / remaining; null without a cost; Infinity when nothing remains (but something is asked). */
export function shareOfRemaining(costMinor: number | null | undefined, remainingMinor: number | null | undefined): number | null {
  if (typeof costMinor !== "number" || !Number.isFinite(costMinor) || costMinor < 0) return null;
  if (typeof remainingMinor !== "number" || !Number.isFinite(remainingMinor)) return null;
  if (remainingMinor <= 0) return costMinor === 0 ? 0 : Number.POSITIVE_INFINITY;
  return costMinor / remainingMinor;
}

/**
 * Ranks the programs that could fund a request, best fit first. Order:
 * 1. only programs that fund the request's country and category (the others are left out);
 * 2. programs whose remaining funds (and per-award cap, if any) cover the estimated cost first;
 * 3. then the smaller share of the program's remaining funds the request would use first, so that a
 *    request goes where it strains the budget least (an unknown share goes last);
 * 4. then the programs the filer suggested on the request first;
 * 5. then by English name, so equal candidates keep a stable order.
 */
export function rankPrograms<T extends RankCandidate>(request: CheckedRequest, candidates: readonly T[]): RankedProgram<T>[] {
  const scored = candidates
    .map((program) => {
      const checks = automaticChecks({ request, program });
      return {
        ...program,
        rank: 0,
        checks,
        isFundable: checks.withinRemainingFunds && checks.withinAwardCap,
        shareOfRemaining: shareOfRemaining(request.estimatedCostMinor, program.remainingMinor),
      };
    })
    .filter((p) => isEligible(p.checks));
  scored.sort((a, b) => {
    if (a.isFundable !== b.isFundable) return a.isFundable ? -1 : 1;
    const sa = a.shareOfRemaining ?? Number.POSITIVE_INFINITY;
    const sb = b.shareOfRemaining ?? Number.POSITIVE_INFINITY;
    if (sa !== sb) return sa < sb ? -1 : 1;
    if ((a.shareOfRemaining === null) !== (b.shareOfRemaining === null)) return a.shareOfRemaining === null ? 1 : -1;
    if (a.isSuggested !== b.isSuggested) return a.isSuggested ? -1 : 1;
    return a.nameEn.localeCompare(b.nameEn, "en") || a.id.localeCompare(b.id);
  });
  return scored.map((p, i) => ({ ...p, rank: i + 1 }));
}
