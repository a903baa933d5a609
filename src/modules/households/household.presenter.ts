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
import {
  readableChange,
  summariseChanges,
  type RecordedChange,
  type ReferenceNames,
} from '../../shared/households/display.ts';
import { snapshotOf, type HouseholdFile } from './households.repository.ts';

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
  const memberIndex = new Map(s.members.map((m, i) => [m.id, i]));
  const rows = <V extends object>(list: readonly { id: string; values: V }[]) =>
    list.map((r) => ({ id: r.id, ...r.values }));
  const parts: Required<ClassifiedPart> = {
    ...s.household,
    tenancy: file.tenancy,
    members: rows(s.members),
    rentArrears: s.debts
      .filter((d) => d.values.kind === 'rent_arrears')
      .reduce((sum, d) => sum + d.values.amountCents, 0),
    evictionProcedure: file.evictionProcedure,
    resources: s.resources.map((r) => ({
      id: r.id,
      ...r.values,
      memberIndex: r.values.memberId ? (memberIndex.get(r.values.memberId) ?? null) : null,
    })),
    expenses: rows(s.expenses),
    debts: rows(s.debts),
    housingHistory: rows(s.housingHistory),
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

/** The changes of a version the reader's level may see. */
export const visibleChanges = (changes: readonly RecordedChange[], level: HouseholdAccessLevel) =>
  changes.filter((c) => canSeeFieldClass(level, fieldClassOfPath(c.field)));

/**
 * Versions as one reader may see them, in words: entries above the reader's level are dropped, a
 * version left with nothing visible is dropped, the summary is rebuilt from what remains (so it
 * does not name a hidden part either), and every value is formatted with the names of the records
 * it designates.
 */
export function presentHistory(
  rows: readonly {
    version: number;
    changedAt: Date;
    userName: string | null;
    organisationName: string | null;
    summary: string;
    changes: RecordedChange[];
  }[],
  level: HouseholdAccessLevel,
  names: ReferenceNames,
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
        changes: changes.map((c) => readableChange(c, names)),
      },
    ];
  });
}
