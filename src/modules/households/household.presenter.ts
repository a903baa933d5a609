import {
  formatFileNumber,
  type THouseholdDetail,
  type THouseholdVersion,
} from '../../shared/contracts/households.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import {
  canSeeField,
  canSeeFieldClass,
  fieldClassOfPath,
  type HouseholdField,
} from '../../shared/access/household-fields.ts';
import { snapshotOf, type HouseholdFile } from './households.repository.ts';
import { summariseChanges, type FieldChange } from './household-diff.ts';

type ClassifiedPart = Omit<
  THouseholdDetail,
  'id' | 'fileNumber' | 'fileLabel' | 'status' | 'accessLevel' | 'version' | 'createdAt' | 'updatedAt'
>;

/**
 * The file as one reader may see it. Parts above the reader's level are left out of the object
 * (absent, not null), so they cannot reach the JSON whatever the client does.
 */
export function presentHousehold(file: HouseholdFile, level: HouseholdAccessLevel): THouseholdDetail {
  const h = file.household;
  const s = snapshotOf(file);
  const parts: Required<ClassifiedPart> = {
    applicationNumber: s.applicationNumber,
    phone: s.phone,
    email: s.email,
    postalAddress: s.postalAddress,
    housingSituation: h.housingSituation,
    housingSince: s.housingSince,
    shelterName: s.shelterName,
    dwellingAddress: s.dwellingAddress,
    dwellingCommuneId: s.dwellingCommuneId,
    dwellingCommune: file.dwellingCommune,
    landlordOrganisationId: s.landlordOrganisationId,
    managementUnitId: s.managementUnitId,
    landlordName: s.landlordName,
    tenantReference: s.tenantReference,
    monthlyRentCents: s.monthlyRentCents,
    monthlyChargesCents: s.monthlyChargesCents,
    daloRecognised: s.daloRecognised,
    daloDecisionDate: s.daloDecisionDate,
    pdalpdPriority: s.pdalpdPriority,
    members: file.members.map((m) => ({
      id: m.id,
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: m.birthDate,
      relationship: m.relationship,
      isReferencePerson: m.isReferencePerson,
    })),
    rentArrears: file.debts
      .filter((d) => d.kind === 'rent_arrears')
      .reduce((sum, d) => sum + d.amountCents, 0),
    resources: file.resources.map((r, i) => ({ id: r.id, ...s.resources[i]! })),
    expenses: file.expenses.map((e, i) => ({ id: e.id, ...s.expenses[i]! })),
    debts: file.debts.map((d, i) => ({ id: d.id, ...s.debts[i]! })),
    housingHistory: file.housingHistory.map((e, i) => ({ id: e.id, ...s.housingHistory[i]! })),
    healthNotes: s.healthNotes,
    justiceNotes: s.justiceNotes,
    familyConflictNotes: s.familyConflictNotes,
  };
  const visible: ClassifiedPart = {};
  for (const field of Object.keys(parts) as (keyof ClassifiedPart & HouseholdField)[]) {
    if (canSeeField(level, field)) Object.assign(visible, { [field]: parts[field] });
  }
  return {
    id: h.id,
    fileNumber: h.fileNumber,
    fileLabel: formatFileNumber(h.fileNumber),
    status: h.status,
    accessLevel: level,
    version: h.version,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
    ...visible,
  };
}

const visibleChanges = (changes: readonly FieldChange[], level: HouseholdAccessLevel) =>
  changes.filter((c) => canSeeFieldClass(level, fieldClassOfPath(c.field)));

/**
 * Versions as one reader may see them: diff entries above the reader's level are dropped, a
 * version left with nothing visible is dropped, and the summary is rebuilt from what remains so
 * it does not name a hidden part either.
 */
export function presentHistory(
  rows: readonly {
    version: number;
    changedAt: Date;
    userName: string | null;
    organisationName: string | null;
    summary: string;
    changes: FieldChange[];
  }[],
  level: HouseholdAccessLevel,
): THouseholdVersion[] {
  return rows.flatMap((row) => {
    const changes = visibleChanges(row.changes, level);
    const isCreation = row.version === 1;
    if (changes.length === 0 && !isCreation) return [];
    const summary =
      isCreation || changes.length === row.changes.length ? row.summary : summariseChanges(changes);
    return [
      {
        version: row.version,
        changedAt: row.changedAt.toISOString(),
        userName: row.userName,
        organisationName: row.organisationName,
        summary,
        changes,
      },
    ];
  });
}
