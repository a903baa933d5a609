import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import { and, count, desc, eq, getTableColumns, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { HouseholdStatus, HousingSituation } from '../../shared/contracts/household-enums.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { users } from '../identity/schema.ts';
import { auditLog } from '../../kernel/audit-schema.ts';
import { auditInsertWhere } from '../../kernel/audit.ts';
import { householdAmongVisibleTo, isCurrentParty } from './access-guard.ts';
import { parisDate } from '../../shared/time.ts';
import type { FieldChange, HouseholdSnapshot } from './household-diff.ts';
import { householdSearchText, searchPattern } from './search-text.ts';
import {
  householdChanges,
  householdDebts,
  householdExpenses,
  householdHousingHistory,
  householdMembers,
  householdResources,
  households,
} from './schema.ts';

export type HouseholdRow = typeof households.$inferSelect;

/** A household with its list rows (ids included), as stored. */
export interface HouseholdFile {
  household: HouseholdRow;
  members: (typeof householdMembers.$inferSelect)[];
  resources: (typeof householdResources.$inferSelect)[];
  expenses: (typeof householdExpenses.$inferSelect)[];
  debts: (typeof householdDebts.$inferSelect)[];
  housingHistory: (typeof householdHousingHistory.$inferSelect)[];
  /** The dwelling's commune, named, for display. */
  dwellingCommune: { id: string; name: string; postcode: string | null } | null;
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

const householdFileFields = {
  household: getTableColumns(households),
  members: sql<HouseholdFile['members']>`${childRowsJson(householdMembers)}`,
  resources: sql<HouseholdFile['resources']>`${childRowsJson(householdResources)}`,
  expenses: sql<HouseholdFile['expenses']>`${childRowsJson(householdExpenses)}`,
  debts: sql<HouseholdFile['debts']>`${childRowsJson(householdDebts)}`,
  housingHistory: sql<HouseholdFile['housingHistory']>`${childRowsJson(householdHousingHistory)}`,
  dwellingCommune: sql<
    HouseholdFile['dwellingCommune']
  >`(select json_build_object('id', t.id, 'name', t.name, 'postcode', t.postcode) from ${territories} t where t.id = "households"."dwelling_commune_id")`,
};

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

const fileReadsAsParty = new WeakMap<Queryable, ReturnType<typeof prepareFileReadAsParty>>();

/** Reads a file for a current party of it, writing the read's audit entry (see auditParams). */
export async function readHouseholdFileAsParty(
  q: Queryable,
  input: { householdId: string; organisationId: string; at: Date; audit: Record<string, unknown> },
): Promise<HouseholdFile | null> {
  let statement = fileReadsAsParty.get(q);
  if (!statement) fileReadsAsParty.set(q, (statement = prepareFileReadAsParty(q)));
  const [row] = await statement.execute({
    ...input.audit,
    householdId: input.householdId,
    organisationId: input.organisationId,
    today: parisDate(input.at),
  });
  return row ?? null;
}

/** The comparable content of a stored file (resources point at members by position). */
export function snapshotOf(file: HouseholdFile): HouseholdSnapshot {
  const h = file.household;
  const memberIndex = new Map(file.members.map((m, i) => [m.id, i]));
  return {
    status: h.status,
    applicationNumber: h.applicationNumber,
    phone: h.phone,
    email: h.email,
    postalAddress: h.postalAddress,
    housingSituation: h.housingSituation,
    housingSince: h.housingSince,
    shelterName: h.shelterName,
    dwellingAddress: h.dwellingAddress,
    dwellingCommuneId: h.dwellingCommuneId,
    landlordOrganisationId: h.landlordOrganisationId,
    managementUnitId: h.managementUnitId,
    landlordName: h.landlordName,
    tenantReference: h.tenantReference,
    monthlyRentCents: h.monthlyRentCents,
    monthlyChargesCents: h.monthlyChargesCents,
    daloRecognised: h.daloRecognised,
    daloDecisionDate: h.daloDecisionDate,
    pdalpdPriority: h.pdalpdPriority,
    healthNotes: h.healthNotes,
    justiceNotes: h.justiceNotes,
    familyConflictNotes: h.familyConflictNotes,
    members: file.members.map((m) => ({
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: m.birthDate,
      relationship: m.relationship,
      isReferencePerson: m.isReferencePerson,
    })),
    resources: file.resources.map((r) => ({
      memberIndex: r.memberId ? (memberIndex.get(r.memberId) ?? null) : null,
      type: r.type,
      monthlyAmountCents: r.monthlyAmountCents,
      note: r.note,
    })),
    expenses: file.expenses.map((e) => ({
      category: e.category,
      monthlyAmountCents: e.monthlyAmountCents,
      note: e.note,
    })),
    debts: file.debts.map((d) => ({
      kind: d.kind,
      amountCents: d.amountCents,
      startDate: d.startDate,
      creditor: d.creditor,
      repaymentPlan: d.repaymentPlan,
      note: d.note,
    })),
    housingHistory: file.housingHistory.map((e) => ({
      situation: e.situation,
      fromDate: e.fromDate,
      toDate: e.toDate,
      address: e.address,
      endReason: e.endReason,
    })),
  };
}

/** The households columns of a snapshot (everything but the list rows). */
export function householdColumns(s: HouseholdSnapshot) {
  const {
    members: _members,
    resources: _resources,
    expenses: _expenses,
    debts: _debts,
    housingHistory: _housingHistory,
    housingSituation,
    ...columns
  } = s;
  if (!housingSituation) throw new Error('A saved household has a housing situation.');
  return { ...columns, housingSituation };
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
      ...householdColumns(s),
      createdByUserId: meta.userId,
      createdByOrganisationId: meta.organisationId,
      createdAt: meta.at,
      updatedAt: meta.at,
    })
    .returning({ id: households.id, fileNumber: households.fileNumber });
  await q
    .update(households)
    .set({ searchText: householdSearchText({ ...s, fileNumber: row!.fileNumber }) })
    .where(eq(households.id, row!.id));
  return row!;
}

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
      ...householdColumns(input.snapshot),
      searchText: householdSearchText({ ...input.snapshot, fileNumber: input.fileNumber }),
      version: sql`${households.version} + 1`,
      updatedAt: input.at,
    })
    .where(and(eq(households.id, input.householdId), eq(households.version, input.expectedVersion)))
    .returning({ version: households.version });
  return rows[0]?.version ?? null;
}

/** Replaces every list row of the file by the snapshot's (call inside the saving transaction). */
export async function replaceHouseholdRows(q: Queryable, householdId: string, s: HouseholdSnapshot) {
  for (const t of [householdResources, householdExpenses, householdDebts, householdHousingHistory]) {
    await q.delete(t).where(eq(t.householdId, householdId));
  }
  await q.delete(householdMembers).where(eq(householdMembers.householdId, householdId));
  const memberIds = s.members.length
    ? (
        await q
          .insert(householdMembers)
          .values(s.members.map((m, position) => ({ ...m, householdId, position })))
          .returning({ id: householdMembers.id, position: householdMembers.position })
      )
        .sort((a, b) => a.position - b.position)
        .map((m) => m.id)
    : [];
  if (s.resources.length) {
    await q.insert(householdResources).values(
      s.resources.map(({ memberIndex, ...r }, position) => ({
        ...r,
        householdId,
        position,
        memberId: memberIndex == null ? null : (memberIds[memberIndex] ?? null),
      })),
    );
  }
  if (s.expenses.length) {
    await q
      .insert(householdExpenses)
      .values(s.expenses.map((e, position) => ({ ...e, householdId, position })));
  }
  if (s.debts.length) {
    await q.insert(householdDebts).values(s.debts.map((d, position) => ({ ...d, householdId, position })));
  }
  if (s.housingHistory.length) {
    await q
      .insert(householdHousingHistory)
      .values(s.housingHistory.map((e, position) => ({ ...e, householdId, position })));
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
    changes: FieldChange[];
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
  return q
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
  return q
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

const householdLists = new WeakMap<Queryable, Map<string, ReturnType<typeof prepareHouseholdList>>>();

/** The households an organisation is a current party to, filtered and paged (tenant scoping in SQL). */
export async function listHouseholdsVisibleTo(
  q: Queryable,
  organisationId: string,
  filter: HouseholdListFilter,
  at: Date,
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
  let statements = householdLists.get(q);
  if (!statements) householdLists.set(q, (statements = new Map()));
  let statement = statements.get(shape);
  if (!statement) statements.set(shape, (statement = prepareHouseholdList(q, filters, shape)));
  const rows = await statement.execute({
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
