CREATE TYPE "public"."monthly_point_status" AS ENUM('draft', 'validated');--> statement-breakpoint
CREATE TABLE "monthly_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"version" smallint DEFAULT 1 NOT NULL,
	"status" "monthly_point_status" DEFAULT 'draft' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	"home_visits" integer DEFAULT 0 NOT NULL,
	"by_brique" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisation_id" uuid NOT NULL,
	"prepared_by_user_id" uuid,
	"validated_by_user_id" uuid,
	"validated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monthly_points" ADD CONSTRAINT "monthly_points_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_points" ADD CONSTRAINT "monthly_points_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_points" ADD CONSTRAINT "monthly_points_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_points" ADD CONSTRAINT "monthly_points_prepared_by_user_id_users_id_fk" FOREIGN KEY ("prepared_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_points" ADD CONSTRAINT "monthly_points_validated_by_user_id_users_id_fk" FOREIGN KEY ("validated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_points_measure_month_version_uq" ON "monthly_points" USING btree ("measure_id","month","version");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_points_one_draft_uq" ON "monthly_points" USING btree ("measure_id","month") WHERE "monthly_points"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "monthly_points_household_idx" ON "monthly_points" USING btree ("household_id");