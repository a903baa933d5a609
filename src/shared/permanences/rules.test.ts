import { describe, expect, it } from 'vitest';
import {
  CONVERSION_WITHOUT_CONSENT,
  NAME_REQUIRED,
  NAME_WITHOUT_CONSENT,
  CONTACT_WITHOUT_CONSENT,
  STEP_BEFORE_VISIT,
  TEXT_WITHOUT_CONSENT,
  VISIT_IN_FUTURE,
  VISIT_NOT_BEGUN,
  conversionBreak,
  firstOccurrenceDay,
  isoWeekday,
  occurrenceOn,
  occurrencesBetween,
  slotErrors,
  visitDataErrors,
  visitOccurrence,
  visitOutsideSlot,
  type SlotRule,
} from './rules.ts';

/** Tuesdays 9:00–12:00 in Paris, weekly, from 6 January 2026. */
const TUESDAY: SlotRule = {
  weekday: 2,
  startTime: '09:00',
  endTime: '12:00',
  everyWeeks: 1,
  fromDate: '2026-01-06',
  untilDate: null,
};

describe('occurrences of a slot', () => {
  it('knows weekdays', () => {
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(isoWeekday('2026-03-15')).toBe(7);
    expect(firstOccurrenceDay({ weekday: 2, fromDate: '2026-01-01' })).toBe('2026-01-06');
    expect(firstOccurrenceDay({ weekday: 4, fromDate: '2026-01-01' })).toBe('2026-01-01');
  });

  it('keeps the Paris hours across the March clock change', () => {
    const [before, after] = occurrencesBetween(TUESDAY, '2026-03-23', '2026-04-05');
    // 24 March: winter time (UTC+1); 31 March: summer time (UTC+2), clocks changed on the 29th.
    expect(before!.startsAt.toISOString()).toBe('2026-03-24T08:00:00.000Z');
    expect(after!.startsAt.toISOString()).toBe('2026-03-31T07:00:00.000Z');
    expect(after!.endsAt.toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });

  it('keeps the Paris hours across the October clock change', () => {
    const found = occurrencesBetween(TUESDAY, '2026-10-19', '2026-11-01');
    expect(found.map((o) => o.date)).toEqual(['2026-10-20', '2026-10-27']);
    expect(found[0]!.startsAt.toISOString()).toBe('2026-10-20T07:00:00.000Z');
    expect(found[1]!.startsAt.toISOString()).toBe('2026-10-27T08:00:00.000Z');
  });

  it('holds a Sunday slot on the very day of the clock change at its wall-clock hour', () => {
    const sunday = { ...TUESDAY, weekday: 7, startTime: '10:00', endTime: '12:00' };
    expect(occurrenceOn(sunday, '2026-03-29')!.startsAt.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(occurrenceOn(sunday, '2026-10-25')!.startsAt.toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('counts every N weeks from the first occurrence', () => {
    const fortnightly = { ...TUESDAY, everyWeeks: 2 };
    expect(occurrencesBetween(fortnightly, '2026-01-01', '2026-02-28').map((o) => o.date)).toEqual([
      '2026-01-06',
      '2026-01-20',
      '2026-02-03',
      '2026-02-17',
    ]);
  });

  it('stays within its dates', () => {
    const bounded = { ...TUESDAY, fromDate: '2026-01-07', untilDate: '2026-01-20' };
    expect(occurrencesBetween(bounded, '2026-01-01', '2026-01-31').map((o) => o.date)).toEqual([
      '2026-01-13',
      '2026-01-20',
    ]);
    expect(occurrenceOn(bounded, '2026-01-27')).toBeNull();
    expect(occurrenceOn(TUESDAY, '2026-01-07')).toBeNull();
  });

  it('refuses a slot that ends before it starts or holds no occurrence', () => {
    expect(slotErrors({ ...TUESDAY, endTime: '09:00' }).endTime).toMatch(/après son début/);
    expect(slotErrors({ ...TUESDAY, untilDate: '2026-01-01' }).untilDate).toMatch(/précède/);
    expect(slotErrors({ ...TUESDAY, fromDate: '2026-01-07', untilDate: '2026-01-09' }).weekday).toMatch(
      /Aucune permanence/,
    );
    expect(slotErrors(TUESDAY)).toEqual({});
  });
});

describe('when a visit may be recorded', () => {
  const NOW = new Date('2026-03-31T08:30:00Z'); // Tuesday 31 March, 10:30 in Paris (summer time)

  it('belongs to the occurrence under way or just over', () => {
    const at = new Date('2026-03-31T07:15:00Z');
    const found = visitOccurrence(TUESDAY, at, NOW);
    expect('occurrence' in found && found.occurrence.date).toBe('2026-03-31');
    const lastWeek = visitOccurrence(TUESDAY, new Date('2026-03-24T11:20:00Z'), NOW); // 12:20 winter time
    expect('occurrence' in lastWeek && lastWeek.occurrence.date).toBe('2026-03-24');
  });

  it('accepts a visit within the margin around the hours, not beyond', () => {
    // 8:40 Paris, twenty minutes before opening.
    expect('occurrence' in visitOccurrence(TUESDAY, new Date('2026-03-31T06:40:00Z'), NOW)).toBe(true);
    // 8:00 Paris: an hour early.
    expect(visitOccurrence(TUESDAY, new Date('2026-03-31T06:00:00Z'), NOW)).toEqual({
      error: visitOutsideSlot(),
    });
    // A Wednesday.
    expect(visitOccurrence(TUESDAY, new Date('2026-03-25T09:00:00Z'), NOW)).toEqual({
      error: visitOutsideSlot(),
    });
  });

  it('refuses the future, and an occurrence not begun', () => {
    expect(visitOccurrence(TUESDAY, new Date('2026-03-31T09:00:00Z'), NOW)).toEqual({
      error: VISIT_IN_FUTURE,
    });
    const early = new Date('2026-03-31T06:45:00Z'); // 8:45 Paris, the clock says 8:46
    expect(visitOccurrence(TUESDAY, early, new Date('2026-03-31T06:46:00Z'))).toEqual({
      error: VISIT_NOT_BEGUN,
    });
  });
});

describe('minimal data of a visit', () => {
  const base = { consent: 'given' as const, firstName: 'Léa', phone: '', steps: [] };

  it('asks a first name or initials with consent', () => {
    expect(visitDataErrors(base, '2026-03-31')).toEqual({});
    expect(visitDataErrors({ ...base, firstName: '' }, '2026-03-31')).toEqual({ firstName: NAME_REQUIRED });
  });

  it('keeps neither name nor contact nor text about the person without consent', () => {
    expect(visitDataErrors({ ...base, consent: 'refused', phone: '06 12 34 56 78' }, '2026-03-31')).toEqual({
      firstName: NAME_WITHOUT_CONSENT,
      phone: CONTACT_WITHOUT_CONSENT,
    });
    const steps = [{ text: 'Appeler la CAF', dueOn: null }];
    expect(
      visitDataErrors(
        { ...base, consent: 'refused', firstName: '', advice: 'Voir la CAF', steps },
        '2026-03-31',
      ),
    ).toEqual({ advice: TEXT_WITHOUT_CONSENT, steps: TEXT_WITHOUT_CONSENT });
    expect(visitDataErrors({ ...base, consent: 'refused', firstName: '' }, '2026-03-31')).toEqual({});
  });

  it('refuses a step dated before the visit', () => {
    const steps = [
      { text: 'Appeler la CAF', dueOn: '2026-04-03' },
      { text: 'Écrire au bailleur', dueOn: '2026-03-30' },
      { text: 'Rassembler les quittances', dueOn: null },
    ];
    expect(visitDataErrors({ ...base, steps }, '2026-03-31')).toEqual({ 'steps.1.dueOn': STEP_BEFORE_VISIT });
  });
});

describe('conversion of a visit', () => {
  it('needs consent and happens once', () => {
    expect(conversionBreak({ consent: 'given', convertedTo: null, convertedAt: null })).toBeNull();
    expect(conversionBreak({ consent: 'refused', convertedTo: null, convertedAt: null })).toBe(
      CONVERSION_WITHOUT_CONSENT,
    );
    expect(
      conversionBreak({
        consent: 'given',
        convertedTo: 'referral',
        convertedAt: new Date('2026-03-31T08:00:00Z'),
      }),
    ).toBe('Ce passage a déjà été transformé en saisine le 31/03/2026 : cela ne se fait qu’une fois.');
  });
});
