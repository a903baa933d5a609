import { describe, expect, it } from 'vitest';
import {
  DEFAULT_USUAL_TYPOLOGIES,
  isUnderOccupied,
  minimumSurface,
  overOccupation,
  typologyFit,
  usualTypologies,
} from './adequacy.ts';

describe('minimum surface (allocation-rules.md §2.2, CCH R822-25)', () => {
  it.each([
    [1, 9],
    [2, 16],
    [3, 25],
    [4, 34],
    [5, 43],
    [6, 52],
    [7, 61],
    [8, 70],
    [9, 70],
    [12, 70],
  ])('%i persons → %i m²', (persons, surface) => {
    expect(minimumSurface(persons)).toBe(surface);
  });

  it('is over-occupied below the minimum, not at it', () => {
    expect(overOccupation(24.9, 3)).toMatchObject({ overOccupied: true, minimum: 25 });
    expect(overOccupation(25, 3)).toMatchObject({ overOccupied: false, minimum: 25 });
    expect(overOccupation(69, 10).overOccupied).toBe(true);
    expect(overOccupation(70, 10).overOccupied).toBe(false);
  });

  it('says why in French with the rule', () => {
    expect(overOccupation(30, 4).reason).toBe(
      'Surface de 30 m² inférieure au minimum de 34 m² pour 4 personnes (CCH R822-25) : logement suroccupé.',
    );
    expect(overOccupation(9, 1).reason).toBe(
      'Surface de 9 m² au moins égale au minimum de 9 m² pour 1 personne (CCH R822-25).',
    );
  });
});

describe('under-occupation (§2.3, CCH L621-2)', () => {
  it.each([
    [2, 1, false],
    [3, 1, true],
    [3, 2, false],
    [4, 2, true],
    [4, 3, false],
    [5, 3, true],
    [6, 4, true],
    [6, 5, false],
  ])('%i rooms for %i persons → under-occupied %s', (rooms, persons, under) => {
    expect(isUnderOccupied(rooms, persons)).toBe(under);
  });
});

describe('typology fit (§2.4)', () => {
  it.each([
    [{ persons: 1, dependants: 0 }, ['t1', 't2']],
    [{ persons: 2, dependants: 0 }, ['t2']],
    [{ persons: 2, dependants: 1 }, ['t2', 't3']],
    [{ persons: 3, dependants: 1 }, ['t3']],
    [{ persons: 4, dependants: 2 }, ['t3', 't4']],
    [{ persons: 5, dependants: 3 }, ['t4', 't5']],
    [{ persons: 6, dependants: 4 }, ['t5']],
    [{ persons: 7, dependants: 5 }, ['t5', 't6']],
    [{ persons: 10, dependants: 8 }, ['t5', 't6']],
  ])('usual typologies for %o: %o', (household, typologies) => {
    expect(usualTypologies(household)).toEqual(typologies);
  });

  it('a T3 for one person is out of the legal bounds (sous-occupé), whatever the table', () => {
    expect(typologyFit({ persons: 1, dependants: 0 }, 't3')).toEqual({
      withinLegalBounds: false,
      usual: false,
      reason:
        'Un T3 pour 1 personne serait sous-occupé : plus de pièces principales que d’occupants plus une (CCH L621-2).',
    });
    expect(typologyFit({ persons: 1, dependants: 0 }, 't3', { '1': ['t3'] }).withinLegalBounds).toBe(false);
  });

  it('a usual typology fits; an unusual one inside the bounds is a soft mismatch with its reason', () => {
    expect(typologyFit({ persons: 2, dependants: 1 }, 't3')).toEqual({
      withinLegalBounds: true,
      usual: true,
      reason: 'T3 : typologie habituelle pour 2 personnes.',
    });
    expect(typologyFit({ persons: 4, dependants: 2 }, 't2')).toEqual({
      withinLegalBounds: true,
      usual: false,
      reason: 'T2 : hors des typologies habituelles pour 4 personnes (T3 ou T4), sans obstacle légal.',
    });
    expect(typologyFit({ persons: 2, dependants: 0 }, 't3').usual).toBe(false);
  });

  it('reads a landlord’s own table instead of the default', () => {
    const table = { ...DEFAULT_USUAL_TYPOLOGIES, '3': ['t3', 't4'] as const };
    expect(typologyFit({ persons: 3, dependants: 1 }, 't4', table).usual).toBe(true);
    expect(typologyFit({ persons: 3, dependants: 1 }, 't4').usual).toBe(false);
    // A table without the one-adult-with-a-child key reads the two-person line.
    expect(usualTypologies({ persons: 2, dependants: 1 }, { '1': ['t1'], '2': ['t2'] })).toEqual(['t2']);
  });
});
