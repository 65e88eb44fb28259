CREATE TYPE "public"."request_status" AS ENUM('draft', 'submitted', 'screening', 'in_review', 'changes_requested', 'approved', 'awarded', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "assistance_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"country_iso2" char(2) NOT NULL,
	"created_by_id" text NOT NULL,
	"status" "request_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"primary_locale" "locale" NOT NULL,
	"category" "assistance_category",
	"title_en" text,
	"title_es" text,
	"narrative_en" text,
	"narrative_es" text,
	"justification_en" text,
	"justification_es" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"estimated_cost_minor" bigint,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"urgency" "urgency",
	"desired_start_on" date,
	"submitted_at" timestamp with time zone,
	"creation_key" uuid,
	"revision_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistance_requests_reference_unique" UNIQUE("reference"),
	CONSTRAINT "assistance_requests_creation_key_unique" UNIQUE("creation_key"),
	CONSTRAINT "assistance_requests_cost_nonnegative" CHECK ("assistance_requests"."estimated_cost_minor" IS NULL OR "assistance_requests"."estimated_cost_minor" >= 0),
	CONSTRAINT "assistance_requests_version_positive" CHECK ("assistance_requests"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "request_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_attachments_size" CHECK ("request_attachments"."size_bytes" > 0 AND "request_attachments"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "request_programs" (
	"request_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	CONSTRAINT "request_programs_request_id_program_id_pk" PRIMARY KEY("request_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "request_reference_counters" (
	"country_iso2" char(2) NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "request_reference_counters_country_iso2_year_pk" PRIMARY KEY("country_iso2","year")
);
--> statement-breakpoint
CREATE TABLE "request_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by_id" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_revisions_number_unique" UNIQUE("request_id","number")
);
--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_requests" ADD CONSTRAINT "assistance_requests_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_request_id_assistance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."assistance_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_programs" ADD CONSTRAINT "request_programs_request_id_assistance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."assistance_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_programs" ADD CONSTRAINT "request_programs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reference_counters" ADD CONSTRAINT "request_reference_counters_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_revisions" ADD CONSTRAINT "request_revisions_request_id_assistance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."assistance_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_revisions" ADD CONSTRAINT "request_revisions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_requests_country_status_idx" ON "assistance_requests" USING btree ("country_iso2","status","updated_at");--> statement-breakpoint
CREATE INDEX "assistance_requests_status_idx" ON "assistance_requests" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "request_attachments_request_idx" ON "request_attachments" USING btree ("request_id","created_at");