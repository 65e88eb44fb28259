// The value lists behind the database's enums, kept free of any database import so that forms, pages and
// pure rules can use them without pulling the table definitions into a browser bundle. db/schema builds
// its pgEnums and checked text columns from these same arrays, so there is one list per enum.

export const ROLES = [
  "focal_point",
  "program_officer",
  "implementing_partner",
  "reviewer",
  "approver",
  "donor",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const ASSISTANCE_CATEGORIES = [
  "marking_equipment",
  "record_keeping",
  "etrace_onboarding",
  "stockpile_assessment",
  "armoury_security",
  "destruction",
  "training",
  "legislation",
  "national_action_plan",
  "other",
] as const;
export type AssistanceCategory = (typeof ASSISTANCE_CATEGORIES)[number];

export const ORGANIZATION_TYPES = ["government", "implementing_partner", "donor"] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const REGIONS = ["central_america", "caribbean", "south_america", "north_america"] as const;
export type Region = (typeof REGIONS)[number];

export const REQUEST_STATUSES = [
  "draft",
  "submitted",
  "screening",
  "in_review",
  "changes_requested",
  "approved",
  "awarded",
  "rejected",
  "withdrawn",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const URGENCIES = ["low", "medium", "high", "critical"] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REVIEW_STATUSES = ["awaiting_declaration", "active", "recused", "submitted"] as const;
export const RECOMMENDATIONS = ["approve", "reject", "request_changes"] as const;

export const AWARD_STATUSES = ["pending_approval", "active", "completed", "cancelled"] as const;

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;

export const REPORT_STATUSES = ["draft", "submitted", "accepted", "returned"] as const;
