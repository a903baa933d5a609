ALTER TABLE "household_parties" ADD COLUMN "consent_id" uuid;--> statement-breakpoint
ALTER TABLE "household_parties" ADD CONSTRAINT "household_parties_consent_id_household_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."household_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- What each access rested on until now: a consent basis on its consent, a referral basis on the
-- household's agreement to that referral.
UPDATE household_parties SET consent_id = source_id WHERE basis = 'consent';--> statement-breakpoint
UPDATE household_parties p SET consent_id = r.agreement_consent_id FROM referrals r
WHERE p.source_id = r.id AND p.basis IN ('referral_made', 'referral_accepted');--> statement-breakpoint
-- An agreement already withdrawn ends the referral accesses that outlived it.
UPDATE household_parties p SET ended_at = c.revoked_at, ended_reason = 'Accord retiré : ' || coalesce(c.revocation_reason, '')
FROM household_consents c
WHERE p.consent_id = c.id AND c.revoked_at IS NOT NULL AND p.ended_at IS NULL;
