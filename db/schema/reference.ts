import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { assistanceCategoryEnum, organizationTypeEnum, regionEnum } from "./enums";

export const countries = pgTable("countries", {
  iso2: char("iso2", { length: 2 }).primaryKey(),
  iso3: char("iso3", { length: 3 }).notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameEs: text("name_es").notNull(),
  region: regionEnum("region").notNull(),
  languages: text("languages").array().notNull(),
  isCaricomMember: boolean("is_caricom_member").notNull().default(false),
  isTerritory: boolean("is_territory").notNull().default(false),
  // Donor countries (the United States) are listed for organizations but never file requests.
  isRecipient: boolean("is_recipient").notNull().default(true),
  // null means the agreement status is not known (not "no agreement").
  etraceSignedOn: date("etrace_signed_on"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    type: organizationTypeEnum("type").notNull(),
    countryIso2: char("country_iso2", { length: 2 }).references(() => countries.iso2),
    nameEn: text("name_en").notNull(),
    nameEs: text("name_es").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("organizations_type_idx").on(t.type), index("organizations_country_idx").on(t.countryIso2)],
);

export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameEs: text("name_es").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    ceilingMinor: bigint("ceiling_minor", { mode: "number" }).notNull(),
    // No single award may exceed this (null: only the ceiling applies).
    perAwardCapMinor: bigint("per_award_cap_minor", { mode: "number" }),
    // Awards above this amount need a second approval.
    approvalThresholdMinor: bigint("approval_threshold_minor", { mode: "number" }).notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    // Ceilings in the reference data are illustrative: the UI labels them.
    isDemoFigures: boolean("is_demo_figures").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("programs_ceiling_nonnegative", sql`${t.ceilingMinor} >= 0`),
    check("programs_threshold_nonnegative", sql`${t.approvalThresholdMinor} >= 0`),
    check("programs_period_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const programDonors = pgTable(
  "program_donors",
  {
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.programId, t.organizationId] }), index("program_donors_organization_idx").on(t.organizationId)],
);

export const programCountries = pgTable(
  "program_countries",
  {
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    countryIso2: char("country_iso2", { length: 2 }).notNull().references(() => countries.iso2),
  },
  (t) => [primaryKey({ columns: [t.programId, t.countryIso2] }), index("program_countries_country_idx").on(t.countryIso2)],
);

export const programCategories = pgTable(
  "program_categories",
  {
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    category: assistanceCategoryEnum("category").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.category] })],
);
