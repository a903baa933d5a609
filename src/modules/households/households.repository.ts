import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import { and, count, desc, eq, getTableColumns, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { preparedPerHandle, type Queryable } from '../../kernel/db.ts';
import type { HouseholdStatus, HousingSituation } from '../../shared/contracts/household-enums.ts';
import { managementUnits, organisations, territories } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { auditLog } from '../../kernel/audit-schema.ts';
import { auditInsertWhere } from '../../kernel/audit.ts';
import { householdAmongVisibleTo, isCurrentParty } from './access-guard.ts';
import { parisDate } from '../../shared/time.ts';
import { atCurrentPath, type RecordedChange, type ReferenceNames } from '../../shared/households/display.ts';
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_PARTS,
  HOUSEHOLD_PART_NAMES,
  TENANCY_FIELDS,
  type HouseholdPart,
  type ReferenceKind,
} from '../../shared/households/registry.ts';
import type { EvictionStep } from '../../shared/contracts/household-enums.ts';
import { insertDwelling, updateDwelling } from '../dwellings/index.ts';
import { dwellings } from '../dwellings/schema.ts';
import type {
  HouseholdSnapshot,
  HouseholdValues,
  PartRow,
  SnapshotBefore,
  TenancyValues,
} from './household-diff.ts';
import { householdSearchText, searchPattern } from './search-text.ts';
import {
  evictionProcedureSteps,
  evictionProcedures,
  householdChanges,
  householdDebts,
  householdExpenses,
  householdHousingHistory,
  householdMembers,
  householdResources,
  households,
  tenancies,
  tenancyRents,
} from './schema.ts';

export type HouseholdRow = typeof households.$inferSelect;

/** The current tenancy as the file reads it: the dwelling, the lease, the rent in force, the names. */
export interface TenancyRecord extends TenancyValues {
  id: string;
  dwellingId: string;
  commune: { id: string; name: string; postcode: string | null } | null;
  landlordOrganisationName: string | null;
  managementUnitName: string | null;
  rentSince: string | null;
}

export interface EvictionProcedureRecord {
  id: string;
  openedOn: string;
  closedOn: string | null;
  steps: { id: string; step: EvictionStep; occurredOn: string; note: string | null }[];
}

/** A household with its list rows (ids included), its current tenancy and its eviction procedure. */
export interface HouseholdFile {
  household: HouseholdRow;
  members: (typeof householdMembers.$inferSelect)[];
  resources: (typeof householdResources.$inferSelect)[];
  expenses: (typeof householdExpenses.$inferSelect)[];
  debts: (typeof householdDebts.$inferSelect)[];
  housingHistory: (typeof householdHousingHistory.$inferSelect)[];
  tenancy: TenancyRecord | null;
  /** The open procedure, or else the latest closed one. */
  evictionProcedure: EvictionProcedureRecord | null;
}

/**
 * The rows of a child table as a JSON array, in the shape Drizzle would return them (camelCase keys;
 * the child tables hold no timestamp, so JSON types round-trip as is).
 */
function childRowsJson(table: AnyPgTable & { householdId: AnyPgColumn; position: AnyPgColumn }): SQL {
  const fields = Object.entries(getTableColumns(table)).map(
    ([key, column]) => `'${key}', c."${(column as AnyPgColumn).name}"`,
  );
  return sql`coalesce((select json_agg(json_build_object(${sql.raw(fields.join(', '))}) order by c.position) from ${table} c where c.household_id = "households"."id"), '[]'::json)`;
}

/**
 * The current tenancy, its dwelling, the latest rent and the names, as one JSON object (or null). The
 * names are looked up by primary key (no hash of the organisations on every read of the file).
 */
const tenancyJson = sql<TenancyRecord | null>`(select json_build_object(
    'id', t.id, 'dwellingId', d.id, 'address', d.address, 'communeId', d.commune_id,
    'typology', d.typology, 'surfaceM2', d.surface_m2::float8,
    'landlordOrganisationId', t.landlord_organisation_id, 'landlordName', t.landlord_name,
    'managementUnitId', t.management_unit_id, 'tenantReference', t.tenant_reference,
    'startDate', t.start_date, 'monthlyRentCents', r.monthly_rent_cents,
    'monthlyChargesCents', r.monthly_charges_cents, 'rentSince', r.effective_from,
    'commune', (select json_build_object('id', c.id, 'name', c.name, 'postcode', c.postcode) from ${territories} c where c.id = d.commune_id),
    'landlordOrganisationName', (select o.name from ${organisations} o where o.id = t.landlord_organisation_id),
    'managementUnitName', (select mu.name from ${managementUnits} mu where mu.id = t.management_unit_id))
  from ${tenancies} t
  join ${dwellings} d on d.id = t.dwelling_id
  left join lateral (select * from ${tenancyRents} tr where tr.tenancy_id = t.id order by tr.effective_from desc limit 1) r on true
  where t.household_id = "households"."id" and t.end_date is null)`;

const procedureJson = sql<EvictionProcedureRecord | null>`(select json_build_object(
    'id', p.id, 'openedOn', p.opened_on, 'closedOn', p.closed_on,
    'steps', coalesce((select json_agg(json_build_object('id', s.id, 'step', s.step, 'occurredOn', s.occurred_on, 'note', s.note) order by s.occurred_on, s.recorded_at)
      from ${evictionProcedureSteps} s where s.procedure_id = p.id), '[]'::json))
  from ${evictionProcedures} p where p.household_id = "households"."id"
  order by p.closed_on is null desc, p.opened_on desc limit 1)`;

const householdFileFields = {
  household: getTableColumns(households),
  members: sql<HouseholdFile['members']>`${childRowsJson(householdMembers)}`,
  resources: sql<HouseholdFile['resources']>`${childRowsJson(householdResources)}`,
  expenses: sql<HouseholdFile['expenses']>`${childRowsJson(householdExpenses)}`,
  debts: sql<HouseholdFile['debts']>`${childRowsJson(householdDebts)}`,
  housingHistory: sql<HouseholdFile['housingHistory']>`${childRowsJson(householdHousingHistory)}`,
  tenancy: tenancyJson,
  evictionProcedure: procedureJson,
};

/**
 * Loads a file by id without any access check: callers check access first. One statement with the
 * child rows aggregated, since the file read is the hottest path of the application.
 */
export async function unsafeLoadHouseholdFile(
  q: Queryable,
  householdId: string,
): Promise<HouseholdFile | null> {
  const [row] = await q.select(householdFileFields).from(households).where(eq(households.id, householdId));
  return row ?? null;
}

/**
 * The file read of a party, prepared once per database handle (the hottest statement: built and
 * parsed once instead of on every request). The audit entry is inserted only if the organisation is a
 * current party, and the file is returned only with that entry: both land together or not at all.
 */
function prepareFileReadAsParty(q: Queryable) {
  const householdId = sql.placeholder('householdId');
  const written = q
    .$with('written', {})
    .as(
      auditInsertWhere(
        isCurrentParty(householdId, sql.placeholder('organisationId'), sql.placeholder('today')),
      ),
    );
  return q
    .with(written)
    .select(householdFileFields)
    .from(households)
    .where(and(eq(households.id, householdId), sql`exists (select 1 from ${written})`))
    .prepare('household_file_read_as_party');
}

const fileReadAsParty = preparedPerHandle(prepareFileReadAsParty);

/** Reads a file for a current party of it, writing the read's audit entry (see auditParams). */
export async function readHouseholdFileAsParty(
  q: Queryable,
  input: { householdId: string; organisationId: string; at: Date; audit: Record<string, unknown> },
): Promise<HouseholdFile | null> {
  const [row] = await fileReadAsParty(q).execute({
    ...input.audit,
    householdId: input.householdId,
    organisationId: input.organisationId,
    today: parisDate(input.at),
  });
  return row ?? null;
}

const pick = <K extends string>(keys: readonly K[], row: Readonly<Record<K, unknown>>) =>
  Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));

const HOUSEHOLD_KEYS = Object.keys(HOUSEHOLD_FIELDS) as (keyof HouseholdValues)[];
const TENANCY_KEYS = Object.keys(TENANCY_FIELDS) as (keyof TenancyValues)[];
const partKeys = (part: HouseholdPart) => Object.keys(HOUSEHOLD_PARTS[part].fields);

/** The comparable content of a stored file. */
export function snapshotOf(file: HouseholdFile): HouseholdSnapshot {
  const rowsOf = <P extends HouseholdPart>(part: P, rows: readonly ({ id: string } & object)[]) =>
    rows.map((r) => ({ id: r.id, values: pick(partKeys(part), r as Record<string, unknown>) }) as PartRow<P>);
  return {
    household: pick(HOUSEHOLD_KEYS, file.household) as HouseholdValues,
    tenancy: file.tenancy ? (pick(TENANCY_KEYS, file.tenancy) as TenancyValues) : null,
    members: rowsOf('members', file.members),
    resources: rowsOf('resources', file.resources),
    expenses: rowsOf('expenses', file.expenses),
    debts: rowsOf('debts', file.debts),
    housingHistory: rowsOf('housingHistory', file.housingHistory),
  };
}

/** Inserts the household row; the search text needs the generated file number, set right after. */
export async function insertHousehold(
  q: Queryable,
  s: HouseholdSnapshot,
  meta: { userId: string; organisationId: string; at: Date },
): Promise<{ id: string; fileNumber: number }> {
  const [row] = await q
    .insert(households)
    .values({
      ...s.household,
      createdByUserId: meta.userId,
      createdByOrganisationId: meta.organisationId,
      createdAt: meta.at,
      updatedAt: meta.at,
    })
    .returning({ id: households.id, fileNumber: households.fileNumber });
  await q
    .update(households)
    .set({ searchText: searchTextOf(s, row!.fileNumber) })
    .where(eq(households.id, row!.id));
  return row!;
}

const searchTextOf = (s: HouseholdSnapshot, fileNumber: number) =>
  householdSearchText({
    fileNumber,
    applicationNumber: s.household.applicationNumber,
    members: s.members.map((m) => m.values),
  });

/**
 * Saves the household row if it is still at `expectedVersion` (optimistic lock in the WHERE, so
 * two concurrent saves cannot both pass) and bumps the version. Returns the new version or null.
 */
export async function updateHouseholdIfVersion(
  q: Queryable,
  input: {
    householdId: string;
    fileNumber: number;
    expectedVersion: number;
    snapshot: HouseholdSnapshot;
    at: Date;
  },
): Promise<number | null> {
  const rows = await q
    .update(households)
    .set({
      ...input.snapshot.household,
      searchText: searchTextOf(input.snapshot, input.fileNumber),
      version: sql`${households.version} + 1`,
      updatedAt: input.at,
    })
    .where(and(eq(households.id, input.householdId), eq(households.version, input.expectedVersion)))
    .returning({ version: households.version });
  return rows[0]?.version ?? null;
}

const PART_TABLES = {
  members: householdMembers,
  resources: householdResources,
  expenses: householdExpenses,
  debts: householdDebts,
  housingHistory: householdHousingHistory,
} as const;

/**
 * Writes the list rows that changed between two snapshots (call inside the saving transaction):
 * rows keep their ids; removed rows are deleted, new ones inserted, changed ones updated, and each
 * row's position follows its order in the file. Members first, so that resources can point at them.
 */
export async function saveHouseholdRows(
  q: Queryable,
  householdId: string,
  before: SnapshotBefore,
  after: HouseholdSnapshot,
): Promise<void> {
  // Resources first when removing (they point at members), members first when inserting.
  for (const part of ['resources', 'expenses', 'debts', 'housingHistory', 'members'] as const) {
    const kept = new Set(after[part].map((r) => r.id));
    const removed = before[part].filter((r) => !kept.has(r.id)).map((r) => r.id);
    const table = PART_TABLES[part];
    if (removed.length)
      await q.delete(table).where(and(eq(table.householdId, householdId), inArray(table.id, removed)));
  }
  for (const part of HOUSEHOLD_PART_NAMES) {
    const table = PART_TABLES[part];
    const previous = new Map(before[part].map((r, position) => [r.id, { values: r.values, position }]));
    const inserts = [];
    for (const [position, row] of after[part].entries()) {
      const old = previous.get(row.id);
      if (!old) {
        inserts.push({ ...row.values, id: row.id, householdId, position });
      } else if (
        old.position !== position ||
        partKeys(part).some(
          (k) => (old.values as Record<string, unknown>)[k] !== (row.values as Record<string, unknown>)[k],
        )
      ) {
        await q
          .update(table)
          .set({ ...row.values, position })
          .where(and(eq(table.householdId, householdId), eq(table.id, row.id)));
      }
    }
    if (inserts.length) await q.insert(table).values(inserts as (typeof table.$inferInsert)[]);
  }
}

/**
 * Writes the tenancy as the file now says: a first one opens a dwelling and a lease; changed values
 * update them, a changed rent is a new dated rent (from today); a removed one ends today.
 */
export async function saveTenancy(
  q: Queryable,
  input: {
    householdId: string;
    tenancyId: string | null;
    before: TenancyValues | null;
    after: TenancyValues | null;
    today: string;
    at: Date;
  },
): Promise<void> {
  const { before, after, today, at } = input;
  if (!after) {
    if (input.tenancyId)
      await q
        .update(tenancies)
        .set({ endDate: today, updatedAt: at })
        .where(eq(tenancies.id, input.tenancyId));
    return;
  }
  const dwelling = {
    address: after.address,
    communeId: after.communeId,
    landlordOrganisationId: after.landlordOrganisationId,
    managementUnitId: after.managementUnitId,
    typology: after.typology,
    surfaceM2: after.surfaceM2,
  };
  const lease = {
    landlordOrganisationId: after.landlordOrganisationId,
    landlordName: after.landlordName,
    managementUnitId: after.managementUnitId,
    tenantReference: after.tenantReference,
    startDate: after.startDate,
  };
  const rent = { monthlyRentCents: after.monthlyRentCents, monthlyChargesCents: after.monthlyChargesCents };
  let tenancyId = input.tenancyId;
  if (!before || !tenancyId) {
    const dwellingId = await insertDwelling(q, dwelling, at);
    const [created] = await q
      .insert(tenancies)
      .values({ ...lease, householdId: input.householdId, dwellingId, createdAt: at, updatedAt: at })
      .returning({ id: tenancies.id });
    tenancyId = created!.id;
  } else {
    const [current] = await q
      .select({ dwellingId: tenancies.dwellingId })
      .from(tenancies)
      .where(eq(tenancies.id, tenancyId));
    await updateDwelling(q, current!.dwellingId, dwelling, at);
    await q
      .update(tenancies)
      .set({ ...lease, updatedAt: at })
      .where(eq(tenancies.id, tenancyId));
  }
  const rentChanged =
    !before ||
    before.monthlyRentCents !== rent.monthlyRentCents ||
    before.monthlyChargesCents !== rent.monthlyChargesCents;
  if (rentChanged && (before || rent.monthlyRentCents !== null || rent.monthlyChargesCents !== null)) {
    await q
      .insert(tenancyRents)
      .values({
        tenancyId,
        effectiveFrom: before ? today : (after.startDate ?? today),
        ...rent,
        createdAt: at,
      })
      .onConflictDoUpdate({ target: [tenancyRents.tenancyId, tenancyRents.effectiveFrom], set: rent });
  }
}

export async function insertHouseholdChange(
  q: Queryable,
  input: {
    householdId: string;
    version: number;
    userId: string;
    organisationId: string;
    summary: string;
    changes: RecordedChange[];
    at: Date;
  },
) {
  await q.insert(householdChanges).values({
    householdId: input.householdId,
    version: input.version,
    userId: input.userId,
    organisationId: input.organisationId,
    summary: input.summary,
    changes: input.changes,
    changedAt: input.at,
  });
}

export async function householdChangeRows(q: Queryable, householdId: string) {
  const rows = await q
    .select({
      version: householdChanges.version,
      changedAt: householdChanges.changedAt,
      userName: users.fullName,
      organisationName: organisations.name,
      summary: householdChanges.summary,
      changes: householdChanges.changes,
    })
    .from(householdChanges)
    .leftJoin(users, eq(users.id, householdChanges.userId))
    .leftJoin(organisations, eq(organisations.id, householdChanges.organisationId))
    .where(eq(householdChanges.householdId, householdId))
    .orderBy(desc(householdChanges.version));
  return rows.map((r) => ({ ...r, changes: r.changes.map(atCurrentPath) }));
}

export interface HouseholdListFilter {
  q?: string;
  status?: HouseholdStatus;
  housingSituation?: HousingSituation;
  dalo?: boolean;
  page: number;
  pageSize: number;
}

/** The list's conditions, on bound values or on a prepared statement's placeholders. */
function householdListConditions(v: {
  organisationId: string | Placeholder;
  at: Date | Placeholder;
  pattern?: string | Placeholder;
  status?: HouseholdStatus | Placeholder;
  housingSituation?: HousingSituation | Placeholder;
  dalo?: boolean | Placeholder;
}): SQL | undefined {
  return and(
    householdAmongVisibleTo(v.organisationId, v.at, v.pattern),
    v.status === undefined ? undefined : eq(households.status, v.status),
    v.housingSituation === undefined ? undefined : eq(households.housingSituation, v.housingSituation),
    v.dalo === undefined ? undefined : eq(households.daloRecognised, v.dalo),
  );
}

/**
 * The list's page with, through a window, the total — one statement, no second scan for the count.
 * Prepared once per database handle and combination of filters: the search is a hot path.
 */
function prepareHouseholdList(q: Queryable, filters: ReadonlySet<ListFilter>, shape: string) {
  const p = sql.placeholder;
  // The list's audit entry is written by the same statement: a data-modifying CTE runs once,
  // whether or not the query reads it.
  const written = q.$with('written', {}).as(auditInsertWhere(sql`true`));
  return q
    .with(written)
    .select({
      id: households.id,
      fileNumber: households.fileNumber,
      housingSituation: households.housingSituation,
      status: households.status,
      daloRecognised: households.daloRecognised,
      updatedAt: households.updatedAt,
      // Column names are written qualified: drizzle renders columns unqualified inside select fields.
      referencePersonName: sql<
        string | null
      >`(select m.first_name || ' ' || m.last_name from ${householdMembers} m where m.household_id = "households"."id" and m.is_reference_person limit 1)`,
      memberCount: sql<number>`(select count(*)::int from ${householdMembers} m where m.household_id = "households"."id")`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(households)
    .where(
      householdListConditions({
        organisationId: p('organisationId'),
        at: p('today'),
        pattern: filters.has('pattern') ? p('pattern') : undefined,
        status: filters.has('status') ? p('status') : undefined,
        housingSituation: filters.has('housingSituation') ? p('housingSituation') : undefined,
        dalo: filters.has('dalo') ? p('dalo') : undefined,
      }),
    )
    .orderBy(desc(households.updatedAt), desc(households.fileNumber))
    .limit(p('limit'))
    .offset(p('offset'))
    .prepare(`household_list_${shape}`);
}

const LIST_FILTERS = ['pattern', 'status', 'housingSituation', 'dalo'] as const;
type ListFilter = (typeof LIST_FILTERS)[number];

/** Per database handle, the list's statements by combination of filters. */
const householdLists = preparedPerHandle(() => new Map<string, ReturnType<typeof prepareHouseholdList>>());

/**
 * The households an organisation is a current party to, filtered and paged (tenant scoping in SQL),
 * writing the read's audit entry (see auditParams) in the same statement.
 */
export async function listHouseholdsVisibleTo(
  q: Queryable,
  organisationId: string,
  filter: HouseholdListFilter,
  at: Date,
  audit: Record<string, unknown>,
) {
  const values = {
    organisationId,
    at,
    // search_text is stored normalised (lower-case, no accents): a plain LIKE is enough and cheaper.
    pattern: filter.q ? searchPattern(filter.q) : undefined,
    status: filter.status,
    housingSituation: filter.housingSituation,
    dalo: filter.dalo,
  };
  const filters = new Set(LIST_FILTERS.filter((f) => values[f] !== undefined));
  const shape = [...filters].join('_');
  const statements = householdLists(q);
  let statement = statements.get(shape);
  if (!statement) statements.set(shape, (statement = prepareHouseholdList(q, filters, shape)));
  const rows = await statement.execute({
    ...audit,
    ...values,
    today: parisDate(at),
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  // Past the last page the window yields no row: count separately only then.
  const total =
    rows[0]?.total ??
    (filter.page > 1
      ? ((await q.select({ n: count() }).from(households).where(householdListConditions(values)))[0]?.n ?? 0)
      : 0);
  return { rows, total };
}

/** The audit entries about one household, newest first, with who and for which organisation. */
export async function householdAuditRows(q: Queryable, householdId: string) {
  return q
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      userName: users.fullName,
      organisationName: organisations.name,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.actorOrganisationId))
    .where(eq(auditLog.householdId, householdId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(500);
}

/** Records of a named table by id (organisations, management units, territories), with their name. */
async function namesIn(
  q: Queryable,
  table: typeof organisations | typeof managementUnits | typeof territories,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const organisationNames = (q: Queryable, ids: Iterable<string>) => namesIn(q, organisations, ids);

/** The names of the records that history changes designate, one query per kind of record. */
export async function referenceNames(
  q: Queryable,
  householdId: string,
  ids: Record<ReferenceKind, Set<string>>,
): Promise<ReferenceNames> {
  const members =
    ids.member.size === 0
      ? []
      : await q
          .select({
            id: householdMembers.id,
            firstName: householdMembers.firstName,
            lastName: householdMembers.lastName,
          })
          .from(householdMembers)
          .where(
            and(eq(householdMembers.householdId, householdId), inArray(householdMembers.id, [...ids.member])),
          );
  return {
    organisation: await namesIn(q, organisations, ids.organisation),
    managementUnit: await namesIn(q, managementUnits, ids.managementUnit),
    territory: await namesIn(q, territories, ids.territory),
    member: new Map(members.map((m) => [m.id, `${m.firstName} ${m.lastName}`])),
  };
}

/** The household's eviction procedure (the open one, else the latest closed), with its steps. */
export async function evictionProcedureOf(
  q: Queryable,
  householdId: string,
): Promise<EvictionProcedureRecord | null> {
  const [row] = await q
    .select({ procedure: procedureJson })
    .from(households)
    .where(eq(households.id, householdId));
  return row?.procedure ?? null;
}

/** The members of the file by their stable id, in the file's order (for references from other modules). */
export const householdMemberNames = (q: Queryable, householdId: string) =>
  q
    .select({
      id: householdMembers.id,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
    })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(householdMembers.position);
