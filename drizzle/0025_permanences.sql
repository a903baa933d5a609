CREATE TYPE "public"."permanence_age_band" AS ENUM('under_25', 'from_25_to_39', 'from_40_to_59', 'from_60');--> statement-breakpoint
CREATE TYPE "public"."permanence_consent" AS ENUM('given', 'refused');--> statement-breakpoint
CREATE TYPE "public"."permanence_conversion" AS ENUM('referral', 'household');--> statement-breakpoint
CREATE TYPE "public"."permanence_slot_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "permanence_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"place" text NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"every_weeks" smallint DEFAULT 1 NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"staff_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "permanence_slot_status" DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permanence_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"consent" "permanence_consent" NOT NULL,
	"first_name" text,
	"age_band" "permanence_age_band",
	"commune" text,
	"phone" text,
	"referentiel_version" text NOT NULL,
	"briques" text[] DEFAULT '{}'::text[] NOT NULL,
	"advice" text,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by_user_id" uuid,
	"converted_to" "permanence_conversion",
	"converted_at" timestamp with time zone,
	"converted_by_user_id" uuid,
	"household_id" uuid,
	"referral_id" uuid,
	"journal_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "permanence_slots" ADD CONSTRAINT "permanence_slots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_slots" ADD CONSTRAINT "permanence_slots_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_slot_id_permanence_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."permanence_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_converted_by_user_id_users_id_fk" FOREIGN KEY ("converted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_visits" ADD CONSTRAINT "permanence_visits_journal_entry_id_journal_entries_id_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "permanence_slots_organisation_idx" ON "permanence_slots" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "permanence_visits_slot_idx" ON "permanence_visits" USING btree ("slot_id","occurrence_date");--> statement-breakpoint
CREATE INDEX "permanence_visits_organisation_idx" ON "permanence_visits" USING btree ("organisation_id","occurred_at");