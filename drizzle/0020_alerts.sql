CREATE TABLE "alert_digest_opt_outs" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"task_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"no_contact_days" smallint NOT NULL,
	"measure_ending_days" smallint NOT NULL,
	"renewal_limit_days" smallint NOT NULL,
	"referral_unanswered_days" smallint NOT NULL,
	"contract_unsigned_days" smallint NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "alert_key" text;--> statement-breakpoint
ALTER TABLE "alert_digest_opt_outs" ADD CONSTRAINT "alert_digest_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_digests" ADD CONSTRAINT "alert_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_digests_user_day_uq" ON "alert_digests" USING btree ("user_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_open_alert_key_uq" ON "tasks" USING btree ("alert_key") WHERE "tasks"."status" = 'open' and "tasks"."alert_key" is not null;--> statement-breakpoint
CREATE INDEX "tasks_alert_key_idx" ON "tasks" USING btree ("alert_key");--> statement-breakpoint
-- The end of a running measure is now an alert of the daily run (ADR 0017): the task the measure
-- raised for it when it started or was renewed closes, the alert takes over. (Compared as text: on a
-- new database every migration runs in one transaction, where a just-added enum value cannot be read.)
UPDATE "tasks" SET "status" = 'done', "closed_at" = now(), "updated_at" = now(), "closed_reason" = 'Remplacée par l’alerte de fin de mesure.' WHERE "source"::text = 'measure' AND "status"::text = 'open' AND "source_id" IN (SELECT "id" FROM "measures" WHERE "status"::text = 'active');
