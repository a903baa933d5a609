import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { buildDemoData, type DemoData } from '../../src/demo/build-demo.ts';
import { EVICTION_STEPS } from '../../src/shared/contracts/household-enums.ts';
import { managementUnits, organisations, territories } from '../../src/modules/organisations/schema.ts';
import { memberships, users } from '../../src/modules/identity/schema.ts';
import {
  householdConsents,
  householdExpenses,
  householdHousingHistory,
  householdMembers,
  householdParties,
  householdResources,
} from '../../src/modules/households/schema.ts';
import { migrationsFolder } from '../../src/kernel/db.ts';
import { emptyDatabase, migrationsUpTo, type Scratch } from '../helpers/migrations.ts';

/**
 * The migration that carves the tenancy and the eviction procedure out of the household (0002 to
 * 0004), run on a database holding the demo territory as the previous version stored it: every
 * lease becomes a dwelling, a tenancy and its rent; every referral's arrears the household's debt
 * and its eviction stage a step of the procedure; every diagnostic's urgent action a task and its
 * eviction list procedure steps — nothing lost, and the data move run twice changes nothing.
 */
const BEFORE = '0001_households_party_search';
const DATA_MOVE = '0003_move_to_tenancies_and_procedures';
const NOW = new Date('2026-12-06T10:00:00Z');

/**
 * Inserts rows given with their column names, in chunks (the old shape has no Drizzle table any more).
 * A column a row does not name takes its default.
 */
async function insertRows(s: Scratch, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const columns = [...new Set(chunk.flatMap((r) => Object.keys(r)))];
    const values = chunk.map(
      (r) =>
        sql`(${sql.join(
          columns.map((c) => {
            const v = r[c];
            if (v === undefined) return sql`default`;
            return v !== null && typeof v === 'object' && !(v instanceof Date)
              ? sql`${JSON.stringify(v)}::jsonb`
              : sql`${v}`;
          }),
          sql`, `,
        )})`,
    );
    await s.run(
      sql`insert into ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      )}) values ${sql.join(values, sql`, `)}`,
    );
  }
}

const OLD_REFERRAL_STAGE: Partial<Record<string, string>> = {
  payment_order: 'payment_order',
  summons: 'summons',
  judgment: 'judgment',
  order_to_leave: 'order_to_leave',
  police_assistance_request: 'police_assistance',
};
const OLD_DIAGNOSTIC_STAGE: Partial<Record<string, string>> = {
  payment_order: 'summons',
  summons: 'assignment',
  judgment: 'judgment',
  police_assistance_request: 'police_assistance',
  eviction_executed: 'executed',
};

/**
 * Rows of a table the migration leaves alone, with only the columns they set: a column added to the
 * table since (which the old database lacks) is left out, where Drizzle would name every column.
 */
const setColumns = (table: Table, rows: readonly object[]) => {
  const columns = getTableColumns(table);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [columns[key]!.name, value]),
    ),
  );
};

/** The demo as the previous version stored it: tenancy columns on households, copies elsewhere. */
async function loadOldDemo(s: Scratch, data: DemoData) {
  await insertRows(s, 'territories', setColumns(territories, data.territories));
  // The CCAPEX type came with migration 0011: before it, a commission was recorded as « other ».
  await insertRows(
    s,
    'organisations',
    setColumns(
      organisations,
      data.organisations.map((o) => (o.type === 'ccapex' ? { ...o, type: 'other' as const } : o)),
    ),
  );
  await insertRows(s, 'management_units', setColumns(managementUnits, data.managementUnits));
  await insertRows(s, 'users', setColumns(users, data.users));
  await insertRows(s, 'memberships', setColumns(memberships, data.memberships));
  const tenancyOf = (householdId: string) => data.tenancies.find((t) => t.householdId === householdId);
  await insertRows(
    s,
    'households',
    data.households.map((h) => {
      const tenancy = tenancyOf(h.id!);
      const dwelling = data.dwellings.find((d) => d.id === tenancy?.dwellingId);
      const rent = data.tenancyRents.find((r) => r.tenancyId === tenancy?.id);
      return {
        id: h.id,
        status: h.status,
        application_number: h.applicationNumber,
        phone: h.phone,
        email: h.email,
        postal_address: h.postalAddress,
        housing_situation: h.housingSituation,
        housing_since: h.housingSince,
        shelter_name: h.shelterName,
        dwelling_address: dwelling?.address ?? null,
        dwelling_commune_id: dwelling?.communeId ?? h.residenceCommuneId ?? null,
        landlord_organisation_id: tenancy?.landlordOrganisationId ?? null,
        management_unit_id: tenancy?.managementUnitId ?? null,
        landlord_name: tenancy?.landlordName ?? null,
        tenant_reference: tenancy?.tenantReference ?? null,
        monthly_rent_cents: rent?.monthlyRentCents ?? null,
        monthly_charges_cents: rent?.monthlyChargesCents ?? null,
        dalo_recognised: h.daloRecognised,
        dalo_decision_date: h.daloDecisionDate,
        pdalpd_priority: h.pdalpdPriority,
        created_at: h.createdAt,
        updated_at: h.updatedAt,
      };
    }),
  );
  await s.db.insert(householdMembers).values(data.members);
  await s.db.insert(householdResources).values(data.resources);
  await s.db.insert(householdExpenses).values(data.expenses);
  await s.db.insert(householdHousingHistory).values(data.housingHistory);
  await insertRows(
    s,
    'household_debts',
    data.debts.map((d) => ({
      id: d.id,
      household_id: d.householdId,
      kind: d.kind,
      amount_cents: d.amountCents,
      start_date: d.startDate,
      creditor: d.creditor,
      repayment_plan: d.repaymentPlan,
      note: d.note,
      position: d.position,
    })),
  );
  // The agreements to referrals were free text then: only the other consents existed.
  const agreements = new Set(data.referrals.map((r) => r.agreementConsentId).filter(Boolean));
  await s.db.insert(householdConsents).values(data.consents.filter((c) => !agreements.has(c.id)));
  await insertRows(
    s,
    'household_parties',
    setColumns(
      householdParties,
      data.parties.filter((p) => !agreements.has(p.sourceId)).map(({ consentId: _, ...p }) => p),
    ),
  );
  await insertRows(
    s,
    'referrals',
    data.referrals.map((r) => {
      const debt = data.debts.find((d) => d.id === r.arrearsDebtId);
      const reported = data.evictionProcedureSteps.filter(
        (st) => st.sourceType === 'referral' && st.sourceId === r.id,
      );
      const latest = reported
        .sort((a, b) => EVICTION_STEPS.indexOf(a.step) - EVICTION_STEPS.indexOf(b.step))
        .at(-1);
      return {
        id: r.id,
        kind: r.kind,
        household_id: r.householdId,
        from_organisation_id: r.fromOrganisationId,
        from_management_unit_id: r.fromManagementUnitId,
        from_user_id: r.fromUserId,
        to_organisation_id: r.toOrganisationId,
        status: r.status,
        reasons: r.reasons,
        arrears_amount_cents: debt?.amountCents ?? null,
        arrears_months: debt?.unpaidMonths ?? null,
        eviction_stage:
          r.kind === 'maintenance' ? (latest ? (OLD_REFERRAL_STAGE[latest.step] ?? 'none') : 'none') : null,
        ready_to_leave: r.readyToLeave,
        sheltered_since: r.shelteredSince,
        housing_project: r.housingProject,
        free_text: r.freeText,
        assigned_caseworker_user_id: r.assignedCaseworkerUserId,
        decline_reason: r.declineReason,
        redirected_to_referral_id: r.redirectedToReferralId,
        redirected_from_referral_id: r.redirectedFromReferralId,
        decided_at: r.decidedAt,
        decided_by_user_id: r.decidedByUserId,
        first_interview_at: r.firstInterviewAt,
        version: r.version,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      };
    }),
  );
  await insertRows(
    s,
    'referral_events',
    data.referralEvents.map((e) => ({
      id: e.id,
      referral_id: e.referralId,
      type: e.type,
      at: e.at,
      user_id: e.userId,
      organisation_id: e.organisationId,
      detail: e.detail,
    })),
  );
  // The urgent actions and eviction entries lived in the diagnostics' content.
  await insertRows(
    s,
    'diagnostics',
    data.diagnostics.map((d) => {
      const urgentActions = data.tasks
        .filter((task) => task.source === 'diagnostic' && task.sourceId === d.id)
        .map((task) => ({
          id: task.id,
          label: task.title,
          ...(task.ownerUserId ? { ownerUserId: task.ownerUserId } : {}),
          ...(task.ownerOrganisationId ? { ownerOrganisationId: task.ownerOrganisationId } : {}),
          ...(task.dueOn ? { dueOn: task.dueOn } : {}),
          done: task.status === 'done',
        }));
      const evictions = data.evictionProcedureSteps
        .filter(
          (st) => st.sourceType === 'diagnostic' && st.sourceId === d.id && OLD_DIAGNOSTIC_STAGE[st.step],
        )
        .map((st) => ({
          date: st.occurredOn,
          stage: OLD_DIAGNOSTIC_STAGE[st.step],
          ...(st.note ? { notes: st.note } : {}),
        }));
      const content = d.content as Record<string, unknown>;
      return {
        id: d.id,
        household_id: d.householdId,
        version: d.version,
        status: d.status,
        row_version: d.rowVersion ?? 1,
        content: {
          ...content,
          ...(urgentActions.length ? { urgentActions } : {}),
          ...(evictions.length
            ? { housingHistory: { ...((content.housingHistory as object | undefined) ?? {}), evictions } }
            : {}),
        },
        authorship: d.authorship ?? {},
        created_by_user_id: d.createdByUserId,
        created_by_organisation_id: d.createdByOrganisationId,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      };
    }),
  );
}

describe('migration of the household aggregate (0002–0004) on the demo territory', () => {
  let s: Scratch;
  let data: DemoData;
  const folders: string[] = [];

  beforeAll(async () => {
    data = buildDemoData(NOW, 'hachage-de-test');
    s = await emptyDatabase();
    const before = migrationsUpTo(BEFORE);
    folders.push(before);
    await s.migrate(before);
    await loadOldDemo(s, data);
    await s.migrate(migrationsFolder);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  const rows = (query: SQL) => s.run(query);

  it('gives every lease a dwelling, a tenancy and its rent, and keeps the commune of the others', async () => {
    const stored = await rows(sql`select t.household_id, d.address, d.commune_id, t.landlord_organisation_id,
      t.management_unit_id, t.landlord_name, t.tenant_reference, r.monthly_rent_cents, r.monthly_charges_cents
      from tenancies t join dwellings d on d.id = t.dwelling_id left join tenancy_rents r on r.tenancy_id = t.id
      where t.end_date is null order by t.household_id`);
    const expected = data.tenancies
      .map((t) => {
        const d = data.dwellings.find((x) => x.id === t.dwellingId)!;
        const r = data.tenancyRents.find((x) => x.tenancyId === t.id)!;
        return {
          household_id: t.householdId,
          address: d.address,
          commune_id: d.communeId,
          landlord_organisation_id: t.landlordOrganisationId,
          management_unit_id: t.managementUnitId,
          landlord_name: t.landlordName,
          tenant_reference: t.tenantReference,
          monthly_rent_cents: r.monthlyRentCents,
          monthly_charges_cents: r.monthlyChargesCents,
        };
      })
      .sort((a, b) => a.household_id!.localeCompare(b.household_id!));
    expect(stored).toEqual(expected);
    const residence = await rows(
      sql`select id, residence_commune_id from households where id not in (select household_id from tenancies) order by id`,
    );
    const tenants = new Set(data.tenancies.map((t) => t.householdId));
    expect(residence).toEqual(
      data.households
        .filter((h) => !tenants.has(h.id!))
        .map((h) => ({ id: h.id, residence_commune_id: h.residenceCommuneId ?? null }))
        .sort((a, b) => a.id!.localeCompare(b.id!)),
    );
    expect(residence.filter((h) => h.residence_commune_id !== null).length).toBeGreaterThan(0);
  });

  it('makes each referral’s arrears the household’s rent-arrears debt, and its stage a procedure step', async () => {
    const linked = await rows(sql`select r.id, d.amount_cents, d.unpaid_months, d.kind from referrals r
      join household_debts d on d.id = r.arrears_debt_id order by r.id`);
    const withArrears = data.referrals.filter((r) => r.arrearsDebtId);
    expect(linked).toHaveLength(withArrears.length);
    for (const r of withArrears) {
      const debt = data.debts.find((d) => d.id === r.arrearsDebtId)!;
      expect(linked.find((l) => l.id === r.id)).toMatchObject({
        kind: 'rent_arrears',
        amount_cents: debt.amountCents,
        unpaid_months: debt.unpaidMonths,
      });
    }
    const steps = await rows(
      sql`select s.step, s.source_id from eviction_procedure_steps s where s.source_type = 'referral'`,
    );
    const reported = data.referrals.filter((r) =>
      data.evictionProcedureSteps.some((st) => st.sourceType === 'referral' && st.sourceId === r.id),
    );
    for (const r of reported) expect(steps.some((st) => st.source_id === r.id)).toBe(true);
    // No household has two open procedures.
    const open = await rows(
      sql`select household_id, count(*)::int as n from eviction_procedures where closed_on is null group by household_id having count(*) > 1`,
    );
    expect(open).toEqual([]);
  });

  it('makes the diagnostics’ urgent actions tasks and their eviction list steps, and drops the copies', async () => {
    const tasks = await rows(sql`select id, title, status, source, source_id from tasks order by id`);
    const expected = data.tasks.filter((t) => t.source === 'diagnostic');
    expect(tasks.map((t) => t.id)).toEqual(expected.map((t) => t.id).sort());
    for (const t of expected) {
      expect(tasks.find((x) => x.id === t.id)).toMatchObject({
        title: t.title,
        status: t.status,
        source: 'diagnostic',
      });
    }
    const leftovers = await rows(
      sql`select id from diagnostics where content ? 'urgentActions' or content->'housingHistory' ? 'evictions'`,
    );
    expect(leftovers).toEqual([]);
  });

  it('changes nothing when its data move runs again', async () => {
    const count = async () =>
      rows(sql`select (select count(*) from dwellings)::int as dwellings, (select count(*) from tenancies)::int as tenancies,
        (select count(*) from tenancy_rents)::int as rents, (select count(*) from household_debts)::int as debts,
        (select count(*) from eviction_procedures)::int as procedures, (select count(*) from eviction_procedure_steps)::int as steps,
        (select count(*) from tasks)::int as tasks`);
    const before = await count();
    // Its statements only read the old columns, which 0004 dropped: they are restored empty first,
    // as a re-run on a database between 0003 and 0004 would find them.
    await s.run(
      sql.raw(`alter table households add column dwelling_address text, add column dwelling_commune_id uuid,
      add column landlord_organisation_id uuid, add column management_unit_id uuid, add column landlord_name text,
      add column tenant_reference text, add column monthly_rent_cents integer, add column monthly_charges_cents integer`),
    );
    await s.run(
      sql.raw(
        `create type eviction_stage as enum ('none', 'payment_order', 'summons', 'judgment', 'order_to_leave', 'police_assistance')`,
      ),
    );
    await s.run(
      sql.raw(
        `alter table referrals add column arrears_amount_cents integer, add column arrears_months integer, add column eviction_stage eviction_stage`,
      ),
    );
    const move = readFileSync(join(migrationsFolder, `${DATA_MOVE}.sql`), 'utf8').split(
      '--> statement-breakpoint',
    );
    await s.db.transaction(async (tx) => {
      for (const statement of move) await tx.execute(sql.raw(statement));
    });
    expect(await count()).toEqual(before);
  });
});
