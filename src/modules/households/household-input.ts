import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { ZodType } from 'zod';
import type { Queryable } from '../../kernel/db.ts';
import { forbidden, invalid, notFound, type FieldErrors } from '../../kernel/errors.ts';
import {
  datesOutOfOrder,
  futureDateIssues,
  type THouseholdCreate,
} from '../../shared/contracts/households.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { canSeeField, canSeeFieldClass } from '../../shared/access/household-fields.ts';
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_PARTS,
  TENANCY_FIELDS,
  type HouseholdPart,
} from '../../shared/households/registry.ts';
import { parisDate } from '../../shared/time.ts';
import { managementUnits, organisations, territories } from '../organisations/schema.ts';
import type {
  HouseholdSnapshot,
  HouseholdValues,
  PartRow,
  SnapshotBefore,
  TenancyValues,
} from './household-diff.ts';

/** Parses with a shared schema for callers outside an HTTP route; issues become field errors. */
export function parseOrInvalid<T extends ZodType>(
  schema: T,
  input: unknown,
  prefix = '',
): ReturnType<T['parse']> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as ReturnType<T['parse']>;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) fields[prefix + issue.path.join('.') || '_'] ??= issue.message;
  throw invalid(fields);
}

const hasValue = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

const valuesOf = <K extends string>(keys: readonly K[], input: Partial<Record<K, unknown>>) =>
  Object.fromEntries(keys.map((k) => [k, input[k] ?? null]));

const HOUSEHOLD_KEYS = Object.keys(HOUSEHOLD_FIELDS) as (keyof HouseholdValues)[];
const TENANCY_KEYS = Object.keys(TENANCY_FIELDS) as (keyof TenancyValues)[];

/**
 * The file as entered, every optional value made explicit (absent = empty), each list row with its
 * id: the one it was read with (which must be one of this file's rows), or a new one.
 */
function snapshotOfInput(input: THouseholdCreate, current: SnapshotBefore): HouseholdSnapshot {
  const unknownRows: FieldErrors = {};
  const rowsOf = <P extends HouseholdPart>(part: P, rows: readonly ({ id?: string } & object)[]) => {
    const known = new Set(current[part].map((r) => r.id));
    return rows.map((row, i) => {
      if (row.id && !known.has(row.id)) unknownRows[`${part}.${i}.id`] = 'Ligne inconnue de ce dossier.';
      const { id, ...values } = row;
      return { id: id ?? randomUUID(), values } as PartRow<P>;
    });
  };
  const members = rowsOf(
    'members',
    input.members.map((m) => ({ ...m, birthDate: m.birthDate ?? null })),
  );
  const snapshot: HouseholdSnapshot = {
    household: {
      ...(valuesOf(HOUSEHOLD_KEYS, input) as HouseholdValues),
      status: input.status ?? current.household.status ?? 'active',
    },
    tenancy: input.tenancy ? (valuesOf(TENANCY_KEYS, input.tenancy) as TenancyValues) : null,
    members,
    resources: rowsOf(
      'resources',
      input.resources.map(({ memberIndex, ...r }) => ({
        ...r,
        note: r.note ?? null,
        memberId: memberIndex == null ? null : (members[memberIndex]?.id ?? null),
      })),
    ),
    expenses: rowsOf(
      'expenses',
      input.expenses.map((e) => ({ ...e, note: e.note ?? null })),
    ),
    debts: rowsOf(
      'debts',
      input.debts.map((d) => ({
        ...d,
        startDate: d.startDate ?? null,
        unpaidMonths: d.unpaidMonths ?? null,
        creditor: d.creditor ?? null,
        note: d.note ?? null,
      })),
    ),
    housingHistory: rowsOf(
      'housingHistory',
      input.housingHistory.map((h) => ({
        ...h,
        fromDate: h.fromDate ?? null,
        toDate: h.toDate ?? null,
        address: h.address ?? null,
        endReason: h.endReason ?? null,
      })),
    ),
  };
  if (Object.keys(unknownRows).length > 0) throw invalid(unknownRows);
  return snapshot;
}

/**
 * The file to save from a writer's input. A writer may not write what its level does not let it
 * read (403); those parts keep their current value, so a partner who never saw the health notes
 * cannot erase them by saving the file it was shown. Dates are checked against the server's today.
 */
export function snapshotToSave(
  input: THouseholdCreate,
  current: SnapshotBefore,
  level: HouseholdAccessLevel,
  now: Date,
): HouseholdSnapshot {
  const hidden = HOUSEHOLD_KEYS.filter((f) => !canSeeField(level, f));
  const refused = hidden.filter((f) => hasValue(input[f]));
  if (refused.length > 0) {
    throw forbidden(
      `Vous ne pouvez pas renseigner ces informations : ${refused.map((f) => HOUSEHOLD_FIELDS[f].label).join(', ')}.`,
    );
  }
  const issues = futureDateIssues(input, parisDate(now));
  if (Object.keys(issues).length > 0) throw invalid(issues);
  const entered = snapshotOfInput(input, current);
  for (const f of hidden) Object.assign(entered.household, { [f]: current.household[f] ?? null });
  return entered;
}

/** The ids the file points at must exist (and the management unit belong to the landlord). */
export async function checkReferences(q: Queryable, s: HouseholdSnapshot): Promise<void> {
  const fields: FieldErrors = {};
  const t = s.tenancy;
  if (t?.landlordOrganisationId) {
    const [org] = await q
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, t.landlordOrganisationId), eq(organisations.type, 'landlord')));
    if (!org) fields['tenancy.landlordOrganisationId'] = 'Bailleur inconnu.';
  }
  if (t?.managementUnitId) {
    const [unit] = await q
      .select({ organisationId: managementUnits.organisationId })
      .from(managementUnits)
      .where(eq(managementUnits.id, t.managementUnitId));
    if (!unit || unit.organisationId !== t.landlordOrganisationId) {
      fields['tenancy.managementUnitId'] = 'Unité de gestion inconnue pour ce bailleur.';
    }
  }
  if (t?.communeId) {
    const [commune] = await q
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.id, t.communeId), eq(territories.kind, 'commune')));
    if (!commune) fields['tenancy.communeId'] = 'Commune inconnue.';
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/** The commune of a French address, from its postcode, when exactly one commune has it. */
export async function communeOfAddress(
  q: Queryable,
  address: string | null | undefined,
): Promise<string | null> {
  const postcode = address?.match(/\b(\d{5})\b/)?.[1];
  if (!postcode) return null;
  const rows = await q
    .select({ id: territories.id })
    .from(territories)
    .where(and(eq(territories.kind, 'commune'), inArray(territories.postcode, [postcode])))
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

// ---- one row of a part: its own endpoints change the file through the same snapshot ---------------

const referenceCount = (members: readonly PartRow<'members'>[]) =>
  members.filter((m) => m.values.isReferencePerson).length;

/**
 * The file with one row added. Members: a new reference person replaces the previous one (a file
 * has exactly one). Resources name their member by id, which must be one of this file's members.
 */
export function withRowAdded<P extends HouseholdPart>(
  snapshot: HouseholdSnapshot,
  part: P,
  values: PartRow<P>['values'],
): { snapshot: HouseholdSnapshot; rowId: string } {
  const row = { id: randomUUID(), values } as PartRow<P>;
  const rows: PartRow<P>[] = [...(snapshot[part] as PartRow<P>[]), row];
  return { snapshot: withRows(snapshot, part, rows), rowId: row.id };
}

export function withRowChanged<P extends HouseholdPart>(
  snapshot: HouseholdSnapshot,
  part: P,
  rowId: string,
  changes: Partial<PartRow<P>['values']>,
): HouseholdSnapshot {
  const rows = snapshot[part] as PartRow<P>[];
  if (!rows.some((r) => r.id === rowId)) throw notFound('Ligne introuvable dans ce dossier.');
  return withRows(
    snapshot,
    part,
    rows.map((r) => (r.id === rowId ? { id: r.id, values: { ...r.values, ...changes } } : r)),
    rowId,
  );
}

export function withRowRemoved<P extends HouseholdPart>(
  snapshot: HouseholdSnapshot,
  part: P,
  rowId: string,
): HouseholdSnapshot {
  const rows = snapshot[part] as PartRow<P>[];
  if (!rows.some((r) => r.id === rowId)) throw notFound('Ligne introuvable dans ce dossier.');
  if (part === 'members') {
    if (rows.length === 1) throw invalid({ _: 'Le ménage compte au moins une personne.' });
    const member = rows.find((r) => r.id === rowId) as PartRow<'members'>;
    if (member.values.isReferencePerson) {
      throw invalid({ _: 'Désignez d’abord une autre personne de référence, puis retirez celle-ci.' });
    }
  }
  const next = withRows(
    snapshot,
    part,
    rows.filter((r) => r.id !== rowId),
  );
  // A removed person's resources stay, as the household's (like the foreign key's set null).
  return part === 'members'
    ? {
        ...next,
        resources: next.resources.map((r) =>
          r.values.memberId === rowId ? { id: r.id, values: { ...r.values, memberId: null } } : r,
        ),
      }
    : next;
}

function withRows<P extends HouseholdPart>(
  snapshot: HouseholdSnapshot,
  part: P,
  rows: PartRow<P>[],
  changedId?: string,
): HouseholdSnapshot {
  if (rows.length > HOUSEHOLD_PARTS[part].max) {
    throw invalid({
      _: `${HOUSEHOLD_PARTS[part].max} lignes au plus pour « ${HOUSEHOLD_PARTS[part].label} ».`,
    });
  }
  let next = { ...snapshot, [part]: rows } as HouseholdSnapshot;
  if (part === 'members') {
    const members = next.members;
    const added = changedId ?? members.at(-1)?.id;
    const newReference = members.find((m) => m.id === added && m.values.isReferencePerson);
    if (newReference && referenceCount(members) > 1) {
      next = {
        ...next,
        members: members.map((m) =>
          m.id !== newReference.id && m.values.isReferencePerson
            ? { id: m.id, values: { ...m.values, isReferencePerson: false } }
            : m,
        ),
      };
    }
    if (referenceCount(next.members) !== 1) {
      throw invalid({
        isReferencePerson:
          'Le ménage a une et une seule personne de référence : désignez-en une autre d’abord.',
      });
    }
  }
  return next;
}

/** Cross-row rules of one row, on the body's own paths (the endpoint of one row). */
export function rowIssues<P extends HouseholdPart>(
  snapshot: HouseholdSnapshot,
  part: P,
  values: Partial<PartRow<P>['values']>,
  today: string,
): FieldErrors {
  const issues: FieldErrors = {};
  const v = values as Record<string, unknown>;
  if (part === 'members' && typeof v.birthDate === 'string' && v.birthDate > today) {
    issues.birthDate = 'La date de naissance ne peut pas être dans le futur.';
  }
  if (
    part === 'resources' &&
    typeof v.memberId === 'string' &&
    !snapshot.members.some((m) => m.id === v.memberId)
  ) {
    issues.memberId = 'Cette personne ne fait pas partie du ménage.';
  }
  if (part === 'housingHistory') {
    const issue = datesOutOfOrder(v as { fromDate?: string | null; toDate?: string | null });
    if (issue) issues.toDate = issue;
  }
  return issues;
}

/** Whether the level may change a part at all (a party may, a landlord's summary may not). */
export const canWritePart = (level: HouseholdAccessLevel, part: HouseholdPart) =>
  canSeeFieldClass(level, HOUSEHOLD_PARTS[part].fieldClass);
