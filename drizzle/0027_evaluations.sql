CREATE TYPE "public"."evaluation_audience" AS ENUM('landlord', 'funder');--> statement-breakpoint
CREATE TYPE "public"."evaluation_kind" AS ENUM('interim', 'final');--> statement-breakpoint
CREATE TYPE "public"."evaluation_status" AS ENUM('draft', 'validated', 'shared');--> statement-breakpoint
CREATE TABLE "evaluation_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"audience" "evaluation_audience" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"shared_by_user_id" uuid,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" "evaluation_kind" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" "evaluation_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"baseline_scores" jsonb,
	"baseline_assessed_on" date,
	"signature" jsonb,
	"applied_at" timestamp with time zone,
	"organisation_id" uuid NOT NULL,
	"prepared_by_user_id" uuid,
	"validated_by_user_id" uuid,
	"validated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_shares" ADD CONSTRAINT "evaluation_shares_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_shares" ADD CONSTRAINT "evaluation_shares_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_shares" ADD CONSTRAINT "evaluation_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_shares" ADD CONSTRAINT "evaluation_shares_shared_by_user_id_users_id_fk" FOREIGN KEY ("shared_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_prepared_by_user_id_users_id_fk" FOREIGN KEY ("prepared_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_validated_by_user_id_users_id_fk" FOREIGN KEY ("validated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_shares_once_uq" ON "evaluation_shares" USING btree ("evaluation_id","audience","organisation_id");--> statement-breakpoint
CREATE INDEX "evaluation_shares_org_idx" ON "evaluation_shares" USING btree ("organisation_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_measure_kind_period_uq" ON "evaluations" USING btree ("measure_id","kind","period_start");--> statement-breakpoint
CREATE INDEX "evaluations_household_idx" ON "evaluations" USING btree ("household_id");