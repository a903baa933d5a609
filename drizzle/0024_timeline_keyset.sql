DROP INDEX "journal_entries_household_idx";--> statement-breakpoint
CREATE INDEX "journal_entries_household_idx" ON "journal_entries" USING btree ("household_id","occurred_at" DESC NULLS LAST,"id");