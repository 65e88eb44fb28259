import type { Role } from "@/lib/enums";

export const PERMISSIONS = [
  "requests.file", // file and edit the own country's requests
  "requests.readOwnCountry",
  "requests.readAll",
  "requests.screen",
  "reviews.assign",
  "reviews.score",
  "decisions.make",
  "awards.create",
  "awards.approve",
  "awards.readImplemented",
  "disbursements.record",
  "deliverables.manage", // add deliverables to an award, accept or return them
  "deliverables.submit", // submit a deliverable's evidence for acceptance
  "equipment.record", // record equipment delivered and its end-use checks
  "indicators.set", // set an award's indicators and targets
  "reporting.schedule", // set an award's reporting frequency
  "comments.add",
  "reports.submit",
  "reports.accept",
  "programs.readAll",
  "programs.readFunded",
  "programs.manage",
  "users.manage",
  "passkeys.manage", // remove the own passkeys: the staff roles, who sign in with one (session-rules.ts)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; a user holding several roles may do the union. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  focal_point: ["requests.file", "requests.readOwnCountry", "reports.submit", "deliverables.submit", "comments.add"],
  program_officer: [
    "passkeys.manage",
    "requests.readAll",
    "requests.screen",
    "reviews.assign",
    "decisions.make",
    "awards.create",
    "disbursements.record",
    "deliverables.manage",
    "equipment.record",
    "indicators.set",
    "reporting.schedule",
    "comments.add",
    "reports.accept",
    "programs.readAll",
  ],
  implementing_partner: ["awards.readImplemented", "reports.submit", "deliverables.submit", "equipment.record"],
  reviewer: ["reviews.score", "comments.add"],
  approver: ["awards.approve", "programs.readAll", "passkeys.manage"],
  donor: ["programs.readFunded"],
  admin: ["users.manage", "programs.manage", "programs.readAll", "passkeys.manage"],
};

export function hasPermission(user: { roles: readonly Role[] } | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return user.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

/** The binding a role needs: a focal point a country, a partner or donor an organization of that type. */
export const ROLE_BINDING: Record<Role, "country" | "implementing_partner" | "donor" | null> = {
  focal_point: "country",
  implementing_partner: "implementing_partner",
  donor: "donor",
  program_officer: null,
  reviewer: null,
  approver: null,
  admin: null,
};
