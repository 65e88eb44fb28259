/**
 * Screening rules that need no database: the automatic checks of a request against one program and
 * the officer's manual checklist. Pure, so the screening panel, the matching and the mutation agree.
 */

export interface CheckedRequest {
  countryIso2: string | null | undefined;
  category: string | null | undefined;
  estimatedCostMinor: number | null | undefined;
  /** When both currencies are known and differ, amounts cannot be compared: the money checks fail. */
  currency?: string | null;
}

export interface CheckedProgram {
  countries: readonly string[] | null | undefined;
  categories: readonly string[] | null | undefined;
  remainingMinor: number | null | undefined;
  /** null or undefined: the program has no per-award cap (only its remaining funds apply). */
  perAwardCapMinor: number | null | undefined;
  currency?: string | null;
}

export const AUTOMATIC_CHECK_KEYS = ["countryEligible", "categoryEligible", "withinRemainingFunds", "withinAwardCap"] as const;
export type AutomaticCheckKey = (typeof AUTOMATIC_CHECK_KEYS)[number];
export type AutomaticChecks = Record<AutomaticCheckKey, boolean>;

function isAmount(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * The automatic checks of a request against a program. A value the request or program lacks
 * (no category chosen, no estimated cost, unknown remaining funds) makes its check fail: the officer
 * must see it rather than a silent pass. The only exception is a program without a per-award cap,
 * which by definition caps nothing.
 */
export function automaticChecks({ request, program }: { request: CheckedRequest; program: CheckedProgram }): AutomaticChecks {
  const cost = request.estimatedCostMinor;
  const sameCurrency = !request.currency || !program.currency || request.currency === program.currency;
  const hasCost = isAmount(cost) && cost >= 0 && sameCurrency;
  const cap = program.perAwardCapMinor;
  return {
    countryEligible: !!request.countryIso2 && (program.countries ?? []).includes(request.countryIso2),
    categoryEligible: !!request.category && (program.categories ?? []).includes(request.category),
    withinRemainingFunds: hasCost && isAmount(program.remainingMinor) && cost <= program.remainingMinor,
    withinAwardCap: hasCost && (cap === null || cap === undefined || (isAmount(cap) && cost <= cap)),
  };
}

/** Whether the program may fund the request at all (country and category): funds are judged apart. */
export function isEligible(checks: AutomaticChecks): boolean {
  return checks.countryEligible && checks.categoryEligible;
}

/** Whether every automatic check passes. */
export function allPass(checks: AutomaticChecks): boolean {
  return AUTOMATIC_CHECK_KEYS.every((key) => checks[key]);
}

/**
 * The officer's manual checklist, in the order the panel shows it:
 * - narrativeClear: the need, its beneficiaries and its results are clearly described;
 * - costReasonable: the estimated cost is plausible for what is asked;
 * - noProhibitedData: no serial numbers, trace data or stockpile locations anywhere in the request or
 *   its attachments (the portal never stores them);
 * - nationalOwnership: a national agency will own and sustain the result.
 */
export const CHECKLIST_KEYS = ["narrativeClear", "costReasonable", "noProhibitedData", "nationalOwnership"] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];
export type Checklist = Record<ChecklistKey, boolean>;

export function isChecklistKey(value: string): value is ChecklistKey {
  return (CHECKLIST_KEYS as readonly string[]).includes(value);
}

/** Every manual item ticked: what sending a request to review needs. */
export function isChecklistComplete(checklist: Partial<Record<string, boolean>>): boolean {
  return CHECKLIST_KEYS.every((key) => checklist[key] === true);
}

export const EMPTY_CHECKLIST: Checklist = { narrativeClear: false, costReasonable: false, noProhibitedData: false, nationalOwnership: false };
