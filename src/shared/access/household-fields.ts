import type { HouseholdAccessLevel } from './household-access.ts';
import { SENSITIVITIES, type Sensitivity } from '../contracts/household-enums.ts';

/**
 * Sensitivity class of every part of the household file. Presenters drop what the reader's level
 * does not cover, and writes to a part the writer may not see are refused.
 */
export type FieldClass = 'landlord_summary' | 'shared' | 'caseworker_only';

export const HOUSEHOLD_FIELD_CLASSES = {
  fileNumber: 'landlord_summary',
  status: 'landlord_summary',
  applicationNumber: 'landlord_summary',
  phone: 'landlord_summary',
  email: 'landlord_summary',
  postalAddress: 'landlord_summary',
  housingSituation: 'landlord_summary',
  dwellingAddress: 'landlord_summary',
  dwellingCommuneId: 'landlord_summary',
  dwellingCommune: 'landlord_summary',
  landlordOrganisationId: 'landlord_summary',
  managementUnitId: 'landlord_summary',
  landlordName: 'landlord_summary',
  tenantReference: 'landlord_summary',
  monthlyRentCents: 'landlord_summary',
  monthlyChargesCents: 'landlord_summary',
  daloRecognised: 'landlord_summary',
  daloDecisionDate: 'landlord_summary',
  pdalpdPriority: 'landlord_summary',
  members: 'landlord_summary',
  rentArrears: 'landlord_summary',
  housingSince: 'shared',
  shelterName: 'shared',
  resources: 'shared',
  expenses: 'shared',
  debts: 'shared',
  housingHistory: 'shared',
  healthNotes: 'caseworker_only',
  justiceNotes: 'caseworker_only',
  familyConflictNotes: 'caseworker_only',
} as const satisfies Record<string, FieldClass>;

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

/** Class of a field path as recorded in history diffs ("members.2.firstName" → members). */
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
