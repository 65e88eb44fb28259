import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, programs } from "./reference";
import { users } from "./auth";
import { assistanceRequests } from "./requests";
import { AWARD_STATUSES } from "../../lib/enums";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
});

export const awardStatusEnum = pgEnum("award_status", AWARD_STATUSES);

/** A grant against a program, answering one or more approved requests. */
export const awards = pgTable(
  "awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    programId: uuid("program_id").notNull().references(() => programs.id),
    implementingPartnerId: uuid("implementing_partner_id").notNull().references(() => organizations.id),
    countryIso2: char("country_iso2", { length: 2 }).notNull(),
    titleEn: text("title_en"),
    titleEs: text("title_es"),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: awardStatusEnum("status").notNull(),
    createdById: text("created_by_id").notNull().references(() => users.id),
    approvedById: text("approved_by_id").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    // Reporting calendar: a report every N months (3 = quarterly), and a final one at the end.
    reportingFrequencyMonths: integer("reporting_frequency_months").notNull().default(3),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("awards_program_idx").on(t.programId, t.status),
    // The award list (newest first) for those who see all, for a partner, for a country; the approval queue.
    index("awards_created_idx").on(t.createdAt, t.reference),
    index("awards_partner_idx").on(t.implementingPartnerId, t.createdAt),
    index("awards_country_idx").on(t.countryIso2, t.createdAt),
    index("awards_status_idx").on(t.status, t.createdAt),
    index("awards_created_by_idx").on(t.createdById),
    index("awards_approved_by_idx").on(t.approvedById),
    check("awards_amount_positive", sql`${t.amountMinor} > 0`),
    check("awards_period_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const awardRequests = pgTable(
  "award_requests",
  {
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id),
  },
  (t) => [primaryKey({ columns: [t.awardId, t.requestId] }), unique("award_requests_request_unique").on(t.requestId)],
);

/** Planned (and later released) disbursements of an award. */
export const awardTranches = pgTable(
  "award_tranches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    plannedAmountMinor: bigint("planned_amount_minor", { mode: "number" }).notNull(),
    plannedOn: date("planned_on").notNull(),
    releasedAmountMinor: bigint("released_amount_minor", { mode: "number" }),
    releasedOn: date("released_on"),
    // The condition a disbursement waits for: none, an accepted deliverable, or an accepted report.
    conditionDeliverableId: uuid("condition_deliverable_id"),
    conditionPeriodNumber: integer("condition_period_number"),
  },
  (t) => [unique("award_tranches_position").on(t.awardId, t.position), check("award_tranches_amount", sql`${t.plannedAmountMinor} > 0`)],
);

/** Milestones of an award, with due dates. */
export const awardDeliverables = pgTable(
  "award_deliverables",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: ["pending", "submitted", "accepted", "returned"] }).notNull().default("pending"),
    reviewComment: text("review_comment"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("award_deliverables_award_idx").on(t.awardId, t.dueOn),
    // Late deliverables across awards, oldest due first.
    index("award_deliverables_due_idx").on(t.dueOn),
  ],
);

/** Evidence files of a deliverable (same upload rules as request attachments). */
export const deliverableEvidence = pgTable(
  "deliverable_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id").notNull().references(() => awardDeliverables.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedById: text("uploaded_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deliverable_evidence_deliverable_idx").on(t.deliverableId),
    index("deliverable_evidence_uploaded_by_idx").on(t.uploadedById),
    check("deliverable_evidence_size", sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 10485760`),
  ],
);

/** Disbursements recorded against tranches (released only when the tranche's condition is accepted). */
export const disbursements = pgTable(
  "disbursements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trancheId: uuid("tranche_id").notNull().references(() => awardTranches.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    disbursedOn: date("disbursed_on").notNull(),
    recordedById: text("recorded_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("disbursements_tranche").on(t.trancheId), index("disbursements_recorded_by_idx").on(t.recordedById), check("disbursements_amount", sql`${t.amountMinor} > 0`)],
);
