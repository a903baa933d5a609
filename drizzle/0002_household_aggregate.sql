CREATE TYPE "public"."eviction_step" AS ENUM('first_unpaid_rent', 'caf_signal', 'ccapex_referral', 'payment_order', 'summons', 'hearing', 'judgment', 'order_to_leave', 'police_assistance_request', 'police_assistance_granted', 'eviction_executed');--> statement-breakpoint
CREATE TYPE "public"."eviction_step_source" AS ENUM('file', 'referral', 'diagnostic');--> statement-breakpoint
CREATE TYPE "public"."typology" AS ENUM('t1', 't2', 't3', 't4', 't5', 't6');--> statement-breakpoint
CREATE TYPE "public"."task_source" AS ENUM('diagnostic', 'manual', 'alert');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'dismissed');--> statement-breakpoint
CREATE TABLE "eviction_procedure_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"step" "eviction_step" NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"source_type" "eviction_step_source" NOT NULL,
	"source_id" uuid,
	"recorded_by_user_id" uuid,
	"recorded_by_organisation_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eviction_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"tenancy_id" uuid,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"dwelling_id" uuid NOT NULL,
	"landlord_organisation_id" uuid,
	"landlord_name" text,
	"management_unit_id" uuid,
	"tenant_reference" text,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenancy_rents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenancy_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"monthly_rent_cents" integer,
	"monthly_charges_cents" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dwellings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address" text NOT NULL,
	"commune_id" uuid,
	"landlord_organisation_id" uuid,
	"management_unit_id" uuid,
	"typology" "typology",
	"surface_m2" numeric(6, 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid,
	"owner_organisation_id" uuid,
	"due_on" date,
	"source" "task_source" NOT NULL,
	"source_id" uuid,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"closed_reason" text,
	"created_by_user_id" uuid,
	"created_by_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_debts" ADD COLUMN "unpaid_months" integer;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "residence_commune_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "arrears_debt_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "agreement_consent_id" uuid;--> statement-breakpoint
ALTER TABLE "eviction_procedure_steps" ADD CONSTRAINT "eviction_procedure_steps_procedure_id_eviction_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."eviction_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedure_steps" ADD CONSTRAINT "eviction_procedure_steps_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedure_steps" ADD CONSTRAINT "eviction_procedure_steps_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedures" ADD CONSTRAINT "eviction_procedures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedures" ADD CONSTRAINT "eviction_procedures_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_dwelling_id_dwellings_id_fk" FOREIGN KEY ("dwelling_id") REFERENCES "public"."dwellings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancies" ADD CONSTRAINT "tenancies_management_unit_id_management_units_id_fk" FOREIGN KEY ("management_unit_id") REFERENCES "public"."management_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenancy_rents" ADD CONSTRAINT "tenancy_rents_tenancy_id_tenancies_id_fk" FOREIGN KEY ("tenancy_id") REFERENCES "public"."tenancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dwellings" ADD CONSTRAINT "dwellings_commune_id_territories_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dwellings" ADD CONSTRAINT "dwellings_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dwellings" ADD CONSTRAINT "dwellings_management_unit_id_management_units_id_fk" FOREIGN KEY ("management_unit_id") REFERENCES "public"."management_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_organisation_id_organisations_id_fk" FOREIGN KEY ("created_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eviction_procedure_steps_procedure_idx" ON "eviction_procedure_steps" USING btree ("procedure_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "eviction_procedures_open_uq" ON "eviction_procedures" USING btree ("household_id") WHERE "eviction_procedures"."closed_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "tenancies_current_uq" ON "tenancies" USING btree ("household_id") WHERE "tenancies"."end_date" is null;--> statement-breakpoint
CREATE INDEX "tenancies_landlord_idx" ON "tenancies" USING btree ("landlord_organisation_id","management_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenancy_rents_tenancy_day_uq" ON "tenancy_rents" USING btree ("tenancy_id","effective_from");--> statement-breakpoint
CREATE INDEX "dwellings_landlord_idx" ON "dwellings" USING btree ("landlord_organisation_id","management_unit_id");--> statement-breakpoint
CREATE INDEX "dwellings_commune_idx" ON "dwellings" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "tasks_household_idx" ON "tasks" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "tasks_open_user_idx" ON "tasks" USING btree ("owner_user_id","due_on") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_open_organisation_idx" ON "tasks" USING btree ("owner_organisation_id","due_on") WHERE "tasks"."status" = 'open';--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_residence_commune_id_territories_id_fk" FOREIGN KEY ("residence_commune_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_arrears_debt_id_household_debts_id_fk" FOREIGN KEY ("arrears_debt_id") REFERENCES "public"."household_debts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_agreement_consent_id_household_consents_id_fk" FOREIGN KEY ("agreement_consent_id") REFERENCES "public"."household_consents"("id") ON DELETE no action ON UPDATE no action;