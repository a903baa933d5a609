-- What the pairs' effort rates and restes à vivre are computed with changed: a département's budget
-- convention drops the runs of its vacancies, a housing-benefit scale every run; each vacancy's pairs
-- are recomputed at its next read (or by the refresh job), not at the next day's.
CREATE FUNCTION matching_convention_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM vacancy_match_runs r USING vacancies v
    WHERE r.vacancy_id = v.id AND v.departement_id IN (
      SELECT territory_id FROM changed_conventions);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER matching_convention_inserted AFTER INSERT ON budget_conventions
  REFERENCING NEW TABLE AS changed_conventions
  FOR EACH STATEMENT EXECUTE FUNCTION matching_convention_changed();--> statement-breakpoint
CREATE TRIGGER matching_convention_updated AFTER UPDATE ON budget_conventions
  REFERENCING NEW TABLE AS changed_conventions
  FOR EACH STATEMENT EXECUTE FUNCTION matching_convention_changed();--> statement-breakpoint
CREATE TRIGGER matching_convention_deleted AFTER DELETE ON budget_conventions
  REFERENCING OLD TABLE AS changed_conventions
  FOR EACH STATEMENT EXECUTE FUNCTION matching_convention_changed();--> statement-breakpoint
CREATE FUNCTION matching_scales_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM vacancy_match_runs;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER matching_scales_changed AFTER INSERT OR UPDATE OR DELETE ON housing_benefit_scales
  FOR EACH STATEMENT EXECUTE FUNCTION matching_scales_changed();
