ALTER TABLE "vacancy_matches" ADD COLUMN "file_number" integer;--> statement-breakpoint
-- The pairs kept so far take their household's file number (it never changes).
UPDATE "vacancy_matches" m SET "file_number" = h."file_number" FROM "households" h WHERE h."id" = m."household_id";--> statement-breakpoint
ALTER TABLE "vacancy_matches" ALTER COLUMN "file_number" SET NOT NULL;
