import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/enums";
import { approvalBlocker, fundingViolationOf, initialAwardStatus, isUniqueViolation, seesPendingAwards } from "./workflow";

describe("initialAwardStatus", () => {
  it("is active at or below the threshold and pending above it", () => {
    expect(initialAwardStatus(25_000_000, 25_000_000)).toBe("active");
    expect(initialAwardStatus(25_000_001, 25_000_000)).toBe("pending_approval");
    expect(initialAwardStatus(1, 0)).toBe("pending_approval");
  });
});

describe("approvalBlocker (segregation of duties)", () => {
  const approver = { id: "a", roles: ["approver"] as Role[] };
  const pending = { status: "pending_approval" as const, createdById: "officer" };

  it("lets an approver who neither created nor reviewed approve a pending award", () => {
    expect(approvalBlocker(approver, pending, false)).toBeNull();
  });

  it("stops the creator, a reviewer of its request, non-approvers, and awards not pending", () => {
    expect(approvalBlocker({ id: "officer", roles: ["program_officer", "approver"] }, pending, false)).toBe("creator");
    expect(approvalBlocker(approver, pending, true)).toBe("reviewer");
    for (const role of ROLES.filter((r) => r !== "approver")) expect(approvalBlocker({ id: "x", roles: [role] }, pending, false)).toBe("notApprover");
    for (const status of ["active", "completed", "cancelled"] as const) expect(approvalBlocker(approver, { ...pending, status }, false)).toBe("notPending");
  });
});

describe("seesPendingAwards", () => {
  it("is the program office only", () => {
    expect(ROLES.filter((r) => seesPendingAwards([r]))).toEqual(["program_officer", "approver"]);
  });
});

describe("fundingViolationOf", () => {
  it("finds the guard's refusal through drizzle's wrapper, for both drivers' field names", () => {
    const postgresJs = { code: "23514", constraint_name: "awards_program_ceiling" };
    const pglite = { code: "23514", constraint: "awards_per_award_cap" };
    expect(fundingViolationOf(Object.assign(new Error("Failed query"), { cause: postgresJs }))).toBe("ceiling");
    expect(fundingViolationOf(Object.assign(new Error("Failed query"), { cause: pglite }))).toBe("cap");
    expect(fundingViolationOf({ code: "23514", constraint_name: "awards_amount_positive" })).toBeNull();
    expect(fundingViolationOf({ code: "23505", constraint_name: "awards_program_ceiling" })).toBeNull();
    expect(fundingViolationOf(null)).toBeNull();
  });

  it("recognises a unique violation by constraint", () => {
    expect(isUniqueViolation({ cause: { code: "23505", constraint: "programs_key_unique" } }, "programs_key_unique")).toBe(true);
    expect(isUniqueViolation({ code: "23505", constraint_name: "other" }, "programs_key_unique")).toBe(false);
  });
});
