CREATE TYPE "public"."workshop_attendance" AS ENUM('invited', 'present', 'excused', 'absent');--> statement-breakpoint
CREATE TYPE "public"."workshop_status" AS ENUM('planned', 'cancelled');--> statement-breakpoint
CREATE TABLE "workshop_invitations" (
	"workshop_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"attendance" "workshop_attendance" DEFAULT 'invited' NOT NULL,
	"journal_entry_id" uuid,
	CONSTRAINT "workshop_invitations_workshop_id_household_id_pk" PRIMARY KEY("workshop_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"referentiel_version" text NOT NULL,
	"briques" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"place" text NOT NULL,
	"facilitator_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"partner_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "workshop_status" DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workshop_invitations" ADD CONSTRAINT "workshop_invitations_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_invitations" ADD CONSTRAINT "workshop_invitations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_invitations" ADD CONSTRAINT "workshop_invitations_journal_entry_id_journal_entries_id_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_invitations_household_idx" ON "workshop_invitations" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "workshops_organisation_idx" ON "workshops" USING btree ("organisation_id","starts_at");