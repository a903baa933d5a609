import type { DB, Database } from '../src/kernel/db.ts';
import { managementUnits, organisations } from '../src/modules/organisations/schema.ts';
import { memberships, users } from '../src/modules/identity/schema.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { normaliseForSearch } from '../src/modules/households/search-text.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREET_NAMES } from '../src/demo/names.ts';
import type { OrganisationType, Role } from '../src/shared/contracts/roles.ts';

export interface BenchSize {
  households: number;
  /** A divisor of `households`: every (households / referrals)th household is referred. */
  referrals: number;
}

/** A département-sized data set: 30 organisations, 200 users, 20 000 households, 2 000 referrals. */
export const BENCH_SIZE: BenchSize = { households: 20_000, referrals: 2_000 };

/** The password of every generated user. */
export const BENCH_PASSWORD = 'Bench-password-2026!';

/** What people type in the search box: the first three letters of the data set's last names. */
export const SEARCH_TERMS = [...new Set(LAST_NAMES.map((n) => normaliseForSearch(n).slice(0, 3)))];

const LANDLORDS = 6;
const ASSOCIATIONS = 16;
const CASEWORKERS_PER_ASSOCIATION = 6;

interface OrgPlan {
  type: OrganisationType;
  name: string;
  roles: Role[];
}

function organisationPlan(): OrgPlan[] {
  const plan: OrgPlan[] = [];
  for (let i = 1; i <= LANDLORDS; i++) {
    plan.push({
      type: 'landlord',
      name: `Bailleur social ${i}`,
      roles: [
        'admin',
        ...Array<Role>(3).fill('landlord_social_advisor'),
        ...Array<Role>(4).fill('landlord_rental_manager'),
      ],
    });
  }
  for (let i = 1; i <= ASSOCIATIONS; i++) {
    plan.push({
      type: 'association',
      name: `Association d’insertion ${i}`,
      roles: ['admin', 'team_manager', ...Array<Role>(CASEWORKERS_PER_ASSOCIATION).fill('caseworker')],
    });
  }
  plan.push({ type: 'siao', name: 'SIAO', roles: ['admin', ...Array<Role>(7).fill('caseworker')] });
  for (let i = 1; i <= 4; i++) {
    plan.push({ type: 'funder', name: `Financeur ${i}`, roles: ['admin', 'funder_officer', 'auditor'] });
  }
  plan.push({ type: 'other', name: 'CCAS 1', roles: ['admin', 'committee_coordinator'] });
  for (let i = 2; i <= 3; i++) plan.push({ type: 'other', name: `CCAS ${i}`, roles: ['admin'] });
  return plan;
}

/** A generated user, who signs in with BENCH_PASSWORD (and a second factor to enrol, but funders). */
export interface BenchPerson {
  userId: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
}

export interface BenchData {
  /** The association whose caseworker the load tests sign in as, with the households it is party to. */
  caseworker: { userId: string; organisationId: string };
  caseworkerHouseholdIds: string[];
  /** Every user, in the order of the organisation plan (the bench association's come first among associations). */
  people: BenchPerson[];
  counts: Record<string, number>;
}

/** One connection's statements, through node-postgres or PGlite (temporary tables need one connection). */
type Sql = <R extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

async function withConnection<T>(database: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  const { pglite, pool } = database;
  if (pglite)
    return work(async <R>(text: string, params?: unknown[]) => (await pglite.query<R>(text, params)).rows);
  const client = await pool!.connect();
  try {
    return await work(
      async <R extends Record<string, unknown>>(text: string, params?: unknown[]) =>
        (await client.query<R>(text, params)).rows,
    );
  } finally {
    client.release();
  }
}

const at = <T>(items: T[], i: number) => items[i]!;

/** Organisations, units, users and memberships: few rows, inserted through Drizzle. */
async function insertReferenceData(db: DB) {
  const plan = organisationPlan();
  const orgs = await db
    .insert(organisations)
    .values(plan.map((p) => ({ type: p.type, name: p.name })))
    .returning({ id: organisations.id, type: organisations.type });
  const landlords = orgs.filter((o) => o.type === 'landlord').map((o) => o.id);
  const associations = orgs.filter((o) => o.type === 'association').map((o) => o.id);
  const siao = orgs.find((o) => o.type === 'siao')!.id;
  const units = await db
    .insert(managementUnits)
    .values(
      landlords.flatMap((organisationId, l) =>
        [0, 1, 2].map((u) => ({
          organisationId,
          name: `Agence ${l + 1}.${u + 1}`,
          code: `AG${l + 1}${u + 1}`,
        })),
      ),
    )
    .returning({ id: managementUnits.id });

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const people = plan.flatMap((p, o) =>
    p.roles.map((role, r) => ({ org: at(orgs, o).id, type: p.type, role, n: `${o}-${r}` })),
  );
  const userRows = await db
    .insert(users)
    .values(
      people.map((p) => ({
        email: `u${p.n}@bench.example`,
        fullName: `Utilisateur ${p.n}`,
        passwordHash,
        status: 'active' as const,
      })),
    )
    .returning({ id: users.id });
  await db
    .insert(memberships)
    .values(people.map((p, i) => ({ userId: at(userRows, i).id, organisationId: p.org, role: p.role })));
  const usersOf = (org: string, role: Role) =>
    people.flatMap((p, i) => (p.org === org && p.role === role ? [at(userRows, i).id] : []));
  return {
    landlords,
    units: units.map((u) => u.id),
    associations,
    siao,
    siaoCaseworkers: usersOf(siao, 'caseworker'),
    caseworkers: associations.flatMap((a) => usersOf(a, 'caseworker')),
    landlordAdvisors: landlords.map((l) => usersOf(l, 'landlord_rental_manager')[0]!),
    people: people.map((p, i) => ({
      userId: at(userRows, i).id,
      email: `u${p.n}@bench.example`,
      role: p.role,
      organisationId: p.org,
      organisationType: p.type,
    })),
    orgCount: orgs.length,
  };
}

/**
 * Everything else in set-based SQL. Pseudo-random choices use hashtext() of the row number, so the
 * data set is the same on every run. The bench association (index 0) is party to 15 % of households.
 */
export async function generateBenchData(database: Database, size = BENCH_SIZE): Promise<BenchData> {
  const ref = await insertReferenceData(database.db);
  const h = (salt: string, mod: number, column = 'g') =>
    `(abs(hashtext(${salt} || ${column}::text)) % ${mod})`;
  return withConnection(database, async (sql) => {
    try {
      await sql('begin');
      await sql(
        `insert into households (housing_situation, application_number, phone, postal_address, housing_since, dalo_recognised,
         dalo_decision_date, pdalpd_priority, created_at, updated_at)
       select s.situation::housing_situation,
         case when s.situation <> 'social_tenant' then 'VB25' || lpad(g::text, 8, '0') end,
         '06 39 98 ' || lpad((g % 100)::text, 2, '0') || ' ' || lpad(((g / 100) % 100)::text, 2, '0'),
         (g % 60 + 1) || ' ' || ($1::text[])[1 + g % array_length($1::text[], 1)] || ', 00100 Saint-Aubin-sur-Brenne',
         current_date - ${h("'since'", 2000)},
         ${h("'dalo'", 10)} = 0,
         -- A DALO household has its decision's date, as the file's rules require.
         case when ${h("'dalo'", 10)} = 0 then current_date - 30 - ${h("'dalod'", 700)} end,
         ${h("'pdalpd'", 12)} = 0,
         now() - make_interval(days => ${h("'cr'", 900)}), now() - make_interval(mins => ${h("'up'", 500000)})
       from generate_series(1, ${size.households}) g
       cross join lateral (select case
         when ${h("'sit'", 100)} < 45 then 'social_tenant' when ${h("'sit'", 100)} < 55 then 'private_tenant'
         when ${h("'sit'", 100)} < 67 then 'hosted_by_third_party' when ${h("'sit'", 100)} < 75 then 'chrs'
         when ${h("'sit'", 100)} < 83 then 'hotel' when ${h("'sit'", 100)} < 89 then 'shelter'
         when ${h("'sit'", 100)} < 95 then 'sublet' else 'street' end as situation) s
       order by g`,
        [STREET_NAMES],
      );

      // Tenants (social, private, sublet) occupy a dwelling of their own under a current tenancy with
      // its rent; social tenants and sublets are let by a landlord in Relais (one of its units).
      await sql(
        `create temp table bench_tenants on commit drop as
       select id as household_id, file_number as g, housing_situation::text as situation, housing_since,
         gen_random_uuid() as dwelling_id,
         (file_number % 60 + 1) || ' ' || ($1::text[])[1 + file_number % array_length($1::text[], 1)] as address,
         case when housing_situation in ('social_tenant', 'sublet') then ($2::uuid[])[1 + file_number % ${LANDLORDS}] end as landlord,
         case when housing_situation in ('social_tenant', 'sublet') then ($3::uuid[])[1 + (file_number % ${LANDLORDS}) * 3 + file_number % 3] end as unit
       from households where housing_situation in ('social_tenant', 'private_tenant', 'sublet')`,
        [STREET_NAMES, ref.landlords, ref.units],
      );
      await sql(
        `insert into dwellings (id, address, landlord_organisation_id, management_unit_id, typology)
       select dwelling_id, address, landlord, unit, (array['t1','t2','t3','t4','t5']::typology[])[1 + ${h("'typ'", 5)}]
       from bench_tenants`,
      );
      await sql(
        `with tenancy as (
         insert into tenancies (household_id, dwelling_id, landlord_organisation_id, landlord_name, management_unit_id,
           tenant_reference, start_date)
         select household_id, dwelling_id, landlord, case when landlord is null then 'Propriétaire privé' end, unit,
           case when landlord is not null then 'LOC-' || lpad(g::text, 7, '0') end, housing_since
         from bench_tenants
         returning id, household_id, start_date
       )
       insert into tenancy_rents (tenancy_id, effective_from, monthly_rent_cents, monthly_charges_cents)
       select t.id, t.start_date, 30000 + ${h("'rent'", 40000)}, 4000 + ${h("'ch'", 8000)}
       from tenancy t join bench_tenants b on b.household_id = t.household_id`,
      );

      // Members: a reference person, a spouse in 40 % of households, 0 to 3 children.
      await sql(
        `create temp table bench_members on commit drop as
       select hh.id as household_id, hh.g, m.pos,
         case when m.pos = 0 then ${h("'sex'", 2)} when m.pos = 1 then 1 - ${h("'sex'", 2)} else ${h("'csex' || m.pos::text || ':'", 2)} end as female,
         abs(hashtext('fn' || hh.g::text || ':' || m.pos::text)) as fi,
         ${h("'ln'", 1_000_000)} as li,
         case when m.pos = 1 and hh.couple then 'spouse' when m.pos = 0 then 'reference_person' else 'child' end as relationship,
         case when m.pos = 0 or (m.pos = 1 and hh.couple) then 20 + ${h("'age'", 50)} else 1 + ${h("'cage' || m.pos::text || ':'", 17)} end as age
       from (select id, file_number as g, ${h("'cpl'", 10, 'file_number')} < 4 as couple,
               case when housing_situation in ('street', 'shelter') then 0 else ${h("'kids'", 4, 'file_number')} end as kids
             from households) hh
       cross join lateral generate_series(0, (case when hh.couple then 1 else 0 end) + hh.kids) m(pos)`,
      );
      await sql(
        `insert into household_members (household_id, first_name, last_name, birth_date, relationship, is_reference_person, position)
       select household_id,
         case when female = 1 then ($1::text[])[1 + fi % array_length($1::text[], 1)] else ($2::text[])[1 + fi % array_length($2::text[], 1)] end,
         ($3::text[])[1 + li % array_length($3::text[], 1)],
         current_date - make_interval(years => age, days => fi % 365),
         relationship::relationship, pos = 0, pos
       from bench_members`,
        [FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, LAST_NAMES],
      );
      // The search column exactly as householdSearchText() builds it (names normalised in JavaScript).
      await sql(
        `update households hh set search_text = concat_ws(' ', 'm-' || lpad(hh.file_number::text, 6, '0'), lower(hh.application_number), n.names)
       from (select household_id, string_agg(
               (case when female = 1 then ($1::text[])[1 + fi % array_length($1::text[], 1)] else ($2::text[])[1 + fi % array_length($2::text[], 1)] end)
               || ' ' || ($3::text[])[1 + li % array_length($3::text[], 1)], ' ' order by pos) as names
             from bench_members group by household_id) n
       where n.household_id = hh.id`,
        [
          FEMALE_FIRST_NAMES.map(normaliseForSearch),
          MALE_FIRST_NAMES.map(normaliseForSearch),
          LAST_NAMES.map(normaliseForSearch),
        ],
      );

      await sql(
        `insert into household_resources (household_id, member_id, type, monthly_amount_cents, position)
       select m.household_id, m.id, (array['rsa','wages','aah','are','pension']::resource_type[])[1 + abs(hashtext('rt' || m.household_id::text)) % 5],
         40000 + abs(hashtext('ra' || m.household_id::text)) % 100000, 0
       from household_members m where m.position = 0
       union all
       select household_id, null, 'family_benefits', 15000 + abs(hashtext('fb' || household_id::text)) % 40000, 1
       from (select distinct household_id from household_members where relationship = 'child') c`,
      );
      await sql(
        `insert into household_expenses (household_id, category, monthly_amount_cents, position)
       select id, c.category::expense_category, 1500 + abs(hashtext(c.category || id::text)) % 9000, c.position
       from households cross join (values ('energy', 0), ('insurance', 1), ('phone', 2)) c(category, position)`,
      );
      await sql(
        `insert into household_debts (household_id, kind, amount_cents, start_date, creditor, repayment_plan, position)
       select id, 'rent_arrears', 30000 + abs(hashtext('debt' || id::text)) % 600000, current_date - 200, 'Bailleur', file_number % 2 = 0, 0
       from households where file_number % 4 = 0`,
      );
      // An eviction procedure for social tenants in arrears: the first unpaid rent, and for half of
      // them the commandement de payer.
      await sql(
        `with procedure as (
         insert into eviction_procedures (household_id, opened_on)
         select household_id, current_date - 200 from bench_tenants where situation = 'social_tenant' and g % 4 = 0
         returning id, household_id
       )
       insert into eviction_procedure_steps (procedure_id, step, occurred_on, source_type)
       select p.id, s.step::eviction_step, current_date - s.days_ago, 'file'
       from procedure p join households hh on hh.id = p.household_id
       cross join lateral (values ('first_unpaid_rent', 200), ('payment_order', 60)) s(step, days_ago)
       where s.step = 'first_unpaid_rent' or hh.file_number % 8 = 0`,
      );
      await sql(
        `insert into household_housing_history (household_id, situation, from_date, to_date, end_reason, position)
       select id, 'hosted_by_third_party', current_date - 1500, current_date - 900, 'Fin de l’hébergement', 0
       from households where file_number % 2 = 1`,
      );

      // Parties. Associations (with a support consent): every household but half the social tenants.
      await sql(
        `with chosen as (
         select id, g, case when g % 20 < 3 then 0 else 1 + g % 15 end as a
         from (select id, file_number as g, housing_situation from households) x
         where housing_situation <> 'social_tenant' or g % 2 = 0
       ), consent as (
         insert into household_consents (household_id, organisation_id, purpose, valid_from, valid_until, method,
           recorded_by_user_id, recorded_by_organisation_id, recorded_at)
         select id, ($1::uuid[])[1 + a], 'support', current_date - 120, current_date + 600, 'signed_form',
           ($2::uuid[])[1 + a * ${CASEWORKERS_PER_ASSOCIATION} + g % ${CASEWORKERS_PER_ASSOCIATION}], ($1::uuid[])[1 + a], now() - interval '120 days'
         from chosen
         returning id, household_id, organisation_id, recorded_by_user_id, valid_from, valid_until
       )
       insert into household_parties (household_id, organisation_id, basis, source_id, caseworker_user_id, valid_from, valid_until, started_at)
       select household_id, organisation_id, 'consent', id, recorded_by_user_id, valid_from, valid_until, now() - interval '120 days' from consent`,
        [ref.associations, ref.caseworkers],
      );
      await sql(
        `with consent as (
         insert into household_consents (household_id, organisation_id, purpose, valid_from, valid_until, method,
           recorded_by_user_id, recorded_by_organisation_id, recorded_at)
         select id, $1::uuid, 'referral', current_date - 60, current_date + 600, 'oral_with_witness', ($2::uuid[])[1 + file_number % array_length($2::uuid[], 1)], $1::uuid, now() - interval '60 days'
         from households where housing_situation in ('chrs', 'hotel', 'shelter', 'street')
         returning id, household_id, organisation_id, recorded_by_user_id, valid_from, valid_until
       )
       insert into household_parties (household_id, organisation_id, basis, source_id, caseworker_user_id, valid_from, valid_until, started_at)
       select household_id, organisation_id, 'consent', id, recorded_by_user_id, valid_from, valid_until, now() - interval '60 days' from consent`,
        [ref.siao, ref.siaoCaseworkers],
      );
      await sql(
        `insert into household_parties (household_id, organisation_id, basis, started_at)
       select household_id, landlord, 'own_tenant', housing_since from bench_tenants where situation = 'social_tenant'`,
      );
      // Tasks: one in ten households has an open task for its association.
      await sql(
        `insert into tasks (household_id, title, owner_organisation_id, due_on, source)
       select p.household_id, 'Relancer la CAF pour le dossier', p.organisation_id, current_date + hh.file_number % 30, 'manual'
       from household_parties p join households hh on hh.id = p.household_id
       where p.organisation_id = any($1::uuid[]) and hh.file_number % 10 = 0`,
        [ref.associations],
      );

      // Referrals: maintenance from the landlord for its tenants, access from the SIAO otherwise.
      await sql(
        `with picked as (
         select hh.*, t.landlord, t.unit, d.id as debt_id, (abs(hashtext('st' || hh.file_number::text)) % 5) as st,
           case when hh.file_number % 20 < 3 then 0 else 1 + hh.file_number % 15 end as a
         from households hh
         left join bench_tenants t on t.household_id = hh.id
         left join household_debts d on d.household_id = hh.id and d.kind = 'rent_arrears'
         where hh.file_number % ${size.households / size.referrals} = 0
       ), ins as (
         insert into referrals (kind, household_id, from_organisation_id, from_management_unit_id, from_user_id, to_organisation_id,
           status, reasons, arrears_debt_id, ready_to_leave, free_text,
           assigned_caseworker_user_id, decided_at, first_interview_at, created_at, updated_at)
         select case when p.housing_situation = 'social_tenant' then 'maintenance' else 'access' end::referral_kind,
           p.id,
           coalesce(p.landlord, $1), p.unit,
           case when p.landlord is not null then ($4::uuid[])[1 + p.file_number % ${LANDLORDS}] else ($5::uuid[])[1] end,
           ($2::uuid[])[1 + p.a],
           (array['sent','accepted','declined','redirected','case_opened']::referral_status[])[1 + p.st],
           case when p.housing_situation = 'social_tenant' then '["arrears"]'::jsonb else '[]'::jsonb end,
           case when p.housing_situation = 'social_tenant' then p.debt_id end,
           case when p.housing_situation <> 'social_tenant' then true end,
           'Saisine générée pour le banc d’essai.',
           case when p.st in (1, 4) then ($3::uuid[])[1 + p.a * ${CASEWORKERS_PER_ASSOCIATION}] end,
           case when p.st > 0 then now() - interval '10 days' end,
           case when p.st = 4 then now() - interval '5 days' end,
           now() - interval '20 days', now() - interval '5 days'
         from picked p
         returning id, status, from_organisation_id, to_organisation_id, from_user_id, created_at
       )
       insert into referral_events (referral_id, type, at, user_id, organisation_id)
       select id, 'sent', created_at, from_user_id, from_organisation_id from ins
       union all
       select id, status::text, now() - interval '10 days', null, to_organisation_id from ins where status <> 'sent'`,
        [ref.siao, ref.associations, ref.caseworkers, ref.landlordAdvisors, ref.siaoCaseworkers],
      );
      await sql('commit');
      await sql('analyze');
    } catch (error) {
      await sql('rollback');
      throw error;
    }

    const counts: Record<string, number> = { organisations: ref.orgCount, users: ref.people.length };
    for (const table of [
      'households',
      'household_members',
      'household_debts',
      'tenancies',
      'eviction_procedures',
      'tasks',
      'household_parties',
      'household_consents',
      'referrals',
      'referral_events',
    ]) {
      const [row] = await sql<{ n: number }>(`select count(*)::int as n from ${table}`);
      counts[table] = row!.n;
    }
    const benchOrg = ref.associations[0]!;
    const rows = await sql<{ household_id: string }>(
      `select household_id from household_parties where organisation_id = $1 and ended_at is null order by household_id`,
      [benchOrg],
    );
    return {
      caseworker: { userId: ref.caseworkers[0]!, organisationId: benchOrg },
      caseworkerHouseholdIds: rows.map((r) => r.household_id),
      people: ref.people,
      counts,
    };
  });
}
