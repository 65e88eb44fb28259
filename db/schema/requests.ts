import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { assistanceCategoryEnum, localeEnum } from "./enums";
import { countries, programs } from "./reference";
import { users } from "./auth";
import { REQUEST_STATUSES, URGENCIES } from "../../lib/enums";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
});

export const requestStatusEnum = pgEnum("request_status", REQUEST_STATUSES);

export const urgencyEnum = pgEnum("urgency", URGENCIES);


/** A state's technical-assistance need. Text in the filer's language, optionally also in the other. */
export const assistanceRequests = pgTable(
  "assistance_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Human-readable reference, e.g. GT-2026-0007, unique per country and year.
    reference: text("reference").notNull().unique(),
    countryIso2: char("country_iso2", { length: 2 }).notNull().references(() => countries.iso2),
    createdById: text("created_by_id").notNull().references(() => users.id),
    status: requestStatusEnum("status").notNull().default("draft"),
    // Bumped by every change: the optimistic-concurrency token forms send back.
    version: integer("version").notNull().default(1),
    primaryLocale: localeEnum("primary_locale").notNull(),
    category: assistanceCategoryEnum("category"),
    titleEn: text("title_en"),
    titleEs: text("title_es"),
    narrativeEn: text("narrative_en"),
    narrativeEs: text("narrative_es"),
    justificationEn: text("justification_en"),
    justificationEs: text("justification_es"),
    // Category-specific quantities, validated by lib/requests/schema.ts (no serials, no locations).
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    estimatedCostMinor: bigint("estimated_cost_minor", { mode: "number" }),
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    urgency: urgencyEnum("urgency"),
    desiredStartOn: date("desired_start_on"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    // A key the new-request form generates once, so a retried or double-clicked create makes one request.
    creationKey: uuid("creation_key").unique(),
    revisionCount: integer("revision_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assistance_requests_country_status_idx").on(t.countryIso2, t.status, t.updatedAt),
    index("assistance_requests_status_idx").on(t.status, t.updatedAt),
    // The request list's default order (newest change first) and its other sort, for those who see all.
    // With the status in the index, a page's ids come from the index alone (drafts left out), so a deep
    // page skips its OFFSET rows without reading the table (lib/requests/queries.ts listRequests).
    index("assistance_requests_updated_idx").on(t.updatedAt, t.id, t.status),
    index("assistance_requests_created_idx").on(t.createdAt, t.id),
    // A focal point's list: one country, every status, newest change first (id breaks ties, as in the list).
    index("assistance_requests_country_updated_idx").on(t.countryIso2, t.updatedAt, t.id),
    // The list's search (ILIKE '%word%' on the reference and both titles): trigram indexes (pg_trgm).
    index("assistance_requests_reference_trgm_idx").using("gin", t.reference.op("gin_trgm_ops")),
    index("assistance_requests_title_en_trgm_idx").using("gin", t.titleEn.op("gin_trgm_ops")),
    index("assistance_requests_title_es_trgm_idx").using("gin", t.titleEs.op("gin_trgm_ops")),
    index("assistance_requests_created_by_idx").on(t.createdById),
    check("assistance_requests_cost_nonnegative", sql`${t.estimatedCostMinor} IS NULL OR ${t.estimatedCostMinor} >= 0`),
    check("assistance_requests_version_positive", sql`${t.version} >= 1`),
  ],
);

/** Programs the filer thinks could fund the request. */
export const requestPrograms = pgTable(
  "request_programs",
  {
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    programId: uuid("program_id").notNull().references(() => programs.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.programId] }), index("request_programs_program_idx").on(t.programId)],
);

/** What was submitted each time: revision 1 is the first submission, each resubmission adds one. */
export const requestRevisions = pgTable(
  "request_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    submittedById: text("submitted_by_id").notNull().references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("request_revisions_number_unique").on(t.requestId, t.number), index("request_revisions_submitted_by_idx").on(t.submittedById)],
);

/** Files attached to a request, kept in PostgreSQL so that the embedded mode and backups carry them. */
export const requestAttachments = pgTable(
  "request_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    // Detected from the content (magic bytes), never taken from the browser.
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: char("sha256", { length: 64 }).notNull(),
    data: bytea("data").notNull(),
    uploadedById: text("uploaded_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("request_attachments_request_idx").on(t.requestId, t.createdAt),
    index("request_attachments_uploaded_by_idx").on(t.uploadedById),
    check("request_attachments_size", sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 10485760`),
  ],
);

/** Per-country, per-year counters for request references. */
export const requestReferenceCounters = pgTable(
  "request_reference_counters",
  {
    countryIso2: char("country_iso2", { length: 2 }).notNull().references(() => countries.iso2),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.countryIso2, t.year] })],
);

/** The officer's screening of a request against one program: automatic checks and a manual checklist. */
export const requestScreenings = pgTable(
  "request_screenings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    programId: uuid("program_id").references(() => programs.id),
    automaticChecks: jsonb("automatic_checks").$type<Record<string, boolean>>().notNull(),
    checklist: jsonb("checklist").$type<Record<string, boolean>>().notNull(),
    outcome: text("outcome", { enum: ["send_to_review", "request_changes", "reject"] }).notNull(),
    note: text("note"),
    screenedById: text("screened_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("request_screenings_request_idx").on(t.requestId, t.createdAt),
    index("request_screenings_program_idx").on(t.programId),
    index("request_screenings_screened_by_idx").on(t.screenedById),
  ],
);

/** Comments on a request: internal ones are for staff only; shared ones the state sees too. */
export const requestComments = pgTable(
  "request_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    authorId: text("author_id").notNull().references(() => users.id),
    visibility: text("visibility", { enum: ["internal", "shared"] }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("request_comments_request_idx").on(t.requestId, t.createdAt), index("request_comments_author_idx").on(t.authorId)],
);

/** Decisions on a request (approve, reject, request changes) with the memo the state receives. */
export const requestDecisions = pgTable(
  "request_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    decision: text("decision", { enum: ["approve", "reject", "request_changes"] }).notNull(),
    memo: text("memo").notNull(),
    decidedById: text("decided_by_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("request_decisions_request_idx").on(t.requestId, t.createdAt), index("request_decisions_decided_by_idx").on(t.decidedById)],
);
