import { describe, expect, it } from 'vitest';
import { summariseChanges } from '../../shared/households/display.ts';
import { EMPTY_SNAPSHOT, diffSnapshots, type HouseholdSnapshot } from './household-diff.ts';

const AWA = 'a4c1b2c3-0000-4000-8000-000000000001';
const MOUSSA = 'a4c1b2c3-0000-4000-8000-000000000002';

const base: HouseholdSnapshot = {
  ...EMPTY_SNAPSHOT,
  household: {
    ...EMPTY_SNAPSHOT.household,
    housingSituation: 'hotel',
  },
  members: [
    {
      id: AWA,
      values: {
        firstName: 'Awa',
        lastName: 'Diallo',
        birthDate: '1990-02-01',
        relationship: 'reference_person',
        isReferencePerson: true,
      },
    },
  ],
};

describe('diffSnapshots', () => {
  it('reports household fields by name and row columns by the row’s stable id, named by the row', () => {
    const after: HouseholdSnapshot = {
      ...base,
      household: { ...base.household, housingSituation: 'chrs' },
      members: [{ id: AWA, values: { ...base.members[0]!.values, firstName: 'Aïssatou' } }],
    };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'housingSituation', before: 'hotel', after: 'chrs' },
      { field: `members.${AWA}.firstName`, before: 'Awa', after: 'Aïssatou', row: 'Aïssatou Diallo' },
    ]);
  });

  it('reports added and removed rows as whole rows, whatever their position', () => {
    const child = {
      id: MOUSSA,
      values: {
        firstName: 'Moussa',
        lastName: 'Diallo',
        birthDate: null,
        relationship: 'child' as const,
        isReferencePerson: false,
      },
    };
    const withChild = { ...base, members: [child, ...base.members] };
    expect(diffSnapshots(base, withChild)).toEqual([
      { field: `members.${MOUSSA}`, before: null, after: child.values, row: 'Moussa Diallo' },
    ]);
    expect(diffSnapshots(withChild, base)).toEqual([
      { field: `members.${MOUSSA}`, before: child.values, after: null, row: 'Moussa Diallo' },
    ]);
  });

  it('reports the tenancy field by field, or whole when it starts or ends', () => {
    const tenancy = {
      address: '3 rue des Lilas, 00110 Montreval',
      communeId: null,
      typology: 't3' as const,
      surfaceM2: null,
      landlordOrganisationId: null,
      landlordName: 'M. Bernard',
      managementUnitId: null,
      tenantReference: null,
      startDate: null,
      monthlyRentCents: 48_000,
      monthlyChargesCents: 6_000,
    };
    const housed = { ...base, tenancy };
    expect(diffSnapshots(base, housed)).toEqual([{ field: 'tenancy', before: null, after: tenancy }]);
    expect(diffSnapshots(housed, { ...housed, tenancy: { ...tenancy, monthlyRentCents: 49_500 } })).toEqual([
      { field: 'tenancy.monthlyRentCents', before: 48_000, after: 49_500 },
    ]);
  });

  it('lists every entered value against the empty file, and nothing between equal files', () => {
    expect(diffSnapshots(EMPTY_SNAPSHOT, base).map((c) => c.field)).toEqual([
      'housingSituation',
      `members.${AWA}`,
    ]);
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });
});

describe('summariseChanges', () => {
  it('names each touched part once, in French', () => {
    expect(
      summariseChanges([
        { field: `members.${AWA}.firstName` },
        { field: `members.${MOUSSA}` },
        { field: 'healthNotes' },
        { field: 'tenancy.monthlyRentCents' },
      ]),
    ).toBe('Modification : Composition du ménage, Santé, Logement actuel');
  });
});
