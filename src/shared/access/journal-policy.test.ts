import { describe, expect, it } from 'vitest';
import type { HouseholdAccessLevel } from './household-access.ts';
import { canCorrectJournalEntry, canReadJournalEntry, canWriteJournal } from './journal-policy.ts';

const LEVELS: HouseholdAccessLevel[] = ['none', 'landlord_summary', 'party', 'caseworker'];

describe('journal policy', () => {
  // [level, same organisation as the author] → [reads ordinary, reads confidential, corrects]
  it.each([
    ['none', true, false, false, false],
    ['landlord_summary', false, false, false, false],
    ['party', false, true, false, false],
    ['party', true, true, false, false],
    ['caseworker', false, true, false, false],
    ['caseworker', true, true, true, true],
  ] as const)('%s (own organisation: %s)', (level, own, ordinary, confidential, corrects) => {
    const reader = { organisationId: 'reader', level };
    const authorOrganisationId = own ? 'reader' : 'author';
    expect(canReadJournalEntry(reader, { sensitivity: 'ordinary', authorOrganisationId })).toBe(ordinary);
    expect(canReadJournalEntry(reader, { sensitivity: 'confidential', authorOrganisationId })).toBe(
      confidential,
    );
    expect(canCorrectJournalEntry(reader, { authorOrganisationId })).toBe(corrects);
  });

  it('lets only the caseworker level write', () => {
    expect(LEVELS.filter(canWriteJournal)).toEqual(['caseworker']);
  });

  it('never gives a confidential entry to a reader that cannot read an ordinary one', () => {
    for (const level of LEVELS)
      for (const authorOrganisationId of ['reader', 'author']) {
        const reader = { organisationId: 'reader', level };
        if (canReadJournalEntry(reader, { sensitivity: 'confidential', authorOrganisationId }))
          expect(canReadJournalEntry(reader, { sensitivity: 'ordinary', authorOrganisationId })).toBe(true);
      }
  });
});
