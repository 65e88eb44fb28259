-- The trigram operator classes of the request search indexes (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "assistance_requests_updated_idx";--> statement-breakpoint
DROP INDEX "assistance_requests_country_updated_idx";--> statement-breakpoint
CREATE INDEX "assistance_requests_reference_trgm_idx" ON "assistance_requests" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assistance_requests_title_en_trgm_idx" ON "assistance_requests" USING gin ("title_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assistance_requests_title_es_trgm_idx" ON "assistance_requests" USING gin ("title_es" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assistance_requests_updated_idx" ON "assistance_requests" USING btree ("updated_at","id","status");--> statement-breakpoint
CREATE INDEX "assistance_requests_country_updated_idx" ON "assistance_requests" USING btree ("country_iso2","updated_at","id");