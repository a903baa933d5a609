import { formatCents, formatDate } from '../format.ts';
import {
  DEBT_KIND_LABELS,
  EXPENSE_CATEGORY_LABELS,
  HOUSING_SITUATION_LABELS,
  RESOURCE_TYPE_LABELS,
  type DebtKind,
  type ExpenseCategory,
  type HousingSituation,
  type ResourceType,
} from '../contracts/household-enums.ts';
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_PARTS,
  TENANCY,
  TENANCY_FIELDS,
  type FieldSpec,
  type HouseholdPart,
  type ReferenceKind,
} from './registry.ts';

/**
 * How the household file reads for a person: values formatted by their field's display (dates in
 * Paris, euros, labels instead of codes, names instead of ids), change paths named in French.
 */

/** Names of the records a file's ids designate, resolved by the server before presenting. */
export type ReferenceNames = Readonly<Record<ReferenceKind, ReadonlyMap<string, string>>>;

export const NO_NAMES: ReferenceNames = {
  organisation: new Map(),
  managementUnit: new Map(),
  territory: new Map(),
  member: new Map(),
};

const REMOVED: Record<ReferenceKind, string> = {
  organisation: 'organisation inconnue',
  managementUnit: 'unité de gestion inconnue',
  territory: 'territoire inconnu',
  member: 'personne retirée du dossier',
};

const EMPTY = '—';

/** A value as it reads ("480,00 €", "Oui", "Locataire du parc social", "Habitat Brenne"). */
export function formatFieldValue(spec: FieldSpec, value: unknown, names: ReferenceNames = NO_NAMES): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const display = spec.display;
  switch (display.kind) {
    case 'boolean':
      return value ? 'Oui' : 'Non';
    case 'money':
      return typeof value === 'number' ? formatCents(value) : String(value);
    case 'date':
      return formatDate(String(value));
    case 'number':
      return `${Number(value).toLocaleString('fr-FR')} ${display.unit}`;
    case 'choice':
      return display.labels[String(value)] ?? EMPTY;
    case 'reference':
      return names[display.to].get(String(value)) ?? REMOVED[display.to];
    case 'text':
      return String(value);
  }
}

/** A whole row or object ("Prénom : Léo, Nom : Dupré"), its empty values left out. */
export function formatRecord(
  fields: Readonly<Record<string, FieldSpec>>,
  values: unknown,
  names: ReferenceNames = NO_NAMES,
): string {
  if (!values || typeof values !== 'object') return EMPTY;
  const v = values as Record<string, unknown>;
  // In the registry's order, whatever the order the values were written in.
  const parts = Object.entries(fields).flatMap(([key, spec]) => {
    const value = v[key];
    if (value === null || value === undefined || value === '' || value === false) return [];
    return [`${spec.label} : ${formatFieldValue(spec, value, names)}`];
  });
  return parts.length ? parts.join(', ') : EMPTY;
}

const asRecord = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** What one row of a part is called, from its values ("Léo Dupré", "Salaires", "Dette de loyer"). */
export function describeRow(part: HouseholdPart, values: unknown): string {
  const v = asRecord(values);
  switch (part) {
    case 'members':
      return (
        `${String(v.firstName ?? '')} ${String(v.lastName ?? '')}`.trim() || HOUSEHOLD_PARTS.members.rowLabel
      );
    case 'resources':
      return RESOURCE_TYPE_LABELS[v.type as ResourceType] ?? HOUSEHOLD_PARTS.resources.rowLabel;
    case 'expenses':
      return EXPENSE_CATEGORY_LABELS[v.category as ExpenseCategory] ?? HOUSEHOLD_PARTS.expenses.rowLabel;
    case 'debts': {
      const kind = DEBT_KIND_LABELS[v.kind as DebtKind] ?? HOUSEHOLD_PARTS.debts.rowLabel;
      return v.creditor ? `${kind} (${String(v.creditor)})` : kind;
    }
    case 'housingHistory': {
      const situation =
        HOUSING_SITUATION_LABELS[v.situation as HousingSituation] ?? HOUSEHOLD_PARTS.housingHistory.rowLabel;
      return v.fromDate ? `${situation} depuis le ${formatDate(String(v.fromDate))}` : situation;
    }
  }
}

const isPart = (head: string): head is HouseholdPart => head in HOUSEHOLD_PARTS;

/** One recorded change of the file (household_changes.changes). */
export interface RecordedChange {
  /** "phone", "tenancy.monthlyRentCents", "members.<row id>.firstName", "members.<row id>" (added or removed row). */
  field: string;
  before: unknown;
  after: unknown;
  /** What the row was called when the change was made (list parts). */
  row?: string;
}

/**
 * Where the fields that earlier versions recorded on the household itself live now (the tenancy left
 * the household, ADR 0008). The history is append-only: old entries are read through this map
 * rather than rewritten.
 */
const MOVED_FIELDS: Readonly<Record<string, string>> = {
  dwellingAddress: 'tenancy.address',
  dwellingCommuneId: 'tenancy.communeId',
  landlordOrganisationId: 'tenancy.landlordOrganisationId',
  managementUnitId: 'tenancy.managementUnitId',
  landlordName: 'tenancy.landlordName',
  tenantReference: 'tenancy.tenantReference',
  monthlyRentCents: 'tenancy.monthlyRentCents',
  monthlyChargesCents: 'tenancy.monthlyChargesCents',
};

/** A recorded change under the path its field has today. */
export const atCurrentPath = (change: RecordedChange): RecordedChange => {
  const moved = MOVED_FIELDS[change.field];
  return moved ? { ...change, field: moved } : change;
};

/** A change as a person reads it. */
export interface ReadableChange {
  label: string;
  before: string;
  after: string;
}

/**
 * A recorded change in words. Rows are named by the label recorded with the change; versions saved
 * before rows had stable ids name them by position ("ligne 2").
 */
export function readableChange(change: RecordedChange, names: ReferenceNames = NO_NAMES): ReadableChange {
  const [head = '', second, third] = change.field.split('.');
  if (head === 'tenancy') {
    if (second === undefined) {
      return {
        label: TENANCY.label,
        before: formatRecord(TENANCY_FIELDS, change.before, names),
        after: formatRecord(TENANCY_FIELDS, change.after, names),
      };
    }
    const spec = (TENANCY_FIELDS as Record<string, FieldSpec>)[second];
    return spec
      ? {
          label: `${TENANCY.label} : ${spec.label}`,
          before: formatFieldValue(spec, change.before, names),
          after: formatFieldValue(spec, change.after, names),
        }
      : unknownChange(change);
  }
  if (isPart(head)) {
    const part = HOUSEHOLD_PARTS[head];
    const fields = part.fields as Record<string, FieldSpec>;
    const rowName =
      change.row ??
      (second !== undefined && /^\d+$/.test(second)
        ? `ligne ${Number(second) + 1}`
        : describeRow(head, change.after ?? change.before));
    if (third === undefined) {
      return {
        label: `${part.label} : ${change.before === null ? 'ajout' : change.after === null ? 'retrait' : 'modification'} — ${rowName}`,
        before: formatRecord(fields, change.before, names),
        after: formatRecord(fields, change.after, names),
      };
    }
    const spec = fields[third];
    return spec
      ? {
          label: `${part.label} — ${rowName} : ${spec.label}`,
          before: formatFieldValue(spec, change.before, names),
          after: formatFieldValue(spec, change.after, names),
        }
      : unknownChange(change);
  }
  const spec = (HOUSEHOLD_FIELDS as Record<string, FieldSpec>)[head];
  return spec
    ? {
        label: spec.label,
        before: formatFieldValue(spec, change.before, names),
        after: formatFieldValue(spec, change.after, names),
      }
    : unknownChange(change);
}

/** A path the registry no longer knows (a removed field): said as such, its values not shown. */
const unknownChange = (_change: RecordedChange): ReadableChange => ({
  label: 'Information qui n’existe plus dans le dossier',
  before: EMPTY,
  after: EMPTY,
});

/** The French name of the part a change path touches ("Composition du ménage", "Loyer mensuel"). */
export function partLabelOfPath(path: string): string {
  const [head = ''] = path.split('.');
  if (head === 'tenancy') return TENANCY.label;
  if (isPart(head)) return HOUSEHOLD_PARTS[head].label;
  return (HOUSEHOLD_FIELDS as Record<string, FieldSpec>)[head]?.label ?? 'Autre information';
}

/** "Modification : Composition du ménage, Ressources", from the parts the changes touch. */
export function summariseChanges(changes: readonly Pick<RecordedChange, 'field'>[]): string {
  const labels = [...new Set(changes.map((c) => partLabelOfPath(c.field)))];
  return labels.length === 0 ? 'Aucune modification' : `Modification : ${labels.join(', ')}`;
}

/** The ids a set of changes designates, by kind, for the server to name them in one query each. */
export function referencedIds(changes: readonly RecordedChange[]): Record<ReferenceKind, Set<string>> {
  const ids: Record<ReferenceKind, Set<string>> = {
    organisation: new Set(),
    managementUnit: new Set(),
    territory: new Set(),
    member: new Set(),
  };
  const collect = (fields: Readonly<Record<string, FieldSpec>>, key: string, value: unknown) => {
    const display = fields[key]?.display;
    if (display?.kind === 'reference' && typeof value === 'string') ids[display.to].add(value);
  };
  const collectRecord = (fields: Readonly<Record<string, FieldSpec>>, value: unknown) => {
    for (const [k, v] of Object.entries(asRecord(value))) collect(fields, k, v);
  };
  for (const c of changes) {
    const [head = '', second, third] = c.field.split('.');
    const fields: Readonly<Record<string, FieldSpec>> =
      head === 'tenancy' ? TENANCY_FIELDS : isPart(head) ? HOUSEHOLD_PARTS[head].fields : HOUSEHOLD_FIELDS;
    const key = head === 'tenancy' ? second : isPart(head) ? third : head;
    for (const value of [c.before, c.after]) {
      if (key === undefined) collectRecord(fields, value);
      else collect(fields, key, value);
    }
  }
  return ids;
}
