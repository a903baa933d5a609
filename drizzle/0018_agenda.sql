CREATE TYPE "public"."appointment_kind" AS ENUM('home_visit', 'office_meeting', 'accompaniment', 'partner_meeting', 'phone_call');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('planned', 'done', 'cancelled', 'missed');--> statement-breakpoint
CREATE TABLE "agenda_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"include_family_name" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appointment_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"user_id" uuid,
	"member_id" uuid,
	"organisation_id" uuid,
	CONSTRAINT "appointment_participants_one" CHECK (num_nonnulls("appointment_participants"."user_id", "appointment_participants"."member_id", "appointment_participants"."organisation_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid,
	"kind" "appointment_kind" NOT NULL,
	"status" "appointment_status" DEFAULT 'planned' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"note" text,
	"cancel_reason" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_ends_after_start" CHECK ("appointments"."ends_at" > "appointments"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "agenda_feeds" ADD CONSTRAINT "agenda_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_participants" ADD CONSTRAINT "appointment_participants_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_participants" ADD CONSTRAINT "appointment_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_participants" ADD CONSTRAINT "appointment_participants_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_participants" ADD CONSTRAINT "appointment_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_feeds_token_uq" ON "agenda_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_feeds_active_user_uq" ON "agenda_feeds" USING btree ("user_id") WHERE "agenda_feeds"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "appointment_participants_appointment_idx" ON "appointment_participants" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointment_participants_user_idx" ON "appointment_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "appointment_participants_organisation_idx" ON "appointment_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "appointments_household_idx" ON "appointments" USING btree ("household_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_organisation_idx" ON "appointments" USING btree ("organisation_id","starts_at");