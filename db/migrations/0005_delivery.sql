CREATE TABLE "award_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"baseline" numeric(14, 2) DEFAULT '0' NOT NULL,
	"target" numeric(14, 2) NOT NULL,
	CONSTRAINT "award_indicators_unique" UNIQUE("award_id","indicator_id"),
	CONSTRAINT "award_indicators_target" CHECK ("award_indicators"."target" >= 0 AND "award_indicators"."baseline" >= 0)
);
--> statement-breakpoint
CREATE TABLE "deliverable_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverable_evidence_size" CHECK ("deliverable_evidence"."size_bytes" > 0 AND "deliverable_evidence"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tranche_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"disbursed_on" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_tranche" UNIQUE("tranche_id"),
	CONSTRAINT "disbursements_amount" CHECK ("disbursements"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "equipment_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"checked_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"model" text,
	"quantity" integer NOT NULL,
	"handover_on" date,
	"custodian_agency" text NOT NULL,
	"condition" text DEFAULT 'new' NOT NULL,
	"created_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"unit" text NOT NULL,
	"name_en" text NOT NULL,
	"name_es" text NOT NULL,
	CONSTRAINT "indicators_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"narrative_en" text,
	"narrative_es" text,
	"expenditure_to_date_minor" bigint,
	"created_by_id" text NOT NULL,
	"submitted_by_id" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by_id" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_period" UNIQUE("period_id"),
	CONSTRAINT "progress_reports_expenditure" CHECK ("progress_reports"."expenditure_to_date_minor" IS NULL OR "progress_reports"."expenditure_to_date_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_once" UNIQUE("subject_type","subject_id","due_on","kind")
);
--> statement-breakpoint
CREATE TABLE "report_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"award_indicator_id" uuid NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "report_actuals_unique" UNIQUE("report_id","award_indicator_id"),
	CONSTRAINT "report_actuals_value" CHECK ("report_actuals"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "report_deliverable_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "report_deliverable_updates_unique" UNIQUE("report_id","deliverable_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"due_on" date NOT NULL,
	"is_final" text DEFAULT 'no' NOT NULL,
	CONSTRAINT "reporting_periods_number" UNIQUE("award_id","number")
);
--> statement-breakpoint
ALTER TABLE "award_deliverables" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "award_deliverables" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "award_tranches" ADD COLUMN "condition_deliverable_id" uuid;--> statement-breakpoint
ALTER TABLE "award_tranches" ADD COLUMN "condition_period_number" integer;--> statement-breakpoint
ALTER TABLE "awards" ADD COLUMN "reporting_frequency_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "award_indicators" ADD CONSTRAINT "award_indicators_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_indicators" ADD CONSTRAINT "award_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_evidence" ADD CONSTRAINT "deliverable_evidence_deliverable_id_award_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."award_deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_evidence" ADD CONSTRAINT "deliverable_evidence_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_tranche_id_award_tranches_id_fk" FOREIGN KEY ("tranche_id") REFERENCES "public"."award_tranches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_checks" ADD CONSTRAINT "equipment_checks_item_id_equipment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."equipment_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_checks" ADD CONSTRAINT "equipment_checks_checked_by_id_users_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_items" ADD CONSTRAINT "equipment_items_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_items" ADD CONSTRAINT "equipment_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_actuals" ADD CONSTRAINT "report_actuals_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_actuals" ADD CONSTRAINT "report_actuals_award_indicator_id_award_indicators_id_fk" FOREIGN KEY ("award_indicator_id") REFERENCES "public"."award_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliverable_updates" ADD CONSTRAINT "report_deliverable_updates_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliverable_updates" ADD CONSTRAINT "report_deliverable_updates_deliverable_id_award_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."award_deliverables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliverable_evidence_deliverable_idx" ON "deliverable_evidence" USING btree ("deliverable_id");