CREATE TYPE "public"."contract_party" AS ENUM('household', 'association', 'landlord');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('draft', 'signing', 'in_force', 'replaced');--> statement-breakpoint
CREATE TYPE "public"."signature_method" AS ENUM('drawn', 'typed', 'in_app');--> statement-breakpoint
CREATE TABLE "support_contract_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"party" "contract_party" NOT NULL,
	"method" "signature_method" NOT NULL,
	"signer_name" text NOT NULL,
	"signature_png" text,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"witness_name" text,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_contract_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "contract_status" DEFAULT 'draft' NOT NULL,
	"terms" jsonb NOT NULL,
	"landlord_organisation_id" uuid,
	"objectives" jsonb NOT NULL,
	"commitments" jsonb NOT NULL,
	"modalities" jsonb NOT NULL,
	"clauses" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"in_force_at" timestamp with time zone,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "support_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_contract_signatures" ADD CONSTRAINT "support_contract_signatures_version_id_support_contract_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."support_contract_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_signatures" ADD CONSTRAINT "support_contract_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_signatures" ADD CONSTRAINT "support_contract_signatures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_versions" ADD CONSTRAINT "support_contract_versions_contract_id_support_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."support_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_versions" ADD CONSTRAINT "support_contract_versions_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_versions" ADD CONSTRAINT "support_contract_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contracts" ADD CONSTRAINT "support_contracts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contracts" ADD CONSTRAINT "support_contracts_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contracts" ADD CONSTRAINT "support_contracts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_contract_signatures_party_uq" ON "support_contract_signatures" USING btree ("version_id","party");--> statement-breakpoint
CREATE UNIQUE INDEX "support_contract_versions_number_uq" ON "support_contract_versions" USING btree ("contract_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "support_contract_versions_in_force_uq" ON "support_contract_versions" USING btree ("contract_id") WHERE "support_contract_versions"."status" = 'in_force';--> statement-breakpoint
CREATE UNIQUE INDEX "support_contract_versions_open_uq" ON "support_contract_versions" USING btree ("contract_id") WHERE "support_contract_versions"."status" in ('draft', 'signing');--> statement-breakpoint
CREATE UNIQUE INDEX "support_contracts_measure_uq" ON "support_contracts" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "support_contracts_household_idx" ON "support_contracts" USING btree ("household_id");