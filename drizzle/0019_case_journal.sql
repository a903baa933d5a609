CREATE TYPE "public"."journal_kind" AS ENUM('home_visit', 'office_meeting', 'phone_call', 'accompaniment', 'partner_contact', 'letter_sent', 'letter_received', 'workshop');--> statement-breakpoint
CREATE TYPE "public"."journal_sensitivity" AS ENUM('ordinary', 'confidential');--> statement-breakpoint
CREATE TYPE "public"."journal_status" AS ENUM('recorded', 'cancelled');--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" "journal_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"partner_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"other_participants" text[] DEFAULT '{}'::text[] NOT NULL,
	"referentiel_version" text NOT NULL,
	"briques" text[] DEFAULT '{}'::text[] NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measure_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"sensitivity" "journal_sensitivity" NOT NULL,
	"status" "journal_status" DEFAULT 'recorded' NOT NULL,
	"cancel_reason" text,
	"author_user_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"request_digest" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_entry_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "journal_entry_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"previous" jsonb,
	"reason" text,
	"user_id" uuid,
	"organisation_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry_changes" ADD CONSTRAINT "journal_entry_changes_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry_changes" ADD CONSTRAINT "journal_entry_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry_changes" ADD CONSTRAINT "journal_entry_changes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_author_key_uq" ON "journal_entries" USING btree ("author_user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "journal_entries_household_idx" ON "journal_entries" USING btree ("household_id","occurred_at");--> statement-breakpoint
CREATE INDEX "journal_entries_measure_idx" ON "journal_entries" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "journal_entry_changes_entry_idx" ON "journal_entry_changes" USING btree ("entry_id","seq");