CREATE TYPE "public"."aid_form" AS ENUM('grant', 'loan', 'guarantee');--> statement-breakpoint
CREATE TYPE "public"."aid_kind" AS ENUM('fsl_acces_installation', 'fsl_acces_guarantee', 'fsl_maintien', 'loca_pass', 'visale', 'fsl_association_guarantee', 'aide_sur_quittance', 'small_grant');--> statement-breakpoint
CREATE TYPE "public"."aid_payee" AS ENUM('household', 'landlord', 'association', 'rent_account');--> statement-breakpoint
CREATE TYPE "public"."aid_status" AS ENUM('requested', 'granted', 'refused', 'paid');--> statement-breakpoint
CREATE TYPE "public"."convention_fee_mode" AS ENUM('per_dwelling_year', 'rent_share');--> statement-breakpoint
CREATE TYPE "public"."gla_task_kind" AS ENUM('monthly_contact', 'yearly_visit', 'technical_check', 'consumption_review');--> statement-breakpoint
CREATE TABLE "housing_aid_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aid_id" uuid NOT NULL,
	"status" "aid_status" NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_cents" integer,
	"note" text,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_aids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" "aid_kind" NOT NULL,
	"form" "aid_form" NOT NULL,
	"funder_name" text NOT NULL,
	"funder_organisation_id" uuid,
	"payee" "aid_payee" NOT NULL,
	"payee_organisation_id" uuid,
	"contract_id" uuid,
	"status" "aid_status" DEFAULT 'requested' NOT NULL,
	"requested_on" date NOT NULL,
	"amount_requested_cents" integer NOT NULL,
	"decided_on" date,
	"amount_granted_cents" integer,
	"refusal_reason" text,
	"amount_paid_cents" integer DEFAULT 0 NOT NULL,
	"last_paid_on" date,
	"months" smallint,
	"renews_aid_id" uuid,
	"repayment_schedule" jsonb,
	"note" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "convention_dwellings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convention_id" uuid NOT NULL,
	"dwelling_id" uuid NOT NULL,
	"occupancy_kind" "occupancy_kind" NOT NULL,
	"available_from" date NOT NULL,
	"available_until" date,
	"gla" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gla_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convention_dwelling_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"kind" "gla_task_kind" NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_conventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_organisation_id" uuid NOT NULL,
	"association_organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"fee_mode" "convention_fee_mode" NOT NULL,
	"fee_per_dwelling_year_cents" integer,
	"fee_rent_share_per_mille" smallint,
	"commitments" text[] DEFAULT '{}'::text[] NOT NULL,
	"referentiel_version" text NOT NULL,
	"briques" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "housing_aid_events" ADD CONSTRAINT "housing_aid_events_aid_id_housing_aids_id_fk" FOREIGN KEY ("aid_id") REFERENCES "public"."housing_aids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aid_events" ADD CONSTRAINT "housing_aid_events_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_funder_organisation_id_organisations_id_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_payee_organisation_id_organisations_id_fk" FOREIGN KEY ("payee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_renews_aid_id_housing_aids_id_fk" FOREIGN KEY ("renews_aid_id") REFERENCES "public"."housing_aids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD CONSTRAINT "convention_dwellings_convention_id_partnership_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."partnership_conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD CONSTRAINT "convention_dwellings_dwelling_id_dwellings_id_fk" FOREIGN KEY ("dwelling_id") REFERENCES "public"."dwellings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_dwellings" ADD CONSTRAINT "convention_dwellings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gla_tasks" ADD CONSTRAINT "gla_tasks_convention_dwelling_id_convention_dwellings_id_fk" FOREIGN KEY ("convention_dwelling_id") REFERENCES "public"."convention_dwellings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_conventions" ADD CONSTRAINT "partnership_conventions_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_conventions" ADD CONSTRAINT "partnership_conventions_association_organisation_id_organisations_id_fk" FOREIGN KEY ("association_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_conventions" ADD CONSTRAINT "partnership_conventions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "housing_aid_events_aid_idx" ON "housing_aid_events" USING btree ("aid_id","occurred_on");--> statement-breakpoint
CREATE INDEX "housing_aids_household_idx" ON "housing_aids" USING btree ("household_id","requested_on");--> statement-breakpoint
CREATE INDEX "housing_aids_renews_idx" ON "housing_aids" USING btree ("renews_aid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "convention_dwellings_uq" ON "convention_dwellings" USING btree ("convention_id","dwelling_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gla_tasks_uq" ON "gla_tasks" USING btree ("convention_dwelling_id","kind","due_on");--> statement-breakpoint
CREATE INDEX "partnership_conventions_landlord_idx" ON "partnership_conventions" USING btree ("landlord_organisation_id");--> statement-breakpoint
CREATE INDEX "partnership_conventions_association_idx" ON "partnership_conventions" USING btree ("association_organisation_id");