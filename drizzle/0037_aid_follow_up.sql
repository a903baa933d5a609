CREATE TABLE "housing_aid_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aid_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_settings" ADD COLUMN "aid_decision_days" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "housing_aids" ADD COLUMN "requested_by_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "housing_aid_repayments" ADD CONSTRAINT "housing_aid_repayments_aid_id_housing_aids_id_fk" FOREIGN KEY ("aid_id") REFERENCES "public"."housing_aids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_aid_repayments" ADD CONSTRAINT "housing_aid_repayments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "housing_aid_repayments_aid_idx" ON "housing_aid_repayments" USING btree ("aid_id","paid_on");--> statement-breakpoint
ALTER TABLE "housing_aids" ADD CONSTRAINT "housing_aids_requested_by_organisation_id_organisations_id_fk" FOREIGN KEY ("requested_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;