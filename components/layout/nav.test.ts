import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/enums";
import { navFor } from "./nav";

const hrefs = (...roles: Role[]) => navFor({ roles }).map((item) => item.href);

describe("navFor", () => {
  it("shows requests to focal points and program officers (any of the permissions)", () => {
    expect(hrefs("focal_point")).toContain("/requests");
    expect(hrefs("program_officer")).toContain("/requests");
  });

  it("hides requests from roles that may see none", () => {
    for (const role of ["donor", "reviewer", "implementing_partner", "approver", "admin"] as const) {
      expect(hrefs(role), role).not.toContain("/requests");
    }
  });

  it("never offers a donor the generic award pages (they see awards on the dashboards)", () => {
    expect(hrefs("donor")).not.toContain("/awards");
  });

  it("gives each role exactly its areas", () => {
    expect(hrefs("focal_point")).toEqual(["/", "/requests", "/awards"]);
    expect(hrefs("program_officer")).toEqual(["/", "/requests", "/awards", "/programs", "/dashboards"]);
    expect(hrefs("implementing_partner")).toEqual(["/", "/awards"]);
    expect(hrefs("reviewer")).toEqual(["/", "/reviews"]);
    expect(hrefs("approver")).toEqual(["/", "/awards", "/approvals", "/programs", "/dashboards"]);
    expect(hrefs("donor")).toEqual(["/", "/dashboards"]);
    expect(hrefs("admin")).toEqual(["/", "/programs", "/dashboards", "/admin/users"]);
    expect(hrefs("donor", "implementing_partner")).toEqual(["/", "/awards", "/dashboards"]);
    expect(hrefs("focal_point", "admin")).toEqual(["/", "/requests", "/awards", "/programs", "/dashboards", "/admin/users"]);
  });
});
