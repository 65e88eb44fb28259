import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
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
  jsonb,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations, programs } from "./reference";
import { assistanceRequests } from "./requests";
import { AWARD_STATUSES, RECOMMENDATIONS, REVIEW_STATUSES } from "../../lib/enums";

/** A program's scoring rubric: weighted criteria, each scored 1-5 by reviewers. */
export const rubricCriteria = pgTable(
  "rubric_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    nameEn: text("name_en").notNull(),
    nameEs: text("name_es").notNull(),
    weight: integer("weight").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    unique("rubric_criteria_program_key").on(t.programId, t.key),
    check("rubric_criteria_weight", sql`${t.weight} BETWEEN 1 AND 100`),
  ],
);

/** The officer's screening of a request against one program: automatic checks and a manual checklist. */
export const requestScreenings = pgTable("request_screenings", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
  programId: uuid("program_id").references(() => programs.id),
  automaticChecks: jsonb("automatic_checks").$type<Record<string, boolean>>().notNull(),
  checklist: jsonb("checklist").$type<Record<string, boolean>>().notNull(),
  outcome: text("outcome", { enum: ["send_to_review", "request_changes", "reject"] }).notNull(),
  note: text("note"),
  screenedById: text("screened_by_id").notNull().references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const reviewStatusEnum = pgEnum("review_status", REVIEW_STATUSES);
export const recommendationEnum = pgEnum("recommendation", RECOMMENDATIONS);

/** A reviewer assigned to a request: declares conflicts first, then scores. */
export const reviewAssignments = pgTable(
  "review_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id").notNull().references(() => users.id),
    assignedById: text("assigned_by_id").notNull().references(() => users.id),
    programId: uuid("program_id").references(() => programs.id),
    status: reviewStatusEnum("status").notNull().default("awaiting_declaration"),
    // Set automatically when the reviewer belongs to the requesting government or the proposed partner.
    isAutoRecused: boolean("is_auto_recused").notNull().default(false),
    conflictDeclared: boolean("conflict_declared"),
    conflictReason: text("conflict_reason"),
    declaredAt: timestamp("declared_at", { withTimezone: true }),
    recommendation: recommendationEnum("recommendation"),
    comment: text("comment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    // The revision the reviewer scored: after a resubmission reviewers see what changed since.
    revisionNumber: integer("revision_number"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("review_assignments_request_reviewer").on(t.requestId, t.reviewerId), index("review_assignments_reviewer_idx").on(t.reviewerId, t.status)],
);

export const reviewScores = pgTable(
  "review_scores",
  {
    assignmentId: uuid("assignment_id").notNull().references(() => reviewAssignments.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id").notNull().references(() => rubricCriteria.id),
    score: integer("score").notNull(),
    comment: text("comment").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.criterionId] }), check("review_scores_range", sql`${t.score} BETWEEN 1 AND 5`)],
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
  (t) => [index("request_comments_request_idx").on(t.requestId, t.createdAt)],
);

/** Decisions on a request (approve, reject, request changes) with the memo the state receives. */
export const requestDecisions = pgTable("request_decisions", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestId: uuid("request_id").notNull().references(() => assistanceRequests.id, { onDelete: "cascade" }),
  decision: text("decision", { enum: ["approve", "reject", "request_changes"] }).notNull(),
  memo: text("memo").notNull(),
  decidedById: text("decided_by_id").notNull().references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
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
export const awardDeliverables = pgTable("award_deliverables", {
  id: uuid("id").primaryKey().defaultRandom(),
  awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  dueOn: date("due_on").notNull(),
  status: text("status", { enum: ["pending", "submitted", "accepted", "returned"] }).notNull().default("pending"),
  reviewComment: text("review_comment"),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
