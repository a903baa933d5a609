import type { z } from 'zod';
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_PARTS,
  HOUSEHOLD_PART_NAMES,
  TENANCY_FIELDS,
  type FieldSpec,
  type HouseholdPart,
} from '../../shared/households/registry.ts';
import { describeRow, type RecordedChange } from '../../shared/households/display.ts';

/** The values of a registry's fields, as stored and compared. */
export type FieldValues<F extends Record<string, FieldSpec>> = { [K in keyof F]: z.output<F[K]['output']> };

type PartFields = { [P in HouseholdPart]: (typeof HOUSEHOLD_PARTS)[P]['fields'] };

/** A row of a list part: its stable id and its values. */
export interface PartRow<P extends HouseholdPart> {
  id: string;
  values: FieldValues<PartFields[P]>;
}

/** The editable content of a household file, in the shape compared between versions. */
export type HouseholdSnapshot = {
  household: FieldValues<typeof HOUSEHOLD_FIELDS>;
  tenancy: FieldValues<typeof TENANCY_FIELDS> | null;
} & { [P in HouseholdPart]: PartRow<P>[] };

export type HouseholdValues = HouseholdSnapshot['household'];
export type TenancyValues = FieldValues<typeof TENANCY_FIELDS>;

/** A snapshot to compare from: a stored file, or the empty file before a creation. */
export type SnapshotBefore = Omit<HouseholdSnapshot, 'household'> & { household: Partial<HouseholdValues> };

/** The value of a field never entered: "no" for a yes/no question, empty otherwise. */
const emptyValueOf = (spec: FieldSpec): unknown => (spec.display.kind === 'boolean' ? false : null);

/**
 * The file before its creation: diffing against it lists every value entered at creation (its
 * defaults aside). It has no housing situation: every created file states one. Built from the
 * registry, so a new field needs no entry here.
 */
export const EMPTY_SNAPSHOT: SnapshotBefore & { household: Omit<HouseholdValues, 'housingSituation'> } = {
  household: {
    ...(Object.fromEntries(
      Object.entries(HOUSEHOLD_FIELDS)
        .filter(([key]) => key !== 'housingSituation')
        .map(([key, spec]) => [key, emptyValueOf(spec)]),
    ) as Omit<HouseholdValues, 'housingSituation'>),
    status: 'active',
  },
  tenancy: null,
  members: [],
  resources: [],
  expenses: [],
  debts: [],
  housingHistory: [],
};

function diffValues(
  prefix: string,
  fields: Readonly<Record<string, FieldSpec>>,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  row?: string,
): RecordedChange[] {
  return Object.keys(fields).flatMap((key) => {
    // An absent value and an empty one are the same to a reader.
    const [from, to] = [before[key] ?? null, after[key] ?? null];
    return from === to
      ? []
      : [{ field: `${prefix}${key}`, before: from, after: to, ...(row ? { row } : {}) }];
  });
}

/**
 * Field-level diff: household fields by name, the tenancy's by "tenancy.<field>", list rows by
 * their stable id ("members.<id>.firstName", named by the row's label); a row added or removed is
 * one change on "members.<id>" with the whole row on one side.
 */
export function diffSnapshots(before: SnapshotBefore, after: HouseholdSnapshot): RecordedChange[] {
  const changes = diffValues('', HOUSEHOLD_FIELDS, before.household, after.household);
  if (before.tenancy && after.tenancy) {
    changes.push(...diffValues('tenancy.', TENANCY_FIELDS, before.tenancy, after.tenancy));
  } else if (before.tenancy !== after.tenancy) {
    changes.push({ field: 'tenancy', before: before.tenancy, after: after.tenancy });
  }
  for (const part of HOUSEHOLD_PART_NAMES) {
    const fields = HOUSEHOLD_PARTS[part].fields;
    const beforeRows = new Map(before[part].map((r) => [r.id, r.values as Record<string, unknown>]));
    const afterIds = new Set(after[part].map((r) => r.id));
    for (const { id, values } of after[part]) {
      const old = beforeRows.get(id);
      const row = describeRow(part, values);
      if (!old) changes.push({ field: `${part}.${id}`, before: null, after: values, row });
      else changes.push(...diffValues(`${part}.${id}.`, fields, old, values as Record<string, unknown>, row));
    }
    for (const [id, values] of beforeRows) {
      if (!afterIds.has(id)) {
        changes.push({ field: `${part}.${id}`, before: values, after: null, row: describeRow(part, values) });
      }
    }
  }
  return changes;
}

export const CREATION_SUMMARY = 'Création du dossier';
