CREATE TYPE "public"."stock_import_kind" AS ENUM('stock', 'arrears');--> statement-breakpoint
CREATE TYPE "public"."stock_import_state" AS ENUM('uploaded', 'checking', 'rejected', 'checked', 'applied');--> statement-breakpoint
CREATE TABLE "arrears_balances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"balance_cents" integer NOT NULL,
	"months_of_arrears" numeric(5, 1),
	"import_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_thresholds" (
	"landlord_organisation_id" uuid PRIMARY KEY NOT NULL,
	"months" numeric(4, 1) DEFAULT 2 NOT NULL,
	"amount_cents" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_import_lines" (
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"reference" text,
	"tenant_reference" text,
	"values" jsonb,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "stock_import_lines_run_id_line_pk" PRIMARY KEY("run_id","line")
);
--> statement-breakpoint
CREATE TABLE "stock_import_mappings" (
	"landlord_organisation_id" uuid NOT NULL,
	"kind" "stock_import_kind" NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_import_mappings_landlord_organisation_id_kind_pk" PRIMARY KEY("landlord_organisation_id","kind")
);
--> statement-breakpoint
CREATE TABLE "stock_import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_organisation_id" uuid NOT NULL,
	"kind" "stock_import_kind" NOT NULL,
	"file_name" text NOT NULL,
	"columns" text[] DEFAULT '{}'::text[] NOT NULL,
	"cells" jsonb NOT NULL,
	"line_numbers" integer[] NOT NULL,
	"mapping" jsonb,
	"state" "stock_import_state" DEFAULT 'uploaded' NOT NULL,
	"total_lines" integer NOT NULL,
	"checked_lines" integer DEFAULT 0 NOT NULL,
	"rejected_lines" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "arrears_balances" ADD CONSTRAINT "arrears_balances_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_balances" ADD CONSTRAINT "arrears_balances_import_run_id_stock_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."stock_import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_thresholds" ADD CONSTRAINT "arrears_thresholds_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_import_lines" ADD CONSTRAINT "stock_import_lines_run_id_stock_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."stock_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_import_mappings" ADD CONSTRAINT "stock_import_mappings_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_import_runs" ADD CONSTRAINT "stock_import_runs_landlord_organisation_id_organisations_id_fk" FOREIGN KEY ("landlord_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_import_runs" ADD CONSTRAINT "stock_import_runs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_balances_contract_day_uq" ON "arrears_balances" USING btree ("contract_id","as_of");--> statement-breakpoint
CREATE INDEX "stock_import_lines_reference_idx" ON "stock_import_lines" USING btree ("run_id","reference");--> statement-breakpoint
CREATE INDEX "stock_import_lines_tenant_idx" ON "stock_import_lines" USING btree ("run_id","tenant_reference");--> statement-breakpoint
CREATE INDEX "stock_import_runs_landlord_idx" ON "stock_import_runs" USING btree ("landlord_organisation_id","created_at");