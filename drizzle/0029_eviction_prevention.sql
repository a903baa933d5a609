CREATE TYPE "public"."benefit_payee" AS ENUM('landlord', 'tenant', 'none');--> statement-breakpoint
CREATE TYPE "public"."instrument_status" AS ENUM('considered', 'requested', 'granted', 'refused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."prevention_instrument" AS ENUM('fsl_maintien', 'repayment_plan', 'protocol', 'over_indebtedness', 'payment_delays', 'sublease_or_sauvegarde', 'transfer');--> statement-breakpoint
CREATE TABLE "eviction_procedure_balances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eviction_procedure_facts" (
	"procedure_id" uuid PRIMARY KEY NOT NULL,
	"lease_signed_on" date,
	"lessor_kind" "lessor_kind",
	"monthly_rent_cents" integer,
	"monthly_charges_cents" integer,
	"monthly_benefit_cents" integer,
	"benefit_paid_to" "benefit_payee" DEFAULT 'none' NOT NULL,
	"hearing_scheduled_on" date,
	"followed_by_user_id" uuid,
	"followed_by_organisation_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prevention_instrument_states" (
	"instrument_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" "instrument_status" NOT NULL,
	"on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prevention_instrument_states_instrument_id_position_pk" PRIMARY KEY("instrument_id","position")
);
--> statement-breakpoint
CREATE TABLE "prevention_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"instrument" "prevention_instrument" NOT NULL,
	"status" "instrument_status" NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eviction_procedure_balances" ADD CONSTRAINT "eviction_procedure_balances_procedure_id_eviction_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."eviction_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedure_balances" ADD CONSTRAINT "eviction_procedure_balances_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedure_facts" ADD CONSTRAINT "eviction_procedure_facts_procedure_id_eviction_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."eviction_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedure_facts" ADD CONSTRAINT "eviction_procedure_facts_followed_by_user_id_users_id_fk" FOREIGN KEY ("followed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eviction_procedure_facts" ADD CONSTRAINT "eviction_procedure_facts_followed_by_organisation_id_organisations_id_fk" FOREIGN KEY ("followed_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_instrument_states" ADD CONSTRAINT "prevention_instrument_states_instrument_id_prevention_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."prevention_instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_instrument_states" ADD CONSTRAINT "prevention_instrument_states_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_instruments" ADD CONSTRAINT "prevention_instruments_procedure_id_eviction_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."eviction_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eviction_procedure_balances_day_uq" ON "eviction_procedure_balances" USING btree ("procedure_id","on");--> statement-breakpoint
CREATE INDEX "prevention_instruments_procedure_idx" ON "prevention_instruments" USING btree ("procedure_id");