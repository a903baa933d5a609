CREATE TYPE "public"."dwelling_accessibility" AS ENUM('not_accessible', 'adaptable', 'wheelchair_accessible');--> statement-breakpoint
CREATE TYPE "public"."dwelling_financing" AS ENUM('plai', 'plus', 'pls', 'private_conventioned', 'private');--> statement-breakpoint
CREATE TYPE "public"."dwelling_status" AS ENUM('vacant', 'let', 'works', 'made_available');--> statement-breakpoint
CREATE TYPE "public"."lessor_kind" AS ENUM('legal_person', 'natural_person');--> statement-breakpoint
CREATE TYPE "public"."occupancy_kind" AS ENUM('direct_lease', 'sublease', 'bail_glissant', 'transit', 'transit_glissant', 'bail_accompagne', 'management_mandate', 'bail_sauvegarde');--> statement-breakpoint
CREATE TYPE "public"."occupancy_status" AS ENUM('draft', 'active', 'ended');--> statement-breakpoint
CREATE TABLE "dwelling_rents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dwelling_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"monthly_rent_cents" integer NOT NULL,
	"monthly_charges_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupancy_contract_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"event" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupancy_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dwelling_id" uuid NOT NULL,
	"kind" "occupancy_kind" NOT NULL,
	"household_id" uuid,
	"tenant_reference" text,
	"tenant_name" text,
	"lessor_organisation_id" uuid,
	"lessor_name" text,
	"lessor_kind" "lessor_kind" NOT NULL,
	"intermediary_organisation_id" uuid,
	"status" "occupancy_status" DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"start_on" date NOT NULL,
	"end_on" date,
	"end_reason" text,
	"sliding_review_on" date,
	"previous_contract_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "external_reference" text;--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "floor" smallint;--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "lift" boolean;--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "accessibility" "dwelling_accessibility";--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "financing" "dwelling_financing";--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "status" "dwelling_status" DEFAULT 'vacant' NOT NULL;--> statement-breakpoint
ALTER TABLE "dwelling_rents" ADD CONSTRAINT "dwelling_rents_dwelling_id_dwellings_id_fk" FOREIGN KEY ("dwelling_id") REFERENCES "public"."dwellings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contract_events" ADD CONSTRAINT "occupancy_contract_events_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contract_events" ADD CONSTRAINT "occupancy_contract_events_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD CONSTRAINT "occupancy_contracts_dwelling_id_dwellings_id_fk" FOREIGN KEY ("dwelling_id") REFERENCES "public"."dwellings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD CONSTRAINT "occupancy_contracts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD CONSTRAINT "occupancy_contracts_lessor_organisation_id_organisations_id_fk" FOREIGN KEY ("lessor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD CONSTRAINT "occupancy_contracts_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD CONSTRAINT "occupancy_contracts_previous_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("previous_contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD CONSTRAINT "occupancy_contracts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dwelling_rents_dwelling_day_uq" ON "dwelling_rents" USING btree ("dwelling_id","effective_from");--> statement-breakpoint
CREATE INDEX "occupancy_contract_events_contract_idx" ON "occupancy_contract_events" USING btree ("contract_id","occurred_on");--> statement-breakpoint
CREATE INDEX "occupancy_contracts_dwelling_idx" ON "occupancy_contracts" USING btree ("dwelling_id","start_on");--> statement-breakpoint
CREATE INDEX "occupancy_contracts_household_idx" ON "occupancy_contracts" USING btree ("household_id") WHERE "occupancy_contracts"."household_id" is not null;--> statement-breakpoint
CREATE INDEX "occupancy_contracts_lessor_idx" ON "occupancy_contracts" USING btree ("lessor_organisation_id","status");--> statement-breakpoint
CREATE INDEX "occupancy_contracts_intermediary_idx" ON "occupancy_contracts" USING btree ("intermediary_organisation_id","status") WHERE "occupancy_contracts"."intermediary_organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "occupancy_contracts_tenant_reference_idx" ON "occupancy_contracts" USING btree ("lessor_organisation_id","tenant_reference") WHERE "occupancy_contracts"."tenant_reference" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dwellings_landlord_reference_uq" ON "dwellings" USING btree ("landlord_organisation_id","external_reference") WHERE "dwellings"."external_reference" is not null;