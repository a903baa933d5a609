CREATE TYPE "public"."commission_decision" AS ENUM('allocation', 'allocation_by_rank', 'conditional', 'non_allocation', 'rejection', 'landlord_refusal');--> statement-breakpoint
CREATE TYPE "public"."proposal_answer" AS ENUM('accepted', 'refused', 'silence');--> statement-breakpoint
CREATE TYPE "public"."proposed_occupancy" AS ENUM('direct_lease', 'bail_glissant', 'sublease');--> statement-breakpoint
CREATE TYPE "public"."refusal_reason" AS ENUM('size', 'location', 'cost', 'accessibility', 'dwelling_condition', 'schooling_work', 'safety', 'health', 'resources_over_ceiling', 'incomplete_file', 'household_not_ready', 'other_candidate_preferred', 'no_answer', 'other');--> statement-breakpoint
ALTER TYPE "public"."committee_kind" ADD VALUE 'designation';--> statement-breakpoint
CREATE TABLE "matching_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"params" jsonb NOT NULL,
	"note" text NOT NULL,
	"adopted_by_organisation_id" uuid NOT NULL,
	"adopted_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"meeting_id" uuid,
	"designated_on" date NOT NULL,
	"policy_version" integer NOT NULL,
	"fewer_reason" text,
	"designated_by_organisation_id" uuid NOT NULL,
	"designated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"designation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"pool_organisation_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"occupancy" "proposed_occupancy" NOT NULL,
	"notified_on" date NOT NULL,
	"answer_due" date NOT NULL,
	"explanation" jsonb NOT NULL,
	"answer" "proposal_answer",
	"answer_reason" "refusal_reason",
	"answer_note" text,
	"answered_on" date,
	"answer_recorded_by_user_id" uuid,
	"decision" "commission_decision",
	"decision_rank" smallint,
	"decision_condition" text,
	"condition_due" date,
	"decision_reason" "refusal_reason",
	"decision_note" text,
	"decided_on" date,
	"decided_by_user_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "housing_projects" ADD COLUMN "demand_filed_on" date;--> statement-breakpoint
ALTER TABLE "matching_policies" ADD CONSTRAINT "matching_policies_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_policies" ADD CONSTRAINT "matching_policies_adopted_by_organisation_id_organisations_id_fk" FOREIGN KEY ("adopted_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_policies" ADD CONSTRAINT "matching_policies_adopted_by_user_id_users_id_fk" FOREIGN KEY ("adopted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_designated_by_organisation_id_organisations_id_fk" FOREIGN KEY ("designated_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_designated_by_user_id_users_id_fk" FOREIGN KEY ("designated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_designation_id_designations_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."designations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_project_id_housing_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."housing_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_pool_organisation_id_organisations_id_fk" FOREIGN KEY ("pool_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_answer_recorded_by_user_id_users_id_fk" FOREIGN KEY ("answer_recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_proposals" ADD CONSTRAINT "vacancy_proposals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matching_policies_territory_version_uq" ON "matching_policies" USING btree ("territory_id","version");--> statement-breakpoint
CREATE INDEX "designations_vacancy_idx" ON "designations" USING btree ("vacancy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vacancy_proposals_vacancy_household_uq" ON "vacancy_proposals" USING btree ("vacancy_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vacancy_proposals_designation_rank_uq" ON "vacancy_proposals" USING btree ("designation_id","rank");--> statement-breakpoint
CREATE INDEX "vacancy_proposals_household_idx" ON "vacancy_proposals" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "vacancy_proposals_pool_idx" ON "vacancy_proposals" USING btree ("pool_organisation_id","created_at");