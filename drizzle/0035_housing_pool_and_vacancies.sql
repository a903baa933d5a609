CREATE TYPE "public"."accessibility_need" AS ENUM('none', 'reduced_mobility', 'wheelchair');--> statement-breakpoint
CREATE TYPE "public"."support_intensity" AS ENUM('none', 'light', 'reinforced');--> statement-breakpoint
CREATE TYPE "public"."reservation_channel" AS ENUM('prefectoral', 'action_logement', 'collectivite', 'bailleur');--> statement-breakpoint
CREATE TYPE "public"."vacancy_status" AS ENUM('open', 'withdrawn', 'closed');--> statement-breakpoint
CREATE TABLE "housing_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"pool_organisation_id" uuid NOT NULL,
	"typologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"commune_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"accessibility_need" "accessibility_need" NOT NULL,
	"support_intensity" "support_intensity" NOT NULL,
	"priority_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"demand_renewal_due" date,
	"incomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"readiness_at_opening" "readiness_opinion" NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by_user_id" uuid,
	"consent_given_on" date,
	"consent_method" "consent_method",
	"consent_withdrawn_on" date,
	"consent_withdrawal_reason" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dwelling_id" uuid NOT NULL,
	"landlord_organisation_id" uuid NOT NULL,
	"departement_id" uuid,
	"channel" "reservation_channel" NOT NULL,
	"answer_by" date NOT NULL,
	"visit_details" text,
	"visit_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"monthly_rent_cents" integer NOT NULL,
	"monthly_charges_cents" integer NOT NULL,
	"status" "vacancy_status" DEFAULT 'open' NOT NULL,
	"published_by_user_id" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "housing_projects" ADD CONSTRAINT "housing_projects_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_projects" ADD CONSTRAINT "housing_projects_pool_organisation_id_organisations_id_fk" FOREIGN KEY ("pool_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_projects" ADD CONSTRAINT "housing_projects_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_dwelling_id_dwellings_id_fk" FOREIGN KEY ("dwelling_id") REFERENCES "public"."dwellings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_departement_id_territories_id_fk" FOREIGN KEY ("departement_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "housing_projects_household_uq" ON "housing_projects" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "housing_projects_pool_idx" ON "housing_projects" USING btree ("pool_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vacancies_open_dwelling_uq" ON "vacancies" USING btree ("dwelling_id") WHERE "vacancies"."status" = 'open';--> statement-breakpoint
CREATE INDEX "vacancies_landlord_idx" ON "vacancies" USING btree ("landlord_organisation_id","published_at");--> statement-breakpoint
CREATE INDEX "vacancies_departement_open_idx" ON "vacancies" USING btree ("departement_id","answer_by") WHERE "vacancies"."status" = 'open';