import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { awardDeliverables, awards } from "./awards";
import { REPORT_STATUSES } from "../../lib/enums";

/** The indicator library (firearms marked, weapons destroyed, officers trained, ...). */
export const indicators = pgTable("indicators", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  unit: text("unit").notNull(), // count, tonnes, people
  nameEn: text("name_en").notNull(),
  nameEs: text("name_es").notNull(),
});

/** The indicators an award tracks, with baseline and target. */
export const awardIndicators = pgTable(
  "award_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id").notNull().references(() => indicators.id),
    baseline: numeric("baseline", { precision: 14, scale: 2 }).notNull().default("0"),
    target: numeric("target", { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [unique("award_indicators_unique").on(t.awardId, t.indicatorId), index("award_indicators_indicator_idx").on(t.indicatorId), check("award_indicators_target", sql`${t.target} >= 0 AND ${t.baseline} >= 0`)],
);

/** The reporting calendar of an award: quarterly by default, a final report at the end. */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    dueOn: date("due_on").notNull(),
    isFinal: text("is_final", { enum: ["yes", "no"] }).notNull().default("no"),
  },
  (t) => [
    unique("reporting_periods_number").on(t.awardId, t.number),
    // Overdue periods across awards, oldest due first.
    index("reporting_periods_due_idx").on(t.dueOn),
  ],
);

/** A progress report for one period; accepted reports are frozen and are what donors see. */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    awardId: uuid("award_id").notNull().references(() => awards.id, { onDelete: "cascade" }),
    periodId: uuid("period_id").notNull().references(() => reportingPeriods.id, { onDelete: "cascade" }),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    narrativeEn: text("narrative_en"),
    narrativeEs: text("narrative_es"),
    expenditureToDateMinor: bigint("expenditure_to_date_minor", { mode: "number" }),
    createdById: text("created_by_id").notNull().references(() => users.id),
    submittedById: text("submitted_by_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedById: text("reviewed_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewComment: text("review_comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("progress_reports_period").on(t.periodId),
    // An award's reports in a state (its accepted ones above all: money, indicators, dashboards).
    index("progress_reports_award_idx").on(t.awardId, t.status),
    index("progress_reports_created_by_idx").on(t.createdById),
    index("progress_reports_submitted_by_idx").on(t.submittedById),
    index("progress_reports_reviewed_by_idx").on(t.reviewedById),
    check("progress_reports_expenditure", sql`${t.expenditureToDateMinor} IS NULL OR ${t.expenditureToDateMinor} >= 0`),
  ],
);

/** Indicator actuals reported for a period, optionally broken down (by agency, weapon type, sex). */
export const reportActuals = pgTable(
  "report_actuals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => progressReports.id, { onDelete: "cascade" }),
    awardIndicatorId: uuid("award_indicator_id").notNull().references(() => awardIndicators.id),
    value: numeric("value", { precision: 14, scale: 2 }).notNull(),
    breakdown: jsonb("breakdown").$type<{ dimension: string; label: string; value: number }[]>().notNull().default([]),
  },
  (t) => [unique("report_actuals_unique").on(t.reportId, t.awardIndicatorId), index("report_actuals_award_indicator_idx").on(t.awardIndicatorId), check("report_actuals_value", sql`${t.value} >= 0`)],
);

/** A report's update on a deliverable (progress note, new status proposed). */
export const reportDeliverableUpdates = pgTable(
  "report_deliverable_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => progressReports.id, { onDelete: "cascade" }),
    deliverableId: uuid("deliverable_id").notNull().references(() => awardDeliverables.id),
    note: text("note").notNull(),
  },
  (t) => [unique("report_deliverable_updates_unique").on(t.reportId, t.deliverableId), index("report_deliverable_updates_deliverable_idx").on(t.deliverableId)],
);

/** Reminders already sent: one per subject, due date and kind, so two runs never send one twice. */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectType: text("subject_type", { enum: ["report", "deliverable"] }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    dueOn: date("due_on").notNull(),
    kind: text("kind", { enum: ["14_days", "3_days", "overdue"] }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("reminders_sent_once").on(t.subjectType, t.subjectId, t.dueOn, t.kind)],
);
