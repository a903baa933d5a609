ALTER TABLE "households" DROP CONSTRAINT "households_dwelling_commune_id_territories_id_fk";
--> statement-breakpoint
ALTER TABLE "households" DROP CONSTRAINT "households_landlord_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "households" DROP CONSTRAINT "households_management_unit_id_management_units_id_fk";
--> statement-breakpoint
DROP INDEX "households_landlord_idx";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "dwelling_address";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "dwelling_commune_id";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "landlord_organisation_id";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "management_unit_id";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "landlord_name";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "tenant_reference";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "monthly_rent_cents";--> statement-breakpoint
ALTER TABLE "households" DROP COLUMN "monthly_charges_cents";--> statement-breakpoint
ALTER TABLE "referrals" DROP COLUMN "arrears_amount_cents";--> statement-breakpoint
ALTER TABLE "referrals" DROP COLUMN "arrears_months";--> statement-breakpoint
ALTER TABLE "referrals" DROP COLUMN "eviction_stage";--> statement-breakpoint
DROP TYPE "public"."eviction_stage";