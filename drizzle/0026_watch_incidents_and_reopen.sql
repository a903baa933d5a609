CREATE TYPE "public"."watch_incident_kind" AS ENUM('rent_arrears', 'neighbourhood_trouble', 'maintenance_default', 'prolonged_absence');--> statement-breakpoint
CREATE TABLE "watch_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" "watch_incident_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_cents" bigint,
	"note" text,
	"reported_by_user_id" uuid,
	"reported_by_organisation_id" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"reopened_measure_id" uuid
);
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "reopened_from_measure_id" uuid;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "watch_incidents" ADD CONSTRAINT "watch_incidents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_incidents" ADD CONSTRAINT "watch_incidents_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_incidents" ADD CONSTRAINT "watch_incidents_reported_by_user_id_users_id_fk" FOREIGN KEY ("reported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_incidents" ADD CONSTRAINT "watch_incidents_reported_by_organisation_id_organisations_id_fk" FOREIGN KEY ("reported_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_incidents" ADD CONSTRAINT "watch_incidents_reopened_measure_id_measures_id_fk" FOREIGN KEY ("reopened_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "watch_incidents_household_idx" ON "watch_incidents" USING btree ("household_id","reported_at");--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_reopened_from_measure_id_measures_id_fk" FOREIGN KEY ("reopened_from_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measures_reopened_from_idx" ON "measures" USING btree ("reopened_from_measure_id") WHERE "measures"."reopened_from_measure_id" is not null;--> statement-breakpoint
UPDATE "tasks" SET "status" = 'done', "closed_at" = now(), "updated_at" = now(), "closed_reason" = 'Remplacée par les alertes de la veille (visite annuelle, fin de la veille).' WHERE "source"::text = 'measure' AND "status"::text = 'open' AND "source_id" IN (SELECT "id" FROM "measures" WHERE "status"::text = 'ended' AND "orientation"::text = 'watch');
