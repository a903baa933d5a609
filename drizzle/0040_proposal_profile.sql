ALTER TABLE "vacancy_proposals" ADD COLUMN "profile" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- The household as it is when it is proposed, kept with the proposal for the fairness view (the
-- profile at designation, not as the file stands later). Whatever inserts the row, the trigger
-- writes it; rows written before this migration take the household as it stands today.
CREATE FUNCTION vacancy_proposal_profile(p_household_id uuid, p_project_id uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'members', (
      SELECT coalesce(jsonb_agg(jsonb_build_object('relationship', m.relationship, 'birthDate', m.birth_date)), '[]'::jsonb)
      FROM household_members m WHERE m.household_id = p_household_id),
    'monthlyResourcesCents', (
      SELECT coalesce(sum(r.monthly_amount_cents), 0)::int
      FROM household_resources r WHERE r.household_id = p_household_id),
    'housingSituation', h.housing_situation,
    'daloRecognised', h.dalo_recognised,
    'priorityCategories', to_jsonb(hp.priority_categories),
    'readySince', hp.opened_on)
  FROM households h, housing_projects hp
  WHERE h.id = p_household_id AND hp.id = p_project_id
$$;
--> statement-breakpoint
CREATE FUNCTION vacancy_proposal_profile_on_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.profile := vacancy_proposal_profile(NEW.household_id, NEW.project_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER vacancy_proposal_profile BEFORE INSERT ON vacancy_proposals
  FOR EACH ROW EXECUTE FUNCTION vacancy_proposal_profile_on_insert();
--> statement-breakpoint
UPDATE vacancy_proposals SET profile = vacancy_proposal_profile(household_id, project_id);
