import type { DB, Database } from '../src/kernel/db.ts';
import { managementUnits, organisations, territories } from '../src/modules/organisations/schema.ts';
import { measureSchemes, measureSchemeVersions } from '../src/modules/measures/schema.ts';
import { defaultCatalogue } from '../src/modules/measures/index.ts';
import { memberships, users } from '../src/modules/identity/schema.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import {
  SEARCH_MIN_CHARACTERS,
  normaliseForSearch,
  searchTermProblem,
} from '../src/shared/households/search.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREET_NAMES } from '../src/demo/names.ts';
import type { OrganisationType, Role } from '../src/shared/contracts/roles.ts';

export interface BenchSize {
  households: number;
  /** A divisor of `households`: every (households / referrals)th household is referred. */
  referrals: number;
  /** Support measures, over the households the associations follow (several each when there are more). */
  measures: number;
  /** Case journal entries, over the households whose measure started, within the last 24 months. */
  journal: number;
}

/**
 * A département-sized data set: 30 organisations, 201 users, 20 000 households, 2 000 referrals,
 * 5 000 support measures, 1 000 000 journal entries.
 */
export const BENCH_SIZE: BenchSize = {
  households: 20_000,
  referrals: 2_000,
  measures: 5_000,
  journal: 1_000_000,
};

/** The password of every generated user. */
export const BENCH_PASSWORD = 'Bench-password-2026!';

/** The shortest start of a name the search takes: three letters (« da s » for Da Silva). */
function searchPrefix(name: string): string {
  const normalised = normaliseForSearch(name);
  let end = SEARCH_MIN_CHARACTERS;
  while (end < normalised.length && searchTermProblem(normalised.slice(0, end))) end++;
  return normalised.slice(0, end);
}

/** What people type in the search box: the first three letters of the data set's last names. */
export const SEARCH_TERMS = [...new Set(LAST_NAMES.map(searchPrefix))];

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
        // The first landlord convenes the committee; appended so that the other users keep their emails.
        ...(i === 1 ? (['committee_coordinator'] as const) : []),
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
  // The first funder runs the département's schemes, the second is the State (AVDL).
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

/** Whom a bench signs in as. */
export interface BenchSignIn {
  userId: string;
  organisationId: string;
}

export interface BenchData {
  /** The association whose caseworker the load tests sign in as, with the households it is party to. */
  caseworker: BenchSignIn;
  caseworkerHouseholdIds: string[];
  /** Who reads the measures: the first funder's officer, the bench association's team manager, the committee's coordinator. */
  funderOfficer: BenchSignIn;
  teamManager: BenchSignIn;
  coordinator: BenchSignIn & { meetingId: string };
  /** Every user, in the order of the organisation plan (the bench association's come first among associations). */
  people: BenchPerson[];
  counts: Record<string, number>;
  /** The journal's generation time, and the caseworker's household with the most entries (null without a journal). */
  journal: { seconds: number; timelineHouseholdId: string | null; timelineEntries: number };
}

/** One connection's statements, through node-postgres or PGlite (temporary tables need one connection). */
export type Sql = <R extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

export async function withConnection<T>(database: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
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

type ReferenceData = Awaited<ReturnType<typeof insertReferenceData>>;

/** Organisations, units, users and memberships: few rows, inserted through Drizzle. */
async function insertReferenceData(db: DB) {
  const plan = organisationPlan();
  // Every organisation lies in the département, where the measures find their schemes.
  const [departement] = await db
    .insert(territories)
    .values({ kind: 'departement', code: '99', name: 'Val-de-Brenne' })
    .returning({ id: territories.id });
  const orgs = await db
    .insert(organisations)
    .values(plan.map((p) => ({ type: p.type, name: p.name, territoryId: departement!.id })))
    .returning({ id: organisations.id, type: organisations.type });
  const landlords = orgs.filter((o) => o.type === 'landlord').map((o) => o.id);
  const associations = orgs.filter((o) => o.type === 'association').map((o) => o.id);
  const funders = orgs.filter((o) => o.type === 'funder').map((o) => o.id);
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
  const firstOf = (org: string, role: Role): BenchSignIn => ({
    userId: usersOf(org, role)[0]!,
    organisationId: org,
  });
  return {
    landlords,
    units: units.map((u) => u.id),
    associations,
    siao,
    siaoCaseworkers: usersOf(siao, 'caseworker'),
    caseworkers: associations.flatMap((a) => usersOf(a, 'caseworker')),
    landlordAdvisors: landlords.map((l) => usersOf(l, 'landlord_rental_manager')[0]!),
    departementId: departement!.id,
    funders,
    funderOfficer: firstOf(funders[0]!, 'funder_officer'),
    teamManager: firstOf(associations[0]!, 'team_manager'),
    coordinator: firstOf(landlords[0]!, 'committee_coordinator'),
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

/** A stable pseudo-random number in [0, mod) from a salt and a row's column (an SQL expression). */
export const h = (salt: string, mod: number | string, column = 'g') =>
  `(abs(hashtext(${salt} || ${column}::text)) % (${mod}))`;

/**
 * The shipped catalogue adopted in the département: AVDL by the State (the second funder), every
 * other scheme by the first funder, each with one version in force since long before any measure.
 */
async function adoptCatalogue(db: DB, ref: { departementId: string; funders: string[] }) {
  const { schemes } = defaultCatalogue();
  const funderOf = (code: string) => (code === 'avdl' ? ref.funders[1]! : ref.funders[0]!);
  const rows = await db
    .insert(measureSchemes)
    .values(
      schemes.map((t) => ({
        territoryId: ref.departementId,
        funderOrganisationId: funderOf(t.code),
        code: t.code,
        name: t.name,
        kind: t.kind,
      })),
    )
    .returning({ id: measureSchemes.id });
  await db.insert(measureSchemeVersions).values(
    schemes.map((t, i) => ({
      schemeId: at(rows, i).id,
      effectiveFrom: `${new Date().getUTCFullYear() - 4}-01-01`,
      rules: t.rules,
      costs: t.costs,
    })),
  );
}

/** The committee's agenda: the meeting the bench reads, and the past ones with their decisions. */
const AGENDA_ITEMS = 30;
const PAST_MEETINGS = 8;
const PAST_ITEMS = 200;
/** Schemes by the household's situation, weighted by repetition. */
const HOUSED_SCHEMES = ['fsl-maintien', 'fsl-maintien', 'asll-maintien', 'accompagnement-bailleur'];
const UNHOUSED_SCHEMES = [
  ...Array<string>(3).fill('avdl'),
  ...Array<string>(3).fill('fsl-acces'),
  'accompagnement-global',
  'accompagnement-global',
  'fsl-mesures-specifiques',
  'gla',
];

/**
 * Support measures for households the associations follow, run by the party's référent: the scheme
 * by the household's situation, mostly active, the others at each stage of their life, with dates
 * that follow the scheme's rules and a timeline each; the year's programmes; caseload capacities of
 * the bench association; the committee the first landlord convenes with the associations, monthly,
 * whose past meetings oriented measures and whose meeting of the day has half its agenda decided.
 * Returns that meeting's id.
 */
async function insertMeasures(sql: Sql, ref: ReferenceData, size: BenchSize): Promise<string> {
  const pick = (salt: string, list: number) =>
    `($${list}::text[])[1 + ${h(salt, `array_length($${list}::text[], 1)`)}]`;
  await sql(
    `create temp table bench_measures on commit drop as
     with candidate as (
       select p.household_id, p.organisation_id as operator, p.caseworker_user_id as caseworker,
         hh.housing_situation in ('social_tenant', 'private_tenant', 'sublet') as housed,
         row_number() over (order by abs(hashtext('mc' || hh.file_number::text)), hh.file_number) as n
       from household_parties p join households hh on hh.id = p.household_id
       where p.organisation_id = any($1::uuid[])
     ), planned as (
       -- More measures than households: the households come round again.
       select g, c.*, ${h("'st'", 100)} as st,
         case when c.housed then ${pick("'sch'", 2)} else ${pick("'sch'", 3)} end as code
       from generate_series(1, $4::int) g
       join candidate c on c.n = (g - 1) % (select count(*) from candidate) + 1
     ), typed as (
       select p.*, s.id as scheme_id, s.name as scheme_name, s.funder_organisation_id as funder, v.id as version_id, v.rules,
         (v.rules->>'initialMonths')::int as initial_months, (v.rules->>'renewalMonths')::int as renewal_months,
         (select m.user_id from memberships m where m.organisation_id = s.funder_organisation_id and m.role = 'funder_officer' limit 1) as officer,
         (case when st < 8 then 'proposed' when st < 15 then 'prescribed' when st < 21 then 'validated'
           when st < 25 then 'refused' when st < 40 then 'ended' else 'active' end)::measure_status as status
       from planned p join measure_schemes s on s.code = p.code join measure_scheme_versions v on v.scheme_id = s.id
     )
     select gen_random_uuid() as id, t.*, r.renewals, started.start_on,
       (started.start_on + make_interval(months => t.initial_months + r.renewals * t.renewal_months))::date as planned_end_on,
       d.decided_on, pr.prescribed_on,
       coalesce(pr.prescribed_on, current_date - ${h("'pr'", 30)}) - 7 - ${h("'cr'", 20)} as created_on
     from typed t
     -- Half the measures that started were renewed once (when the scheme allows it).
     cross join lateral (select case when t.status in ('active', 'ended') and coalesce((t.rules->>'maxRenewals')::int, 1) > 0
       and ${h("'rn'", 2)} = 0 then 1 else 0 end as renewals) r
     -- An active measure is within its current period; an ended one ran its course, up to 18 months ago.
     cross join lateral (select case t.status
       when 'active' then current_date - case when r.renewals = 1
         then t.initial_months * 30 + ${h("'in'", 't.renewal_months * 30')} else ${h("'in'", 't.initial_months * 30')} end
       when 'ended' then current_date - (t.initial_months + r.renewals * t.renewal_months) * 30 - ${h("'in'", 540)}
       end as start_on) started
     cross join lateral (select case
       when started.start_on is not null then started.start_on - 5 - ${h("'dc'", 10)}
       when t.status = 'validated' then current_date - ${h("'dc'", 25)}
       when t.status = 'refused' then current_date - ${h("'dc'", 120)} end as decided_on) d
     cross join lateral (select case
       when t.status = 'prescribed' then current_date - ${h("'pr'", 30)}
       when t.status <> 'proposed' then d.decided_on - 7 - ${h("'pr'", 20)} end as prescribed_on) pr`,
    [ref.associations, HOUSED_SCHEMES, UNHOUSED_SCHEMES, size.measures],
  );
  const refusal = 'Enveloppe du trimestre engagée : à représenter au prochain comité.';
  await sql(
    `insert into measures (id, household_id, scheme_id, scheme_version_id, status, referentiel_version, briques,
       visits_per_month, occupancy, operator_organisation_id, caseworker_user_id, proposed_by_organisation_id,
       initial_months, criteria_met, prescribed_on, decided_on, refusal_reason, start_on, planned_end_on, renewals,
       total_months, ended_on, end_reason, orientation, watch_months, created_at, updated_at)
     select id, household_id, scheme_id, version_id, status, '2011-01',
       case when housed then '{2.4,2.5}'::text[] else '{2.1,2.2,2.3}'::text[] end,
       case when housed then 2 else 4 end,
       (case when housed then 'current_home' when code = 'avdl' then 'sublease_sliding'
         when code = 'gla' then 'adapted_housing' else 'direct_lease_with_support' end)::occupancy_option,
       operator, caseworker, operator, initial_months,
       -- The scheme's criteria, as many as it requires.
       array(select jsonb_array_elements_text(rules->'criteria'->'among') limit coalesce((rules->'criteria'->>'min')::int, 0)),
       prescribed_on, decided_on, case when status = 'refused' then $1 end,
       start_on, planned_end_on, renewals, case when start_on is null then 0 else initial_months + renewals * renewal_months end,
       e.ended_on, e.reason::measure_end_reason, e.orientation::measure_orientation,
       case when e.orientation = 'watch' then 12 end,
       created_on + interval '9 hours', coalesce(e.ended_on, start_on, decided_on, prescribed_on, created_on) + interval '17 hours'
     from bench_measures
     -- Most ended measures reached their objectives on their planned end, the others stopped earlier.
     cross join lateral (select case when status = 'ended' then least(planned_end_on, current_date - 1)
         - case when ${h("'er'", 10)} < 6 then 0 else ${h("'ee'", 60)} end end as ended_on,
       case when status = 'ended' then (array['objectives_reached', 'objectives_reached', 'objectives_reached',
         'objectives_reached', 'objectives_reached', 'objectives_reached', 'moved', 'withdrew', 'no_contact', 'other'])[1 + ${h("'er'", 10)}] end as reason,
       case when status = 'ended' then (array['none', 'watch', 'watch', 'new_measure'])[1 + ${h("'or'", 4)}] end as orientation) e`,
    [refusal],
  );
  // The timeline in order (seq follows the insertion order): the référent's steps, the funder's decision.
  await sql(
    `insert into measure_events (measure_id, kind, detail, user_id, organisation_id, at)
     select m.id, e.kind, e.detail, e.user_id, e.organisation_id, e.at
     from bench_measures b join measures m on m.id = b.id
     cross join lateral (values
       ('proposed', m.created_at, null, b.caseworker, b.operator),
       ('prescribed', m.prescribed_on + interval '10 hours', null, b.caseworker, b.operator),
       (case when m.status = 'refused' then 'refused' else 'validated' end, m.decided_on + interval '14 hours',
         m.refusal_reason, b.officer, b.funder),
       ('started', m.start_on + interval '9 hours', null, b.caseworker, b.operator),
       ('renewed', case when m.renewals > 0 then m.start_on + make_interval(months => m.initial_months, days => -15) end,
         b.renewal_months || ' mois de plus.', b.caseworker, b.operator),
       ('ended', m.ended_on + interval '17 hours', null, b.caseworker, b.operator)
     ) e(kind, at, detail, user_id, organisation_id)
     where e.at is not null
     order by m.id, e.at`,
  );
  // This year's programme of each scheme, budgeted a little above what it funds.
  await sql(
    `insert into funding_programmes (scheme_id, name, period_from, period_to, budget_measures, budget_cents)
     select s.id, split_part(s.name, ' — ', 1) || ' ' || extract(year from current_date),
       date_trunc('year', current_date)::date, (date_trunc('year', current_date) + interval '1 year - 1 day')::date,
       b.measures, b.measures * (coalesce((v.costs->>'perMonthCents')::int, 0) * (v.rules->>'initialMonths')::int
         + coalesce((v.costs->>'perMeasureCents')::int, 0)
         + coalesce((v.costs->>'perDwellingYearCents')::int, 0) * (v.rules->>'initialMonths')::int / 12)
     from measure_schemes s join measure_scheme_versions v on v.scheme_id = s.id
     cross join lateral (select greatest(10, ceil(count(*) * 1.2))::int as measures from measures m
       where m.scheme_id = s.id and m.status in ('validated', 'active')) b`,
  );
  // The bench association's default capacity, and its own for three of its caseworkers.
  await sql(
    `insert into caseload_capacities (organisation_id, user_id, access_capacity, maintenance_capacity)
     select $1::uuid, null, 25, 20 union all select $1::uuid, unnest($2::uuid[]), 30, 24`,
    [ref.associations[0], ref.caseworkers.slice(0, 3)],
  );

  await sql(
    `create temp table bench_meetings on commit drop as
     select gen_random_uuid() as id, k, date_trunc('day', now()) - make_interval(days => 30 * k) + interval '9 hours 30 minutes' as starts_at
     from generate_series(0, $1::int) k`,
    [PAST_MEETINGS],
  );
  await sql(
    `with committee as (
       insert into committees (organisation_id, name, kind, cadence, created_by, created_at)
       values ($1, 'Comité d’orientation et de suivi', 'orientation_follow_up', 'monthly', $2, now() - interval '2 years')
       returning id
     ), members as (
       insert into committee_members (committee_id, organisation_id) select id, unnest($3::uuid[]) from committee
     )
     insert into committee_meetings (id, committee_id, starts_at, duration_minutes, location, created_by, created_at)
     select m.id, c.id, m.starts_at, 150, 'Salle du conseil', $2, m.starts_at - interval '45 days'
     from bench_meetings m cross join committee c`,
    [ref.coordinator.organisationId, ref.coordinator.userId, ref.associations],
  );
  // Today's agenda: measures proposed (waiting) and prescribed (decided today). Past meetings: the
  // measures they oriented, each at the meeting after its prescription.
  await sql(
    `create temp table bench_items on commit drop as
     select gen_random_uuid() as id, x.measure_id, x.k, x.decided, row_number() over (partition by x.k order by x.g) as position
     from (
       select id as measure_id, g, 0 as k, status = 'prescribed' as decided
       from (select *, row_number() over (partition by status order by g) as r from bench_measures
             where status in ('proposed', 'prescribed')) b
       where r <= $1
       union all
       select id, g, least($2, 1 + (current_date - prescribed_on) / 30), true
       from (select *, row_number() over (order by g) as r from bench_measures
             where status in ('validated', 'active', 'refused') and prescribed_on > current_date - 30 * $2) b
       where r <= $3
     ) x`,
    [AGENDA_ITEMS / 2, PAST_MEETINGS, PAST_ITEMS],
  );
  await sql(
    `insert into meeting_items (id, meeting_id, household_id, kind, reference_id, title, household_presence,
       added_by_organisation_id, added_by_user_id, position, created_at)
     select i.id, mt.id, b.household_id, 'measure_review', b.id, 'Mesure proposée : ' || b.scheme_name,
       (array['not_informed', 'informed', 'attended', 'declined']::household_presence[])[1 + ${h("'hp'", 4, 'b.g')}],
       b.operator, b.caseworker, i.position, mt.starts_at - interval '14 days'
     from bench_items i join bench_measures b on b.id = i.measure_id join bench_meetings mt on mt.k = i.k`,
  );
  await sql(
    `insert into meeting_decisions (item_id, outcome, decided_on, summary, measure_id, decided_by_user_id, created_at)
     select i.id, 'orientation', mt.starts_at::date, 'Orientation : ' || b.scheme_name || ' — ' || b.initial_months || ' mois',
       b.id, $1, mt.starts_at
     from bench_items i join bench_measures b on b.id = i.measure_id join bench_meetings mt on mt.k = i.k
     where i.decided`,
    [ref.coordinator.userId],
  );
  const [meeting] = await sql<{ id: string }>(`select id from bench_meetings where k = 0`);
  return meeting!.id;
}

/** What a worker writes after an activity: short, plausible, fictional. */
const JOURNAL_NOTES = [
  'Point sur le budget du mois : loyer payé, facture d’énergie à étaler.',
  'Dossier FSL complété avec le ménage, pièces à transmettre cette semaine.',
  'Relance de la CAF pour le rappel d’aide au logement.',
  'Visite du logement : humidité dans la chambre, signalement au bailleur convenu.',
  'Préparation du rendez-vous à la commission de surendettement.',
  'Échange avec la chargée de clientèle du bailleur sur le plan d’apurement.',
  'Accompagnement à la préfecture pour le renouvellement du titre de séjour.',
  'Démarches d’ouverture des droits à la complémentaire santé solidaire.',
  'Le ménage a repris contact après trois semaines sans nouvelles.',
  'Bilan des objectifs du contrat : deux atteints, un en cours.',
  'Courrier au bailleur pour confirmer la reprise du paiement du loyer.',
  'Atelier collectif sur les économies d’énergie, bonne participation.',
];

/**
 * The case journal of the households whose measure started (its référent writes it, dated within
 * the measure and the last 24 months), with a heavy tail: the bench association's households come
 * first and the first ones gather the most entries (the n-th about n^-0.2 of the first's share).
 * Kinds, durations and briques by the activity; 7 % confidential, 0.5 % cancelled; each with its
 * creation in the entry's changes (and its cancellation). One statement each, set-based.
 */
async function insertJournal(sql: Sql, ref: ReferenceData, size: BenchSize): Promise<void> {
  await sql(
    `create temp table bench_journal_households on commit drop as
     select row_number() over (order by m.operator_organisation_id <> $1::uuid, abs(hashtext('jh' || m.id::text)), m.id) as n, m.*
     from (select distinct on (household_id) id, household_id, operator_organisation_id, caseworker_user_id, briques,
             greatest(start_on, current_date - 730) as lo, least(coalesce(ended_on, current_date), current_date) as hi
           from measures
           where status in ('active', 'ended') and caseworker_user_id is not null and start_on < current_date
             and coalesce(ended_on, current_date) > current_date - 700
           order by household_id, start_on desc) m`,
    [ref.associations[0]],
  );
  const [households] = await sql<{ n: number }>(`select count(*)::int as n from bench_journal_households`);
  if (size.journal === 0 || households!.n === 0) return;
  const kind = h("'jk'", 100);
  await sql(
    `with planned as (
       select g, b.*, (case when ${kind} < 30 then 'home_visit' when ${kind} < 50 then 'office_meeting'
           when ${kind} < 75 then 'phone_call' when ${kind} < 83 then 'accompaniment' when ${kind} < 93 then 'partner_contact'
           when ${kind} < 97 then 'letter_sent' when ${kind} < 99 then 'letter_received' else 'workshop' end) as kind,
         ((b.lo + ${h("'jd'", 'greatest(1, b.hi - b.lo)')})::timestamp + time '08:30'
           + make_interval(mins => ${h("'jm'", 540)})) at time zone 'Europe/Paris' as occurred_at,
         ${h("'jc'", 200)} = 0 as cancelled
       from generate_series(1, $1::int) g
       cross join lateral (select 1 + least($2::int - 1,
         floor($2::int * power((abs(hashtext('jh' || g::text)) % 1000000) / 1000000.0, 1.25))::int) as n) pick
       join bench_journal_households b on b.n = pick.n
     ), entry as (
       insert into journal_entries (household_id, kind, occurred_at, duration_minutes, place, partner_organisation_ids,
         referentiel_version, briques, measure_id, note, sensitivity, status, cancel_reason, author_user_id,
         author_organisation_id, idempotency_key, request_digest, created_at, updated_at, row_version)
       select household_id, kind::journal_kind, occurred_at,
         (case kind when 'home_visit' then 45 + 15 * ${h("'du'", 6)} when 'office_meeting' then 30 + 15 * ${h("'du'", 5)}
           when 'phone_call' then 5 + 5 * ${h("'du'", 6)} when 'accompaniment' then 60 + 30 * ${h("'du'", 7)}
           when 'partner_contact' then 15 + 15 * ${h("'du'", 4)} when 'workshop' then 90 + 30 * ${h("'du'", 4)}
           else 10 + 5 * ${h("'du'", 3)} end)::smallint,
         case kind when 'home_visit' then 'Domicile du ménage' when 'office_meeting' then 'Bureau de l’association'
           when 'accompaniment' then 'Caisse d’allocations familiales' else '' end,
         case when kind = 'partner_contact' then array[($3::uuid[])[1 + ${h("'jp'", `array_length($3::uuid[], 1)`)}]] else '{}'::uuid[] end,
         '2011-01',
         case when ${h("'jb'", 5)} = 0 then '{}'::text[] when ${h("'jb'", 5)} = 1 then briques
           else array[briques[1 + ${h("'jbb'", 'cardinality(briques)')}]] end,
         case when ${h("'jmz'", 100)} < 85 then id end,
         ($4::text[])[1 + ${h("'jn'", `array_length($4::text[], 1)`)}],
         (case when ${h("'js'", 100)} < 7 then 'confidential' else 'ordinary' end)::journal_sensitivity,
         (case when cancelled then 'cancelled' else 'recorded' end)::journal_status,
         case when cancelled then 'Activité saisie en double.' end,
         caseworker_user_id, operator_organisation_id, gen_random_uuid(), md5('bench' || g::text),
         occurred_at + make_interval(mins => 30 + ${h("'jcr'", 600)}),
         occurred_at + make_interval(mins => 30 + ${h("'jcr'", 600)}) + case when cancelled then interval '1 day' else interval '0' end,
         case when cancelled then 2 else 1 end
       from planned
       returning id, status, cancel_reason, author_user_id, author_organisation_id, created_at, updated_at
     )
     insert into journal_entry_changes (entry_id, kind, reason, user_id, organisation_id, at)
     select id, 'created', null, author_user_id, author_organisation_id, created_at from entry
     union all
     select id, 'cancelled', cancel_reason, author_user_id, author_organisation_id, updated_at from entry where status = 'cancelled'`,
    [size.journal, households!.n, ref.landlords, JOURNAL_NOTES],
  );
}

/**
 * The associations' caseworkers' agendas: two appointments every working day, from eight weeks ago
 * to four weeks ahead, with the households they are référent of (one in ten a partner meeting
 * without a household); past ones mostly done, a few missed or cancelled.
 */
async function insertAppointments(sql: Sql, ref: ReferenceData): Promise<void> {
  await sql(
    `with mine as (
       select caseworker_user_id as u, organisation_id as o, household_id,
         row_number() over (partition by caseworker_user_id order by household_id) as r,
         count(*) over (partition by caseworker_user_id) as c
       from household_parties
       where organisation_id = any($1::uuid[]) and caseworker_user_id is not null and ended_at is null
     ), slot as (
       select w.u, w.o, w.c, d, s, row_number() over () as g
       from (select distinct u, o, c from mine) w
       cross join generate_series(-56, 27) d cross join generate_series(0, 1) s
       where extract(isodow from current_date + d) < 6
     ), planned as (
       select slot.*, m.household_id, ${h("'ak'", 10)} as k, ${h("'as'", 20)} as st,
         ((current_date + d)::timestamp + time '09:00' + make_interval(hours => 4 * s, mins => 30 * ${h("'am'", 4)}))
           at time zone 'Europe/Paris' as starts_at
       from slot join mine m on m.u = slot.u and m.r = 1 + ${h("'ah'", 'slot.c')}
     ), appointment as (
       insert into appointments (organisation_id, household_id, kind, status, starts_at, ends_at, place, cancel_reason,
         created_by_user_id, created_at, updated_at)
       select o, case when k > 0 then household_id end,
         (case when k = 0 then 'partner_meeting' when k < 5 then 'home_visit' when k < 8 then 'office_meeting'
           when k < 9 then 'accompaniment' else 'phone_call' end)::appointment_kind,
         (case when d >= 0 then 'planned' when st = 0 then 'cancelled' when st < 3 then 'missed' else 'done' end)::appointment_status,
         starts_at, starts_at + interval '1 hour',
         case when k = 0 then 'Agence du bailleur' when k < 5 then 'Domicile du ménage' when k < 8 then 'Bureau de l’association' end,
         case when d < 0 and st = 0 then 'Empêchement du ménage, rendez-vous à reprendre.' end,
         u, starts_at - interval '10 days', starts_at - interval '10 days'
       from planned
       returning id, created_by_user_id, household_id
     )
     insert into appointment_participants (appointment_id, user_id, organisation_id)
     select id, created_by_user_id, null from appointment
     union all
     select id, null, ($2::uuid[])[1 + abs(hashtext(id::text)) % array_length($2::uuid[], 1)] from appointment where household_id is null`,
    [ref.associations, ref.landlords],
  );
}

/** Half the associations have their own alert delays (the others follow the defaults). */
async function insertAlertSettings(sql: Sql, ref: ReferenceData): Promise<void> {
  await sql(
    `insert into alert_settings (organisation_id, no_contact_days, measure_ending_days, renewal_limit_days,
       referral_unanswered_days, contract_unsigned_days, updated_at)
     select a, (array[21, 30, 45])[1 + i % 3], (array[30, 42, 60])[1 + i % 3], 90, (array[5, 8, 10])[1 + i % 3], 15,
       now() - interval '90 days'
     from unnest($1::uuid[]) with ordinality x(a, i)
     where i % 2 = 0`,
    [ref.associations],
  );
}

/**
 * Everything else in set-based SQL. Pseudo-random choices use hashtext() of the row number, so the
 * data set is the same on every run. The bench association (index 0) is party to 15 % of households.
 */
export async function generateBenchData(database: Database, size = BENCH_SIZE): Promise<BenchData> {
  const ref = await insertReferenceData(database.db);
  await adoptCatalogue(database.db, ref);
  return withConnection(database, async (sql) => {
    let meetingId: string;
    let journalSeconds: number;
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
      meetingId = await insertMeasures(sql, ref, size);
      await insertAppointments(sql, ref);
      await insertAlertSettings(sql, ref);
      const journalStarted = performance.now();
      await insertJournal(sql, ref, size);
      journalSeconds = Math.round((performance.now() - journalStarted) / 100) / 10;
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
      'measure_schemes',
      'funding_programmes',
      'measures',
      'measure_events',
      'committee_meetings',
      'meeting_items',
      'meeting_decisions',
      'journal_entries',
      'journal_entry_changes',
      'appointments',
      'appointment_participants',
      'alert_settings',
    ]) {
      const [row] = await sql<{ n: number }>(`select count(*)::int as n from ${table}`);
      counts[table] = row!.n;
    }
    const benchOrg = ref.associations[0]!;
    const rows = await sql<{ household_id: string }>(
      `select household_id from household_parties where organisation_id = $1 and ended_at is null order by household_id`,
      [benchOrg],
    );
    // The timeline the bench reads: the caseworker's household with the most entries.
    const [heaviest] = await sql<{ household_id: string; n: number }>(
      `select household_id, count(*)::int as n from journal_entries where household_id = any($1::uuid[])
       group by household_id order by n desc, household_id limit 1`,
      [rows.map((r) => r.household_id)],
    );
    return {
      caseworker: { userId: ref.caseworkers[0]!, organisationId: benchOrg },
      caseworkerHouseholdIds: rows.map((r) => r.household_id),
      funderOfficer: ref.funderOfficer,
      teamManager: ref.teamManager,
      coordinator: { ...ref.coordinator, meetingId },
      people: ref.people,
      counts,
      journal: {
        seconds: journalSeconds,
        timelineHouseholdId: heaviest?.household_id ?? null,
        timelineEntries: heaviest?.n ?? 0,
      },
    };
  });
}
