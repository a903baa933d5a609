import { describe, expect, it } from 'vitest';
import {
  HOUSEHOLD_FIELD_CLASSES,
  canSeeField,
  canSeeSensitivity,
  fieldClassOfPath,
  readableSensitivities,
  type HouseholdField,
} from './household-fields.ts';
import type { HouseholdAccessLevel } from './household-access.ts';

describe('field sensitivity classes', () => {
  it.each<[HouseholdField, HouseholdAccessLevel[]]>([
    ['members', ['landlord_summary', 'party', 'caseworker']],
    ['rentArrears', ['landlord_summary', 'party', 'caseworker']],
    ['applicationNumber', ['landlord_summary', 'party', 'caseworker']],
    ['resources', ['party', 'caseworker']],
    ['debts', ['party', 'caseworker']],
    ['shelterName', ['party', 'caseworker']],
    ['healthNotes', ['caseworker']],
    ['justiceNotes', ['caseworker']],
    ['familyConflictNotes', ['caseworker']],
  ])('%s is seen by %j only', (field, levels) => {
    for (const level of ['none', 'landlord_summary', 'party', 'caseworker'] as const) {
      expect(canSeeField(level, field)).toBe(levels.includes(level));
    }
  });

  it('classifies history paths by their first segment, and unknown paths as caseworker-only', () => {
    expect(fieldClassOfPath('members.2.firstName')).toBe('landlord_summary');
    expect(fieldClassOfPath('resources.0.monthlyAmountCents')).toBe('shared');
    expect(fieldClassOfPath('healthNotes')).toBe('caseworker_only');
    expect(fieldClassOfPath('somethingNew.0')).toBe('caseworker_only');
    expect(Object.values(HOUSEHOLD_FIELD_CLASSES)).not.toContain(undefined);
  });

  it.each<[HouseholdAccessLevel, string[]]>([
    ['none', []],
    ['landlord_summary', ['landlord_visible']],
    ['party', ['shared', 'landlord_visible']],
    ['caseworker', ['shared', 'landlord_visible', 'confidential']],
  ])('notes and documents readable at %s: %j', (level, sensitivities) => {
    expect(readableSensitivities(level)).toEqual(sensitivities);
    expect(canSeeSensitivity(level, 'confidential')).toBe(level === 'caseworker');
  });
});
