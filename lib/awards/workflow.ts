// Pure award rules: the status an award starts in, who may give the second approval, and how the
// database's funding guard is recognised in an error.
import type { AWARD_STATUSES, Role } from "@/lib/enums";

export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** An award above the program's approval threshold waits for a second approval; at or below it is active. */
export function initialAwardStatus(amountMinor: number, approvalThresholdMinor: number): "pending_approval" | "active" {
  return amountMinor > approvalThresholdMinor ? "pending_approval" : "active";
}

export type SegregationReason = "notApprover" | "notPending" | "creator" | "reviewer";

/**
 * Why this user may not give the second approval, or null when they may. Segregation of duties: the
 * approver neither created the award nor was assigned to review any of its requests (a recused
 * assignment counts too: the approver looked at the file).
 */
export function approvalBlocker(
  user: { id: string; roles: readonly Role[] },
  award: { status: AwardStatus; createdById: string },
  reviewedAnyRequest: boolean,
): SegregationReason | null {
  if (!user.roles.includes("approver")) return "notApprover";
  if (award.status !== "pending_approval") return "notPending";
  if (award.createdById === user.id) return "creator";
  if (reviewedAnyRequest) return "reviewer";
  return null;
}

/** Who may see awards that await approval: the program office only (the state, partner and donors see them once active). */
export function seesPendingAwards(roles: readonly Role[]): boolean {
  return roles.includes("program_officer") || roles.includes("approver");
}

export type FundingViolation = "ceiling" | "cap";

/**
 * The funding guard's refusal inside a (possibly wrapped) database error: SQLSTATE 23514 with the
 * constraint awards_program_ceiling or awards_per_award_cap (db/migrations/0004). drizzle wraps driver
 * errors (DrizzleQueryError.cause); postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function fundingViolationOf(error: unknown): FundingViolation | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (e.code === "23514") {
      const constraint = e.constraint_name ?? e.constraint;
      if (constraint === "awards_program_ceiling") return "ceiling";
      if (constraint === "awards_per_award_cap") return "cap";
    }
    current = e.cause;
  }
  return null;
}

/** A unique violation (SQLSTATE 23505) on the named constraint, anywhere in the cause chain. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (e.code === "23505" && (e.constraint_name ?? e.constraint) === constraint) return true;
    current = e.cause;
  }
  return false;
}
