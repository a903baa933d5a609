CREATE TABLE "matching_stale_households" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_match_runs" (
	"vacancy_id" uuid PRIMARY KEY NOT NULL,
	"computed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_matches" (
	"vacancy_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"eligible" boolean NOT NULL,
	"refused_on" date,
	"dalo" boolean DEFAULT false NOT NULL,
	"priority_count" smallint DEFAULT 0 NOT NULL,
	"shelter_months" integer,
	"demand_months" integer,
	"effort_percent" double precision,
	"reste_a_vivre_cents" integer,
	"usual_typology" boolean DEFAULT false NOT NULL,
	"wished_commune" boolean DEFAULT false NOT NULL,
	"support_ok" boolean DEFAULT false NOT NULL,
	"adapted_for_need" boolean DEFAULT false NOT NULL,
	"tie_shelter_days" integer DEFAULT -1 NOT NULL,
	"tie_demand_days" integer DEFAULT -1 NOT NULL,
	"tie_dalo_days" integer DEFAULT -1 NOT NULL,
	CONSTRAINT "vacancy_matches_vacancy_id_household_id_pk" PRIMARY KEY("vacancy_id","household_id")
);
--> statement-breakpoint
ALTER TABLE "vacancy_match_runs" ADD CONSTRAINT "vacancy_match_runs_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_matches" ADD CONSTRAINT "vacancy_matches_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_matches" ADD CONSTRAINT "vacancy_matches_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancy_matches_household_idx" ON "vacancy_matches" USING btree ("household_id");--> statement-breakpoint
-- A household whose pairs may be out of date: TG_ARGV[0] names the column holding its id; TG_ARGV[1]
-- is 'always', or 'pooled' to mark only a household with a housing project (the others have no pairs).
CREATE FUNCTION matching_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN ids := ids || (to_jsonb(OLD) ->> TG_ARGV[0])::uuid; END IF;
  IF TG_OP <> 'DELETE' THEN ids := ids || (to_jsonb(NEW) ->> TG_ARGV[0])::uuid; END IF;
  INSERT INTO matching_stale_households (household_id)
    SELECT DISTINCT hid FROM unnest(ids) AS hid
    WHERE hid IS NOT NULL
      AND (TG_ARGV[1] = 'always' OR EXISTS (SELECT 1 FROM housing_projects p WHERE p.household_id = hid))
  ON CONFLICT (household_id) DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON housing_projects
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('household_id', 'always');--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON vacancy_proposals
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('household_id', 'always');--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER UPDATE OR DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('id', 'pooled');--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON household_members
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('household_id', 'pooled');--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON household_resources
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('household_id', 'pooled');--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON household_expenses
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('household_id', 'pooled');--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON measures
  FOR EACH ROW EXECUTE FUNCTION matching_mark_stale('household_id', 'pooled');--> statement-breakpoint
-- A vacancy or its dwelling changed: its pairs are recomputed in full at the next read; a vacancy no
-- longer open has none.
CREATE FUNCTION matching_vacancy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM vacancy_match_runs r USING vacancies v
    WHERE r.vacancy_id = v.id AND (v.id = NEW.id OR v.dwelling_id = NEW.id);
  IF TG_TABLE_NAME = 'vacancies' THEN
    IF NEW.status <> 'open' THEN
      DELETE FROM vacancy_matches m WHERE m.vacancy_id = NEW.id;
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER matching_vacancy_changed AFTER UPDATE ON vacancies
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION matching_vacancy_changed();--> statement-breakpoint
CREATE TRIGGER matching_vacancy_changed AFTER UPDATE ON dwellings
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION matching_vacancy_changed();
