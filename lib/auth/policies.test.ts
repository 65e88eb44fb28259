import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/enums";
import { SECOND_FACTOR_ROLES } from "./session-rules";
import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS, permissionsOf, type Permission } from "./policies";

// The expected table, written out independently of ROLE_PERMISSIONS: a change to who may do what
// must change this test too.
const EXPECTED: Record<Permission, Role[]> = {
  "requests.file": ["focal_point"],
  "requests.readOwnCountry": ["focal_point"],
  "requests.readAll": ["program_officer"],
  "requests.screen": ["program_officer"],
  "reviews.assign": ["program_officer"],
  "reviews.score": ["reviewer"],
  "decisions.make": ["program_officer"],
  "awards.create": ["program_officer"],
  "awards.approve": ["approver"],
  "awards.readImplemented": ["implementing_partner"],
  "disbursements.record": ["program_officer"],
  "deliverables.manage": ["program_officer"],
  "deliverables.submit": ["focal_point", "implementing_partner"],
  "equipment.record": ["program_officer", "implementing_partner"],
  "indicators.set": ["program_officer"],
  "reporting.schedule": ["program_officer"],
  "comments.add": ["focal_point", "program_officer", "reviewer"],
  "reports.submit": ["focal_point", "implementing_partner"],
  "reports.accept": ["program_officer"],
  "programs.readAll": ["program_officer", "approver", "admin"],
  "programs.readFunded": ["donor"],
  "programs.manage": ["admin"],
  "users.manage": ["admin"],
  "passkeys.manage": ["program_officer", "approver", "admin"],
};

describe("role permissions", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(hasPermission({ roles: [role] }, permission)).toBe(allowed);
      });
    }
  }

  it("gives a user with several roles the union of their permissions", () => {
    const both = permissionsOf(["reviewer", "approver"]);
    expect(both.has("reviews.score")).toBe(true);
    expect(both.has("awards.approve")).toBe(true);
    expect(both.has("users.manage")).toBe(false);
  });

  it("gives nobody without a session any permission", () => {
    for (const permission of PERMISSIONS) expect(hasPermission(null, permission)).toBe(false);
  });

  it("lets exactly the roles that sign in with a passkey manage their own passkeys", () => {
    for (const role of ROLES) expect(hasPermission({ roles: [role] }, "passkeys.manage"), role).toBe(SECOND_FACTOR_ROLES.includes(role));
  });

  it("lists only known permissions", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
