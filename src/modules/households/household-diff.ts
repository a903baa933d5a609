import { HOUSEHOLD_FIELD_LABELS } from '../../shared/contracts/households.ts';
import type { HouseholdField } from '../../shared/access/household-fields.ts';
import type {
  DebtKind,
  ExpenseCategory,
  HouseholdStatus,
  HousingSituation,
  Relationship,
  ResourceType,
} from '../../shared/contracts/household-enums.ts';

/** The editable content of a household file, in the shape compared between versions. */
export interface HouseholdSnapshot {
  status: HouseholdStatus;
  applicationNumber: string | null;
  phone: string | null;
  email: string | null;
  postalAddress: string | null;
  housingSituation: HousingSituation | null;
  housingSince: string | null;
  shelterName: string | null;
  dwellingAddress: string | null;
  dwellingCommuneId: string | null;
  landlordOrganisationId: string | null;
  managementUnitId: string | null;
  landlordName: string | null;
  tenantReference: string | null;
  monthlyRentCents: number | null;
  monthlyChargesCents: number | null;
  daloRecognised: boolean;
  daloDecisionDate: string | null;
  pdalpdPriority: boolean;
  healthNotes: string | null;
  justiceNotes: string | null;
  familyConflictNotes: string | null;
  members: {
    firstName: string;
    lastName: string;
    birthDate: string | null;
    relationship: Relationship;
    isReferencePerson: boolean;
  }[];
  resources: {
    memberIndex: number | null;
    type: ResourceType;
    monthlyAmountCents: number;
    note: string | null;
  }[];
  expenses: { category: ExpenseCategory; monthlyAmountCents: number; note: string | null }[];
  debts: {
    kind: DebtKind;
    amountCents: number;
    startDate: string | null;
    creditor: string | null;
    repaymentPlan: boolean;
    note: string | null;
  }[];
  housingHistory: {
    situation: HousingSituation;
    fromDate: string | null;
    toDate: string | null;
    address: string | null;
    endReason: string | null;
  }[];
}

export type SnapshotField = keyof HouseholdSnapshot & HouseholdField;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The file before its creation: diffing against it lists every value entered at creation. */
export const EMPTY_SNAPSHOT: HouseholdSnapshot = {
  status: 'active',
  applicationNumber: null,
  phone: null,
  email: null,
  postalAddress: null,
  housingSituation: null,
  housingSince: null,
  shelterName: null,
  dwellingAddress: null,
  dwellingCommuneId: null,
  landlordOrganisationId: null,
  managementUnitId: null,
  landlordName: null,
  tenantReference: null,
  monthlyRentCents: null,
  monthlyChargesCents: null,
  daloRecognised: false,
  daloDecisionDate: null,
  pdalpdPriority: false,
  healthNotes: null,
  justiceNotes: null,
  familyConflictNotes: null,
  members: [],
  resources: [],
  expenses: [],
  debts: [],
  housingHistory: [],
};

/**
 * Field-level diff: scalars by name, list rows by position and column ("members.0.firstName");
 * an added or removed row is one change on "members.2" with the whole row on one side.
 */
export function diffSnapshots(before: HouseholdSnapshot, after: HouseholdSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as SnapshotField[]) {
    const a = before[field];
    const b = after[field];
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const rowA = a[i] as Record<string, unknown> | undefined;
        const rowB = b[i] as Record<string, unknown> | undefined;
        if (!rowA || !rowB) {
          changes.push({ field: `${field}.${i}`, before: rowA ?? null, after: rowB ?? null });
          continue;
        }
        for (const column of Object.keys(rowB)) {
          if (rowA[column] !== rowB[column]) {
            changes.push({ field: `${field}.${i}.${column}`, before: rowA[column], after: rowB[column] });
          }
        }
      }
    } else if (a !== b) {
      changes.push({ field, before: a, after: b });
    }
  }
  return changes;
}

/** "Modification : Composition du ménage, Ressources", from the parts the changes touch. */
export function summariseChanges(changes: readonly FieldChange[]): string {
  const labels = [
    ...new Set(
      changes.map(
        (c) => HOUSEHOLD_FIELD_LABELS[c.field.split('.')[0] as HouseholdField] ?? c.field.split('.')[0],
      ),
    ),
  ];
  return labels.length === 0 ? 'Aucune modification' : `Modification : ${labels.join(', ')}`;
}

export const CREATION_SUMMARY = 'Création du dossier';
