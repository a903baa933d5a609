import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLOCK_SKEW_TOLERANCE_MS,
  FUTURE_ACTIVITY_MESSAGE,
  futureActivityBreak,
  journalEntryBreaks,
  measureBreak,
  objectiveKey,
  attachableUnderWatch,
  type JournalFacts,
  type MeasureState,
} from './rules.ts';

const NOW = new Date('2026-03-15T10:00:00Z');
const ended = (endedOn: string, watchMonths: number | null): MeasureState => ({
  status: 'ended',
  endedOn,
  watchMonths,
});

describe('an activity dated in the future', () => {
  it('is accepted up to the clock-skew tolerance, refused beyond', () => {
    expect(futureActivityBreak(NOW, NOW)).toBeNull();
    expect(futureActivityBreak(new Date(NOW.getTime() + CLOCK_SKEW_TOLERANCE_MS), NOW)).toBeNull();
    expect(futureActivityBreak(new Date(NOW.getTime() + CLOCK_SKEW_TOLERANCE_MS + 1), NOW)).toBe(
      FUTURE_ACTIVITY_MESSAGE,
    );
  });

  it('never refuses a past instant, whatever the clock', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.nat(10 ** 11), (now, ago) => {
        expect(futureActivityBreak(new Date(now.getTime() - ago), now)).toBeNull();
      }),
    );
  });

  it('compares instants, not wall clocks, across the autumn daylight-saving change', () => {
    // 25 October 2026: Paris goes from 03:00 (UTC+2) back to 02:00 (UTC+1) at 01:00 UTC.
    const now = new Date('2026-10-25T01:30:00Z'); // 02:30 Paris, after the change
    expect(futureActivityBreak(new Date('2026-10-25T00:30:00Z'), now)).toBeNull(); // 02:30 Paris, before it
    expect(futureActivityBreak(new Date('2026-10-25T02:30:00Z'), now)).toBe(FUTURE_ACTIVITY_MESSAGE);
  });
});

describe('the watch after an ended measure', () => {
  it('holds through its last day and no further', () => {
    expect(attachableUnderWatch(ended('2026-01-31', 1), '2026-02-28')).toBe(true);
    expect(attachableUnderWatch(ended('2026-01-31', 1), '2026-03-01')).toBe(false);
    expect(attachableUnderWatch({ status: 'active', endedOn: null, watchMonths: 24 }, '2026-03-01')).toBe(
      false,
    );
  });

  it('reads the day in Paris: 23:30 UTC on the last day is already the next day in Paris', () => {
    const m = ended('2025-12-31', 2); // watch until 28 February 2026
    expect(measureBreak(m, new Date('2026-02-28T22:30:00Z'))).toBeNull(); // 23:30 Paris
    expect(measureBreak(m, new Date('2026-02-28T23:30:00Z'))).toMatch(/veille est passée/); // 00:30 on 1 March
  });
});

describe('the measure an activity belongs to', () => {
  it('takes a running measure and refuses a refused one', () => {
    for (const status of ['proposed', 'prescribed', 'validated', 'active'] as const)
      expect(measureBreak({ status, endedOn: null, watchMonths: null }, NOW)).toBeNull();
    expect(measureBreak({ status: 'refused', endedOn: null, watchMonths: null }, NOW)).toMatch(/refusée/);
  });

  it('refuses an ended measure without watch, and after its watch; accepts it during the watch', () => {
    expect(measureBreak(ended('2026-03-01', null), NOW)).toMatch(/sans veille/);
    expect(measureBreak(ended('2024-01-15', 24), NOW)).toMatch(/veille est passée/);
    expect(measureBreak(ended('2025-06-30', 24), NOW)).toBeNull();
  });
});

describe('every rule of an entry, by field', () => {
  const facts: JournalFacts = {
    memberIds: new Set(['m1']),
    partyOrganisationIds: new Set(['o1']),
    measure: undefined,
    objectiveKeys: new Set([objectiveKey({ versionId: 'v1', index: 0 })]),
    unknownBriques: [],
  };
  const entry = {
    occurredAt: NOW,
    memberIds: ['m1'],
    partnerOrganisationIds: ['o1'],
    objectives: [{ versionId: 'v1', index: 0 }],
  };

  it('accepts an entry whose references are all of this file', () => {
    expect(journalEntryBreaks(entry, facts, NOW)).toEqual({});
  });

  it('names each reference that is not of this file', () => {
    expect(
      journalEntryBreaks(
        {
          occurredAt: new Date(NOW.getTime() + 3_600_000),
          memberIds: ['m1', 'stranger'],
          partnerOrganisationIds: ['elsewhere'],
          objectives: [{ versionId: 'v1', index: 1 }],
        },
        { ...facts, measure: null, unknownBriques: ['9.9'] },
        NOW,
      ),
    ).toEqual({
      occurredAt: FUTURE_ACTIVITY_MESSAGE,
      'memberIds.1': 'Cette personne n’est pas membre du ménage.',
      'partnerOrganisationIds.0':
        'Cette organisation n’est pas partenaire du dossier : notez-la parmi les autres participants.',
      briques: 'Brique inconnue du référentiel en vigueur : 9.9.',
      'objectives.0': 'Cet objectif n’est pas celui d’un contrat en vigueur du ménage.',
      measureId: 'Cette mesure n’est pas celle du ménage.',
    });
  });

  it('refuses an ended measure on the measure field', () => {
    expect(journalEntryBreaks(entry, { ...facts, measure: ended('2026-01-01', null) }, NOW)).toEqual({
      measureId: expect.stringMatching(/terminée/),
    });
  });
});
