import { pgEnum } from "drizzle-orm/pg-core";

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

export const roleEnum = pgEnum("role", ROLES);
export const assistanceCategoryEnum = pgEnum("assistance_category", ASSISTANCE_CATEGORIES);
export const organizationTypeEnum = pgEnum("organization_type", ORGANIZATION_TYPES);
export const localeEnum = pgEnum("locale", LOCALES);
export const regionEnum = pgEnum("region", ["central_america", "caribbean", "south_america", "north_america"]);
