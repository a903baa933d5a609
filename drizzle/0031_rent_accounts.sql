CREATE TYPE "public"."rent_account_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rent_payment_method" AS ENUM('transfer', 'cash', 'cheque', 'benefit', 'fsl');--> statement-breakpoint
CREATE TYPE "public"."rent_posting_kind" AS ENUM('rent_call', 'charges_call', 'charges_regularisation', 'occupancy_indemnity', 'procedure_costs', 'rls', 'carried_over', 'housing_benefit', 'payment', 'transfer_out', 'aid_credit', 'debt_write_off', 'counter_entry');--> statement-breakpoint
CREATE TYPE "public"."repayment_plan_status" AS ENUM('active', 'superseded');--> statement-breakpoint
CREATE TABLE "rent_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"status" "rent_account_status" DEFAULT 'open' NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_accounts_contract_id_unique" UNIQUE("contract_id")
);
--> statement-breakpoint
CREATE TABLE "rent_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "rent_postings_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"kind" "rent_posting_kind" NOT NULL,
	"amount_cents" integer NOT NULL,
	"posted_on" date NOT NULL,
	"period_month" text,
	"method" "rent_payment_method",
	"label" text,
	"reverses_posting_id" uuid,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_postings_reverses_posting_id_unique" UNIQUE("reverses_posting_id")
);
--> statement-breakpoint
CREATE TABLE "repayment_plan_misses" (
	"plan_id" uuid NOT NULL,
	"month" text NOT NULL,
	"shortfall_cents" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repayment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "repayment_plan_status" DEFAULT 'active' NOT NULL,
	"debt_cents" integer NOT NULL,
	"instalment_count" integer NOT NULL,
	"start_month" text NOT NULL,
	"note" text,
	"supersedes_plan_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "rent_accounts" ADD CONSTRAINT "rent_accounts_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_accounts" ADD CONSTRAINT "rent_accounts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_postings" ADD CONSTRAINT "rent_postings_account_id_rent_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."rent_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_postings" ADD CONSTRAINT "rent_postings_reverses_posting_id_rent_postings_id_fk" FOREIGN KEY ("reverses_posting_id") REFERENCES "public"."rent_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_postings" ADD CONSTRAINT "rent_postings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plan_misses" ADD CONSTRAINT "repayment_plan_misses_plan_id_repayment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."repayment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_account_id_rent_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."rent_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_supersedes_plan_id_repayment_plans_id_fk" FOREIGN KEY ("supersedes_plan_id") REFERENCES "public"."repayment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_plans" ADD CONSTRAINT "repayment_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rent_postings_account_idx" ON "rent_postings" USING btree ("account_id","posted_on","seq");--> statement-breakpoint
CREATE INDEX "rent_postings_calls_idx" ON "rent_postings" USING btree ("account_id","period_month") WHERE "rent_postings"."period_month" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_plan_misses_uq" ON "repayment_plan_misses" USING btree ("plan_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_plans_account_version_uq" ON "repayment_plans" USING btree ("account_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "repayment_plans_active_uq" ON "repayment_plans" USING btree ("account_id") WHERE "repayment_plans"."status" = 'active';