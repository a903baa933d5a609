import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, diffSnapshots, summariseChanges, type HouseholdSnapshot } from './household-diff.ts';

const base: HouseholdSnapshot = {
  ...EMPTY_SNAPSHOT,
  housingSituation: 'hotel',
  members: [
    {
      firstName: 'Awa',
      lastName: 'Diallo',
      birthDate: '1990-02-01',
      relationship: 'reference_person',
      isReferencePerson: true,
    },
  ],
};

describe('diffSnapshots', () => {
  it('reports scalar changes and row columns by path', () => {
    const after: HouseholdSnapshot = {
      ...base,
      housingSituation: 'chrs',
      members: [{ ...base.members[0]!, firstName: 'Aïssatou' }],
    };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'housingSituation', before: 'hotel', after: 'chrs' },
      { field: 'members.0.firstName', before: 'Awa', after: 'Aïssatou' },
    ]);
  });

  it('reports added and removed rows as whole rows', () => {
    const child = {
      firstName: 'Moussa',
      lastName: 'Diallo',
      birthDate: null,
      relationship: 'child' as const,
      isReferencePerson: false,
    };
    const withChild = { ...base, members: [...base.members, child] };
    expect(diffSnapshots(base, withChild)).toEqual([{ field: 'members.1', before: null, after: child }]);
    expect(diffSnapshots(withChild, base)).toEqual([{ field: 'members.1', before: child, after: null }]);
  });

  it('lists every entered value against the empty file, and nothing between equal files', () => {
    expect(diffSnapshots(EMPTY_SNAPSHOT, base).map((c) => c.field)).toEqual([
      'housingSituation',
      'members.0',
    ]);
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });
});

describe('summariseChanges', () => {
  it('names each touched part once, in French', () => {
    expect(
      summariseChanges([
        { field: 'members.0.firstName', before: 'a', after: 'b' },
        { field: 'members.1', before: null, after: {} },
        { field: 'healthNotes', before: null, after: 'x' },
      ]),
    ).toBe('Modification : Composition du ménage, Santé');
  });
});
