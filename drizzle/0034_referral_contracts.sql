CREATE TABLE "referral_contracts" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral_contracts" ADD CONSTRAINT "referral_contracts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contracts" ADD CONSTRAINT "referral_contracts_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_contracts_contract_idx" ON "referral_contracts" USING btree ("contract_id");