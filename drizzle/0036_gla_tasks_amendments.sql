CREATE TYPE "public"."availability_end_reason" AS ENUM('returned_to_landlord', 'sold', 'works', 'other');--> statement-breakpoint
-- The new source is written below in this same transaction, which a value added by ADD VALUE cannot be:
-- the type is made anew with it instead.
ALTER TYPE "public"."task_source" RENAME TO "task_source_before_gla";--> statement-breakpoint
CREATE TYPE "public"."task_source" AS ENUM('diagnostic', 'manual', 'alert', 'measure', 'gla');--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "source" TYPE "public"."task_source" USING "source"::text::"public"."task_source";--> statement-breakpoint
DROP TYPE "public"."task_source_before_gla";--> statement-breakpoint
CREATE TABLE "convention_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convention_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"effective_on" date NOT NULL,
	"changes" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "household_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "dwelling_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "gla_kind" "gla_task_kind";--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD COLUMN "end_reason" "availability_end_reason";--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD COLUMN "end_note" text;--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD COLUMN "ended_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "convention_amendments" ADD CONSTRAINT "convention_amendments_convention_id_partnership_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."partnership_conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_amendments" ADD CONSTRAINT "convention_amendments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "convention_amendments_number_uq" ON "convention_amendments" USING btree ("convention_id","number");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_dwelling_id_dwellings_id_fk" FOREIGN KEY ("dwelling_id") REFERENCES "public"."dwellings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD CONSTRAINT "convention_dwellings_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_gla_uq" ON "tasks" USING btree ("source_id","gla_kind","due_on") WHERE "tasks"."gla_kind" is not null;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_household_or_dwelling" CHECK ("tasks"."household_id" is not null or "tasks"."dwelling_id" is not null);;--> statement-breakpoint
-- The GLA plans already written become tasks of the association (its social workers see them in « Mes
-- tâches »), with their ids; a task noted done on a day is closed at noon, Paris time, that day.
INSERT INTO "tasks" ("id", "household_id", "dwelling_id", "gla_kind", "title", "owner_organisation_id", "due_on", "source", "source_id", "status", "closed_at", "created_by_organisation_id", "created_at", "updated_at")
SELECT g."id", NULL, cd."dwelling_id", g."kind",
  CASE g."kind"::text
    WHEN 'monthly_contact' THEN 'Contact mensuel avec le ménage'
    WHEN 'yearly_visit' THEN 'Visite annuelle du logement'
    WHEN 'technical_check' THEN 'Contrôle technique du logement'
    ELSE 'Point sur les consommations (énergie, eau)'
  END,
  c."association_organisation_id", g."due_on", 'gla', g."convention_dwelling_id",
  CASE WHEN g."done_on" IS NULL THEN 'open' ELSE 'done' END::"task_status",
  CASE WHEN g."done_on" IS NULL THEN NULL ELSE (g."done_on" + time '12:00') AT TIME ZONE 'Europe/Paris' END,
  c."association_organisation_id", g."created_at", g."updated_at"
FROM "gla_tasks" g
JOIN "convention_dwellings" cd ON cd."id" = g."convention_dwelling_id"
JOIN "partnership_conventions" c ON c."id" = cd."convention_id";--> statement-breakpoint
DROP TABLE "gla_tasks" CASCADE;
