-- Data move of the household aggregate (docs/adr/0008-household-aggregate.md): the tenancy columns of
-- households become a dwelling, a tenancy and its first rent; a referral's arrears become the
-- household's rent-arrears debt and its eviction stage a step of the household's procedure; a
-- diagnostic's eviction list and urgent actions become procedure steps and tasks. Every statement
-- only adds what is not there yet, so running it twice changes nothing; the migrator runs it in
-- one transaction with the DDL around it.

-- 1. Tenancies. A household with any lease information gets one; its commune goes to the dwelling.
DROP TABLE IF EXISTS pg_temp."tenancy_moves";--> statement-breakpoint
CREATE TEMP TABLE "tenancy_moves" ON COMMIT DROP AS
SELECT h."id" AS "household_id", gen_random_uuid() AS "dwelling_id", gen_random_uuid() AS "tenancy_id",
  coalesce(h."dwelling_address", h."postal_address", 'Adresse à compléter') AS "address",
  h."dwelling_commune_id", h."landlord_organisation_id", h."management_unit_id", h."landlord_name",
  h."tenant_reference", h."monthly_rent_cents", h."monthly_charges_cents",
  CASE WHEN h."housing_situation" IN ('social_tenant', 'private_tenant', 'sublet') THEN h."housing_since" END AS "start_date",
  h."created_at", h."updated_at"
FROM "households" h
WHERE (h."dwelling_address" IS NOT NULL OR h."landlord_organisation_id" IS NOT NULL OR h."landlord_name" IS NOT NULL
    OR h."tenant_reference" IS NOT NULL OR h."monthly_rent_cents" IS NOT NULL OR h."monthly_charges_cents" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "tenancies" t WHERE t."household_id" = h."id");--> statement-breakpoint
INSERT INTO "dwellings" ("id", "address", "commune_id", "landlord_organisation_id", "management_unit_id", "created_at", "updated_at")
SELECT "dwelling_id", "address", "dwelling_commune_id", "landlord_organisation_id", "management_unit_id", "created_at", "updated_at"
FROM "tenancy_moves";--> statement-breakpoint
INSERT INTO "tenancies" ("id", "household_id", "dwelling_id", "landlord_organisation_id", "landlord_name", "management_unit_id", "tenant_reference", "start_date", "created_at", "updated_at")
SELECT "tenancy_id", "household_id", "dwelling_id", "landlord_organisation_id", "landlord_name", "management_unit_id", "tenant_reference", "start_date", "created_at", "updated_at"
FROM "tenancy_moves";--> statement-breakpoint
INSERT INTO "tenancy_rents" ("tenancy_id", "effective_from", "monthly_rent_cents", "monthly_charges_cents", "created_at")
SELECT "tenancy_id", coalesce("start_date", ("created_at" AT TIME ZONE 'Europe/Paris')::date), "monthly_rent_cents", "monthly_charges_cents", "created_at"
FROM "tenancy_moves"
WHERE "monthly_rent_cents" IS NOT NULL OR "monthly_charges_cents" IS NOT NULL;--> statement-breakpoint
-- A household without a lease keeps its commune as the commune where it lives or is sheltered.
UPDATE "households" h SET "residence_commune_id" = h."dwelling_commune_id"
WHERE h."dwelling_commune_id" IS NOT NULL AND h."residence_commune_id" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "tenancies" t WHERE t."household_id" = h."id");--> statement-breakpoint

-- 2. A referral's arrears: the household's rent-arrears debt toward the referring landlord (one
-- per household and landlord), created when the file had none. The figures the referral reported
-- are kept in its "sent" event, as the referral said them then.
DROP TABLE IF EXISTS pg_temp."arrears_moves";--> statement-breakpoint
CREATE TEMP TABLE "arrears_moves" ON COMMIT DROP AS
SELECT DISTINCT ON (r."household_id", r."from_organisation_id")
  r."household_id", r."from_organisation_id", r."arrears_amount_cents", r."arrears_months",
  coalesce(o."short_name", o."name") AS "creditor",
  (SELECT d."id" FROM "household_debts" d
    WHERE d."household_id" = r."household_id" AND d."kind" = 'rent_arrears' AND d."creditor" IN (o."name", o."short_name")
    ORDER BY d."position" LIMIT 1) AS "debt_id"
FROM "referrals" r JOIN "organisations" o ON o."id" = r."from_organisation_id"
WHERE r."arrears_amount_cents" IS NOT NULL AND r."arrears_debt_id" IS NULL
ORDER BY r."household_id", r."from_organisation_id", r."created_at" DESC;--> statement-breakpoint
ALTER TABLE "arrears_moves" ADD COLUMN "new_debt" boolean NOT NULL DEFAULT false;--> statement-breakpoint
UPDATE "arrears_moves" SET "debt_id" = gen_random_uuid(), "new_debt" = true WHERE "debt_id" IS NULL;--> statement-breakpoint
INSERT INTO "household_debts" ("id", "household_id", "kind", "amount_cents", "unpaid_months", "creditor", "repayment_plan", "position")
SELECT a."debt_id", a."household_id", 'rent_arrears', a."arrears_amount_cents", a."arrears_months", a."creditor", false,
  (SELECT coalesce(max(d."position") + 1, 0) FROM "household_debts" d WHERE d."household_id" = a."household_id")
FROM "arrears_moves" a WHERE a."new_debt";--> statement-breakpoint
UPDATE "household_debts" d SET "unpaid_months" = a."arrears_months"
FROM "arrears_moves" a WHERE d."id" = a."debt_id" AND NOT a."new_debt" AND d."unpaid_months" IS NULL;--> statement-breakpoint
UPDATE "referral_events" e SET "detail" = e."detail" || jsonb_build_object('reportedArrears',
  jsonb_build_object('amountCents', r."arrears_amount_cents", 'months', r."arrears_months"))
FROM "referrals" r
WHERE e."referral_id" = r."id" AND e."type" = 'sent' AND r."arrears_amount_cents" IS NOT NULL
  AND r."arrears_debt_id" IS NULL AND NOT e."detail" ? 'reportedArrears';--> statement-breakpoint
UPDATE "referrals" r SET "arrears_debt_id" = a."debt_id"
FROM "arrears_moves" a
WHERE r."household_id" = a."household_id" AND r."from_organisation_id" = a."from_organisation_id"
  AND r."arrears_amount_cents" IS NOT NULL AND r."arrears_debt_id" IS NULL;--> statement-breakpoint

-- 3. The eviction procedure: one open record per household that a referral or a diagnostic
-- reports a stage of, opened on the earliest report.
DROP TABLE IF EXISTS pg_temp."step_moves";--> statement-breakpoint
CREATE TEMP TABLE "step_moves" ON COMMIT DROP AS
SELECT r."household_id",
  (CASE r."eviction_stage"::text WHEN 'police_assistance' THEN 'police_assistance_request' ELSE r."eviction_stage"::text END)::"eviction_step" AS "step",
  (r."created_at" AT TIME ZONE 'Europe/Paris')::date AS "occurred_on",
  'Étape signalée par la saisine, sa date exacte n’étant pas connue.' AS "note",
  'referral'::"eviction_step_source" AS "source_type", r."id" AS "source_id",
  r."from_user_id" AS "user_id", r."from_organisation_id" AS "organisation_id", r."created_at" AS "recorded_at"
FROM "referrals" r
WHERE r."eviction_stage" IS NOT NULL AND r."eviction_stage" <> 'none'
UNION ALL
SELECT d."household_id",
  (CASE e->>'stage' WHEN 'summons' THEN 'payment_order' WHEN 'assignment' THEN 'summons' WHEN 'judgment' THEN 'judgment'
    WHEN 'police_assistance' THEN 'police_assistance_request' WHEN 'executed' THEN 'eviction_executed' END)::"eviction_step",
  coalesce((e->>'date')::date, (d."created_at" AT TIME ZONE 'Europe/Paris')::date),
  nullif(e->>'notes', ''),
  'diagnostic'::"eviction_step_source", d."id", d."created_by_user_id", d."created_by_organisation_id", d."created_at"
FROM "diagnostics" d, jsonb_array_elements(coalesce(d."content"->'housingHistory'->'evictions', '[]'::jsonb)) e
WHERE e->>'stage' IS NOT NULL;--> statement-breakpoint
INSERT INTO "eviction_procedures" ("household_id", "tenancy_id", "opened_on", "created_at")
SELECT m."household_id",
  (SELECT t."id" FROM "tenancies" t WHERE t."household_id" = m."household_id" AND t."end_date" IS NULL),
  min(m."occurred_on"), min(m."recorded_at")
FROM "step_moves" m
WHERE NOT EXISTS (SELECT 1 FROM "eviction_procedures" p WHERE p."household_id" = m."household_id")
GROUP BY m."household_id";--> statement-breakpoint
INSERT INTO "eviction_procedure_steps" ("procedure_id", "step", "occurred_on", "note", "source_type", "source_id", "recorded_by_user_id", "recorded_by_organisation_id", "recorded_at")
SELECT DISTINCT ON (p."id", m."step", m."occurred_on") p."id", m."step", m."occurred_on", m."note", m."source_type", m."source_id", m."user_id", m."organisation_id", m."recorded_at"
FROM "step_moves" m
JOIN LATERAL (SELECT p."id" FROM "eviction_procedures" p WHERE p."household_id" = m."household_id" ORDER BY p."closed_on" IS NULL DESC, p."opened_on" DESC LIMIT 1) p ON true
WHERE NOT EXISTS (SELECT 1 FROM "eviction_procedure_steps" s WHERE s."procedure_id" = p."id" AND s."step" = m."step" AND s."occurred_on" = m."occurred_on")
ORDER BY p."id", m."step", m."occurred_on", m."recorded_at";--> statement-breakpoint

-- 4. A diagnostic's urgent actions become the household's tasks (an action copied into later
-- versions is one task: its id is kept, the latest version wins).
INSERT INTO "tasks" ("id", "household_id", "title", "owner_user_id", "owner_organisation_id", "due_on", "source", "source_id", "status", "closed_at", "closed_by_user_id", "created_by_user_id", "created_by_organisation_id", "created_at", "updated_at")
SELECT DISTINCT ON ((a->>'id')::uuid) (a->>'id')::uuid, d."household_id", a->>'label',
  (a->>'ownerUserId')::uuid, (a->>'ownerOrganisationId')::uuid, (a->>'dueOn')::date,
  'diagnostic', d."id",
  (CASE WHEN (a->>'done')::boolean THEN 'done' ELSE 'open' END)::"task_status",
  CASE WHEN (a->>'done')::boolean THEN d."updated_at" END,
  CASE WHEN (a->>'done')::boolean THEN d."created_by_user_id" END,
  d."created_by_user_id", d."created_by_organisation_id", d."created_at", d."updated_at"
FROM "diagnostics" d, jsonb_array_elements(coalesce(d."content"->'urgentActions', '[]'::jsonb)) a
ORDER BY (a->>'id')::uuid, d."version" DESC
ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint

-- 5. Their copies leave the diagnostics: the procedure and the tasks are their only home now.
UPDATE "diagnostics" SET "content" = ("content" - 'urgentActions') #- '{housingHistory,evictions}'
WHERE "content" ? 'urgentActions' OR "content"->'housingHistory' ? 'evictions';
