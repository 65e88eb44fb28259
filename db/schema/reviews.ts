import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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
import { programs } from "./reference";
import { users } from "./auth";
import { assistanceRequests } from "./requests";
import { RECOMMENDATIONS, REVIEW_STATUSES } from "../../lib/enums";

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
  (t) => [
    unique("review_assignments_request_reviewer").on(t.requestId, t.reviewerId),
    index("review_assignments_reviewer_idx").on(t.reviewerId, t.status),
    index("review_assignments_assigned_by_idx").on(t.assignedById),
    index("review_assignments_program_idx").on(t.programId),
  ],
);

export const reviewScores = pgTable(
  "review_scores",
  {
    assignmentId: uuid("assignment_id").notNull().references(() => reviewAssignments.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id").notNull().references(() => rubricCriteria.id),
    score: integer("score").notNull(),
    comment: text("comment").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.criterionId] }), index("review_scores_criterion_idx").on(t.criterionId), check("review_scores_range", sql`${t.score} BETWEEN 1 AND 5`)],
);
