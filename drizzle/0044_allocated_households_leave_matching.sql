-- A household given a dwelling is proposed nowhere else (the hard filter « allocated »). Whether an
-- allocation by classement gives it the dwelling depends on the answers of those ranked before it:
-- a change to any proposal of a vacancy marks every household proposed on it.
CREATE FUNCTION matching_proposal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vacancy_ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN vacancy_ids := vacancy_ids || OLD.vacancy_id; END IF;
  IF TG_OP <> 'DELETE' THEN vacancy_ids := vacancy_ids || NEW.vacancy_id; END IF;
  INSERT INTO matching_stale_households (household_id)
    SELECT DISTINCT p.household_id FROM vacancy_proposals p WHERE p.vacancy_id = ANY (vacancy_ids)
    UNION
    SELECT OLD.household_id WHERE TG_OP = 'DELETE'
  ON CONFLICT (household_id) DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER matching_stale ON vacancy_proposals;--> statement-breakpoint
CREATE TRIGGER matching_stale AFTER INSERT OR UPDATE OR DELETE ON vacancy_proposals
  FOR EACH ROW EXECUTE FUNCTION matching_proposal_changed();--> statement-breakpoint
-- Every vacancy's pairs are recomputed with the new filter at its next read, or by the refresh job.
DELETE FROM vacancy_match_runs;
