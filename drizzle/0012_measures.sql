CREATE TYPE "public"."measure_end_reason" AS ENUM('objectives_reached', 'relay', 'moved', 'withdrew', 'no_contact', 'eviction', 'death', 'other');--> statement-breakpoint
CREATE TYPE "public"."measure_orientation" AS ENUM('none', 'watch', 'relay', 'new_measure', 'lease_transfer', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('proposed', 'prescribed', 'validated', 'refused', 'active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."occupancy_option" AS ENUM('direct_lease_with_support', 'direct_lease_without_support', 'sublease_sliding', 'sublease_without_sliding', 'adapted_housing', 'current_home');--> statement-breakpoint
CREATE TYPE "public"."scheme_kind" AS ENUM('access', 'maintenance', 'access_or_maintenance', 'rental_management');--> statement-breakpoint
ALTER TYPE "public"."task_source" ADD VALUE 'measure';--> statement-breakpoint
CREATE TABLE "caseload_capacities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"access_capacity" smallint NOT NULL,
	"maintenance_capacity" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"budget_measures" integer,
	"budget_cents" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "measure_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" text,
	"user_id" uuid,
	"organisation_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_scheme_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"costs" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"funder_organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "scheme_kind" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"scheme_version_id" uuid NOT NULL,
	"status" "measure_status" DEFAULT 'proposed' NOT NULL,
	"referentiel_version" text NOT NULL,
	"briques" text[] DEFAULT '{}'::text[] NOT NULL,
	"visits_per_month" smallint,
	"occupancy" "occupancy_option",
	"operator_organisation_id" uuid NOT NULL,
	"caseworker_user_id" uuid,
	"proposed_by_organisation_id" uuid,
	"initial_months" smallint NOT NULL,
	"criteria_met" text[] DEFAULT '{}'::text[] NOT NULL,
	"state_validation_reference" text,
	"prescribed_on" date,
	"decided_on" date,
	"refusal_reason" text,
	"start_on" date,
	"planned_end_on" date,
	"renewals" smallint DEFAULT 0 NOT NULL,
	"total_months" smallint DEFAULT 0 NOT NULL,
	"ended_on" date,
	"end_reason" "measure_end_reason",
	"orientation" "measure_orientation",
	"watch_months" smallint,
	"relay_organisation_id" uuid,
	"end_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "caseload_capacities" ADD CONSTRAINT "caseload_capacities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_capacities" ADD CONSTRAINT "caseload_capacities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programmes" ADD CONSTRAINT "funding_programmes_scheme_id_measure_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."measure_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programmes" ADD CONSTRAINT "funding_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_events" ADD CONSTRAINT "measure_events_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_events" ADD CONSTRAINT "measure_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_events" ADD CONSTRAINT "measure_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_scheme_versions" ADD CONSTRAINT "measure_scheme_versions_scheme_id_measure_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."measure_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_scheme_versions" ADD CONSTRAINT "measure_scheme_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schemes" ADD CONSTRAINT "measure_schemes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schemes" ADD CONSTRAINT "measure_schemes_funder_organisation_id_organisations_id_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schemes" ADD CONSTRAINT "measure_schemes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_scheme_id_measure_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."measure_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_scheme_version_id_measure_scheme_versions_id_fk" FOREIGN KEY ("scheme_version_id") REFERENCES "public"."measure_scheme_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_operator_organisation_id_organisations_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_caseworker_user_id_users_id_fk" FOREIGN KEY ("caseworker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_proposed_by_organisation_id_organisations_id_fk" FOREIGN KEY ("proposed_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_relay_organisation_id_organisations_id_fk" FOREIGN KEY ("relay_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "caseload_capacities_org_user_uq" ON "caseload_capacities" USING btree ("organisation_id","user_id") WHERE "caseload_capacities"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "caseload_capacities_org_default_uq" ON "caseload_capacities" USING btree ("organisation_id") WHERE "caseload_capacities"."user_id" is null;--> statement-breakpoint
CREATE INDEX "funding_programmes_scheme_idx" ON "funding_programmes" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "measure_events_measure_idx" ON "measure_events" USING btree ("measure_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_scheme_versions_from_uq" ON "measure_scheme_versions" USING btree ("scheme_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_schemes_territory_code_uq" ON "measure_schemes" USING btree ("territory_id","code");--> statement-breakpoint
CREATE INDEX "measures_household_idx" ON "measures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "measures_scheme_status_idx" ON "measures" USING btree ("scheme_id","status");--> statement-breakpoint
CREATE INDEX "measures_caseworker_idx" ON "measures" USING btree ("caseworker_user_id") WHERE "measures"."status" in ('prescribed', 'validated', 'active');