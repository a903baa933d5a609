CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
ALTER TABLE "household_parties" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "household_parties_search_trgm_idx" ON "household_parties" USING gin ("organisation_id","search_text" gin_trgm_ops) WHERE "household_parties"."ended_at" is null;--> statement-breakpoint
-- household_parties.search_text is a copy of households.search_text, so that an organisation's
-- search reads one index over its own current parties. Triggers keep it whoever writes (the app,
-- the demo loader, the bench generator, a manual fix).
CREATE FUNCTION "household_parties_copy_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := coalesce((SELECT h.search_text FROM households h WHERE h.id = NEW.household_id), '');
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "household_parties_search_text" BEFORE INSERT OR UPDATE OF "household_id", "search_text" ON "household_parties" FOR EACH ROW EXECUTE FUNCTION "household_parties_copy_search_text"();--> statement-breakpoint
CREATE FUNCTION "households_propagate_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE household_parties SET search_text = NEW.search_text WHERE household_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "households_search_text" AFTER UPDATE OF "search_text" ON "households" FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text) EXECUTE FUNCTION "households_propagate_search_text"();--> statement-breakpoint
UPDATE "household_parties" p SET "search_text" = h."search_text" FROM "households" h WHERE h."id" = p."household_id";
