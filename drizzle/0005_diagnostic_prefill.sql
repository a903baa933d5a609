ALTER TABLE "diagnostics" ADD COLUMN "prefilled" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Partner versions already shared keep what they said of the eviction procedure, in the shape partner
-- versions now have: its steps (step and date) beside the content, as 0003 did for the diagnostics.
UPDATE "diagnostic_shares" s SET "snapshot" = jsonb_set(
  CASE WHEN (s."snapshot"->'content'->'housingHistory') - 'evictions' = '{}'::jsonb
    THEN s."snapshot" #- '{content,housingHistory}'
    ELSE s."snapshot" #- '{content,housingHistory,evictions}' END,
  '{evictionSteps}',
  coalesce((SELECT jsonb_agg(jsonb_build_object('step', m."step", 'occurredOn', m."occurred_on") ORDER BY m."occurred_on")
    FROM (SELECT CASE e->>'stage' WHEN 'summons' THEN 'payment_order' WHEN 'assignment' THEN 'summons' WHEN 'judgment' THEN 'judgment'
        WHEN 'police_assistance' THEN 'police_assistance_request' WHEN 'executed' THEN 'eviction_executed' END AS "step",
        coalesce(e->>'date', ((d."created_at" AT TIME ZONE 'Europe/Paris')::date)::text) AS "occurred_on"
      FROM jsonb_array_elements(coalesce(s."snapshot"->'content'->'housingHistory'->'evictions', '[]'::jsonb)) e
      WHERE e->>'stage' IS NOT NULL) m), '[]'::jsonb))
FROM "diagnostics" d
WHERE d."id" = s."diagnostic_id" AND NOT s."snapshot" ? 'evictionSteps';
--> statement-breakpoint
-- Urgent actions are no section of the diagnostic any more (0003 moved them to tasks): their authors go too.
UPDATE "diagnostics" SET "authorship" = "authorship" - 'urgentActions' WHERE "authorship" ? 'urgentActions';
