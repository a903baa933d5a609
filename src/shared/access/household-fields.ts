import type { HouseholdAccessLevel } from './household-access.ts';
import { SENSITIVITIES, type Sensitivity } from '../contracts/household-enums.ts';
import { HOUSEHOLD_FIELDS, HOUSEHOLD_PARTS, TENANCY, type FieldClass } from '../households/registry.ts';

export type { FieldClass } from '../households/registry.ts';

/**
 * Sensitivity class of every part of the household file, from the field registry. Presenters drop
 * what the reader's level does not cover, and writes to a part the writer may not see are refused.
 */
export const HOUSEHOLD_FIELD_CLASSES = {
  ...(Object.fromEntries(Object.entries(HOUSEHOLD_FIELDS).map(([k, f]) => [k, f.fieldClass])) as Record<
    keyof typeof HOUSEHOLD_FIELDS,
    FieldClass
  >),
  ...(Object.fromEntries(Object.entries(HOUSEHOLD_PARTS).map(([k, p]) => [k, p.fieldClass])) as Record<
    keyof typeof HOUSEHOLD_PARTS,
    FieldClass
  >),
  fileNumber: 'landlord_summary',
  tenancy: TENANCY.fieldClass,
  rentArrears: 'landlord_summary',
  evictionProcedure: 'landlord_summary',
} satisfies Record<string, FieldClass>;

export type HouseholdField = keyof typeof HOUSEHOLD_FIELD_CLASSES;

const CLASSES_BY_LEVEL: Record<HouseholdAccessLevel, readonly FieldClass[]> = {
  none: [],
  landlord_summary: ['landlord_summary'],
  party: ['landlord_summary', 'shared'],
  caseworker: ['landlord_summary', 'shared', 'caseworker_only'],
};

export const canSeeFieldClass = (level: HouseholdAccessLevel, fieldClass: FieldClass) =>
  CLASSES_BY_LEVEL[level].includes(fieldClass);

export const canSeeField = (level: HouseholdAccessLevel, field: HouseholdField) =>
  canSeeFieldClass(level, HOUSEHOLD_FIELD_CLASSES[field]);

/** Class of a field path as recorded in history diffs ("members.<id>.firstName" → members). */
export function fieldClassOfPath(path: string): FieldClass {
  const head = path.split('.')[0] as HouseholdField;
  // An unknown path is treated as the most sensitive: never leak by omission.
  return HOUSEHOLD_FIELD_CLASSES[head] ?? 'caseworker_only';
}

const NOTE_CLASS: Record<Sensitivity, FieldClass> = {
  landlord_visible: 'landlord_summary',
  shared: 'shared',
  confidential: 'caseworker_only',
};

/** Notes and documents carry their own sensitivity. */
export const canSeeSensitivity = (level: HouseholdAccessLevel, sensitivity: Sensitivity) =>
  canSeeFieldClass(level, NOTE_CLASS[sensitivity]);

/** The note and document sensitivities a level may read (and write). */
export const readableSensitivities = (level: HouseholdAccessLevel): Sensitivity[] =>
  SENSITIVITIES.filter((s) => canSeeSensitivity(level, s));
