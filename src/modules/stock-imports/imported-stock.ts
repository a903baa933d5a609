import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../kernel/errors.ts';
import { queryRows, type Queryable } from '../../kernel/db.ts';
import type { TImportCounts } from '../../shared/contracts/dwellings.ts';

/**
 * The writes of an applied import, all in the caller's transaction and set-based: each is one statement
 * over the run's accepted lines as the dry run stored them (`stock_import_lines.values`, the shape of
 * `StockValues` or `ArrearsValues`), so no line travels through the app again. Dwellings are found again
 * by (landlord, reference), their rent written when it changed, their tenants' direct leases found again
 * by (landlord, tenant reference), and the arrears balances by (contract, day).
 */
interface Write {
  runId: string;
  landlordId: string;
  userId: string;
  day: string;
  at: Date;
}

/** The run's accepted lines, `v` their values. */
const accepted = (runId: string) =>
  sql`select l.line, l.values as v from stock_import_lines l where l.run_id = ${runId}::uuid and l.values is not null`;

/** The accepted lines with a tenant, `t` the tenant, with the dwelling as the upsert left it. */
const tenantLines = (w: Write) => sql`
  select a.line, a.v->'tenant' as t, d.id as dwelling_id, d.external_reference as reference
  from (${accepted(w.runId)}) a
  join dwellings d on d.landlord_organisation_id = ${w.landlordId}::uuid and d.external_reference = a.v->>'reference'
  where jsonb_typeof(a.v->'tenant') = 'object'`;

const inForceOn = (day: string) =>
  sql`c.status <> 'ended' and (c.end_on is null or c.end_on >= ${day}::date)`;

async function countOf(q: Queryable, query: SQL): Promise<{ created: number; updated: number }> {
  const [row] = await queryRows<{ created: number; updated: number }>(q, query);
  return row ?? { created: 0, updated: 0 };
}

export async function writeStock(q: Queryable, w: Write, counts: TImportCounts): Promise<void> {
  await writeDwellings(q, w, counts);
  await writeRents(q, w);
  await writeTenants(q, w, counts);
}

/**
 * The dwellings, inserted or updated by (landlord, reference). A line that gives no status (and no
 * tenant) keeps the dwelling's: those lines are a statement of their own, which leaves the status
 * alone on conflict. An empty cell keeps the stored value.
 */
async function writeDwellings(q: Queryable, w: Write, counts: TImportCounts) {
  const keep = (column: string) => sql.raw(`${column} = coalesce(excluded.${column}, dwellings.${column})`);
  for (const statusGiven of [true, false]) {
    const { created, updated } = await countOf(
      q,
      sql`with written as (
        insert into dwellings (landlord_organisation_id, external_reference, address, commune_id, typology,
          surface_m2, floor, lift, accessibility, financing, status, created_at, updated_at)
        select ${w.landlordId}::uuid, a.v->>'reference', a.v->>'address', (a.v->>'communeId')::uuid,
          (a.v->>'typology')::typology, (a.v->>'surfaceM2')::numeric, (a.v->>'floor')::smallint,
          (a.v->>'lift')::boolean, (a.v->>'accessibility')::dwelling_accessibility,
          (a.v->>'financing')::dwelling_financing,
          coalesce((a.v->>'status')::dwelling_status,
            case when jsonb_typeof(a.v->'tenant') = 'object' then 'let' else 'vacant' end::dwelling_status),
          ${w.at.toISOString()}::timestamptz, ${w.at.toISOString()}::timestamptz
        from (${accepted(w.runId)}) a
        where ((a.v->>'status') is not null or jsonb_typeof(a.v->'tenant') = 'object') = ${statusGiven}
        order by a.line
        on conflict (landlord_organisation_id, external_reference) where external_reference is not null
        do update set address = excluded.address, commune_id = excluded.commune_id,
          ${keep('typology')}, ${keep('surface_m2')}, ${keep('floor')}, ${keep('lift')},
          ${keep('accessibility')}, ${keep('financing')},
          ${statusGiven ? sql`status = excluded.status,` : sql``} updated_at = excluded.updated_at
        returning (xmax = 0) as inserted
      )
      select (count(*) filter (where inserted))::int as created, (count(*) filter (where not inserted))::int as updated
      from written`,
    );
    counts.dwellingsCreated += created;
    counts.dwellingsUpdated += updated;
  }
}

/** A rent from today when the file's differs from the one in force (or there is none yet). */
async function writeRents(q: Queryable, w: Write) {
  await q.execute(sql`
    insert into dwelling_rents (dwelling_id, effective_from, monthly_rent_cents, monthly_charges_cents, created_at)
    select r.dwelling_id, ${w.day}::date, r.rent, r.charges, ${w.at.toISOString()}::timestamptz
    from (
      select d.id as dwelling_id, (a.v->>'rentCents')::int as rent,
        coalesce((a.v->>'chargesCents')::int, cur.charges, 0) as charges,
        cur.rent as rent_now, cur.charges as charges_now
      from (${accepted(w.runId)}) a
      join dwellings d on d.landlord_organisation_id = ${w.landlordId}::uuid and d.external_reference = a.v->>'reference'
      left join lateral (
        select monthly_rent_cents as rent, monthly_charges_cents as charges from dwelling_rents
        where dwelling_id = d.id and effective_from <= ${w.day}::date
        order by effective_from desc limit 1
      ) cur on true
      where (a.v->>'rentCents') is not null
    ) r
    where r.rent_now is null or r.rent_now <> r.rent or r.charges_now <> r.charges
    on conflict (dwelling_id, effective_from) do update
    set monthly_rent_cents = excluded.monthly_rent_cents, monthly_charges_cents = excluded.monthly_charges_cents`);
}

/**
 * The imported tenants as direct leases of the landlord (no household file): the contract of the same
 * tenant reference is updated, else one is created, active. The leases module owns what follows
 * (events, end, sliding); the check made sure no other contract is in force on the dwelling.
 */
async function writeTenants(q: Queryable, w: Write, counts: TImportCounts) {
  await refuseOtherContractInForce(q, w);
  const sameTenant = (t: SQL) =>
    sql`c.lessor_organisation_id = ${w.landlordId}::uuid and c.status <> 'ended' and c.tenant_reference = ${t}->>'reference'`;
  const { updated } = await countOf(
    q,
    sql`with updated as (
      update occupancy_contracts c
      set tenant_name = s.t->>'name', lessor_kind = (s.t->>'lessorKind')::lessor_kind,
        signed_on = (s.t->>'signedOn')::date, start_on = (s.t->>'startOn')::date,
        row_version = c.row_version + 1, updated_at = ${w.at.toISOString()}::timestamptz
      from (${tenantLines(w)}) s
      where ${sameTenant(sql`s.t`)}
      returning c.tenant_reference
    )
    select 0 as created, count(distinct tenant_reference)::int as updated from updated`,
  );
  const { created } = await countOf(
    q,
    sql`with created as (
      insert into occupancy_contracts (dwelling_id, kind, tenant_reference, tenant_name, lessor_organisation_id,
        lessor_kind, status, signed_on, start_on, created_by_user_id, created_at, updated_at)
      select s.dwelling_id, 'direct_lease', s.t->>'reference', s.t->>'name', ${w.landlordId}::uuid,
        (s.t->>'lessorKind')::lessor_kind, 'active', (s.t->>'signedOn')::date, (s.t->>'startOn')::date,
        ${w.userId}::uuid, ${w.at.toISOString()}::timestamptz, ${w.at.toISOString()}::timestamptz
      from (${tenantLines(w)}) s
      where not exists (select 1 from occupancy_contracts c where ${sameTenant(sql`s.t`)})
      order by s.line
      returning 1
    )
    select count(*)::int as created, 0 as updated from created`,
  );
  counts.tenantsCreated += created;
  counts.tenantsUpdated += updated;
}

/**
 * One contract in force per dwelling, checked again at the import (the dry run's reading may be old):
 * the dwellings' rows written just before stay locked until the commit, as the leases module locks a
 * dwelling's row before its own check, so no contract can slip in between.
 */
async function refuseOtherContractInForce(q: Queryable, w: Write) {
  const [clash] = await queryRows<{ reference: string }>(
    q,
    sql`select s.reference from (${tenantLines(w)}) s
      join occupancy_contracts c on c.dwelling_id = s.dwelling_id
      where ${inForceOn(w.day)}
        and (c.tenant_reference is distinct from s.t->>'reference'
          or c.lessor_organisation_id is distinct from ${w.landlordId}::uuid)
      order by s.line limit 1`,
  );
  if (clash)
    throw new AppError(
      'CONFLICT',
      `Le logement « ${clash.reference} » a maintenant un contrat en cours avec un autre occupant : rien n’a été importé. Relancez l’essai à blanc.`,
    );
}

/** The month's balances of an arrears file; the same contract and day again replaces the balance. */
export async function writeArrears(
  q: Queryable,
  w: Pick<Write, 'runId' | 'at'>,
  counts: TImportCounts,
): Promise<void> {
  const { created } = await countOf(
    q,
    sql`with written as (
      insert into arrears_balances (contract_id, as_of, balance_cents, months_of_arrears, import_run_id, created_at)
      select (a.v->>'contractId')::uuid, (a.v->>'asOf')::date, (a.v->>'balanceCents')::int,
        (a.v->>'months')::numeric, ${w.runId}::uuid, ${w.at.toISOString()}::timestamptz
      from (${accepted(w.runId)}) a
      order by a.line
      on conflict (contract_id, as_of) do update
      set balance_cents = excluded.balance_cents, months_of_arrears = excluded.months_of_arrears,
        import_run_id = excluded.import_run_id
      returning 1
    )
    select count(*)::int as created, 0 as updated from written`,
  );
  counts.balances += created;
}
