import { describe, expect, it } from 'vitest';
import { feedWindow, mondayOf, overlapsOf, slotErrors, weekOf } from './rules.ts';
import { parisInstant, parisLocal } from '../time.ts';

const at = (local: string) => new Date(parisInstant(local));
const slot = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

describe('slotErrors', () => {
  const now = at('2026-03-10T10:00');
  it('accepts a planned slot ahead', () => {
    expect(slotErrors(slot('2026-03-11T09:00', '2026-03-11T10:00'), { now, planningNew: true })).toEqual({});
  });
  it('refuses an end before or at the start, and durations out of bounds', () => {
    expect(slotErrors(slot('2026-03-11T09:00', '2026-03-11T09:00'), { now, planningNew: true })).toEqual({
      endsAt: 'La fin doit être après le début.',
    });
    expect(
      slotErrors(slot('2026-03-11T09:00', '2026-03-11T09:04'), { now, planningNew: true }).endsAt,
    ).toMatch(/au moins 5 minutes/);
    expect(slotErrors(slot('2026-03-11T09:00', '2026-03-11T21:00'), { now, planningNew: true })).toEqual({});
    expect(
      slotErrors(slot('2026-03-11T09:00', '2026-03-11T21:01'), { now, planningNew: true }).endsAt,
    ).toMatch(/au plus 12 heures/);
  });
  it('lets a new appointment start up to an hour ago, not earlier; an edited one may be past', () => {
    expect(slotErrors(slot('2026-03-10T09:00', '2026-03-10T11:00'), { now, planningNew: true })).toEqual({});
    expect(
      slotErrors(slot('2026-03-10T08:59', '2026-03-10T11:00'), { now, planningNew: true }).startsAt,
    ).toMatch(/déjà passé/);
    expect(slotErrors(slot('2026-03-01T08:00', '2026-03-01T09:00'), { now, planningNew: false })).toEqual({});
  });
  it('measures a slot across the spring change in real minutes (02:00 → 03:00 does not exist)', () => {
    // 29 March 2026, 01:30 → 03:30 on Paris clocks is one hour.
    const s = slot('2026-03-29T01:30', '2026-03-29T03:30');
    expect((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000).toBe(60);
    expect(slotErrors(s, { now, planningNew: true })).toEqual({});
  });
  it('measures a slot across the autumn change (02:00 → 03:00 happens twice)', () => {
    const s = slot('2026-10-25T01:30', '2026-10-25T03:30');
    expect((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000).toBe(180);
  });
});

describe('overlapsOf', () => {
  const existing = [
    slot('2026-03-11T09:00', '2026-03-11T10:00'),
    slot('2026-03-11T14:00', '2026-03-11T15:00'),
  ];
  it('finds the slots that overlap, not the back-to-back ones', () => {
    expect(overlapsOf(slot('2026-03-11T09:30', '2026-03-11T10:30'), existing)).toEqual([existing[0]]);
    expect(overlapsOf(slot('2026-03-11T10:00', '2026-03-11T14:00'), existing)).toEqual([]);
    expect(overlapsOf(slot('2026-03-11T08:00', '2026-03-11T16:00'), existing)).toEqual(existing);
  });
});

describe('weekOf', () => {
  it('runs Monday to Sunday, whatever the day given', () => {
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(weekOf('2026-03-12')).toMatchObject({ monday: '2026-03-09', sunday: '2026-03-15' });
  });
  it('crosses months and years', () => {
    expect(weekOf('2027-01-01')).toMatchObject({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weekOf('2026-03-01')).toMatchObject({ monday: '2026-02-23', sunday: '2026-03-01' });
  });
  it('starts at Paris midnight and lasts 167 h in the spring week, 169 h in the autumn one', () => {
    const spring = weekOf('2026-03-25');
    expect(spring.from.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(spring.until.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((spring.until.getTime() - spring.from.getTime()) / 3_600_000).toBe(167);
    const autumn = weekOf('2026-10-21');
    expect(autumn.from.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(autumn.until.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((autumn.until.getTime() - autumn.from.getTime()) / 3_600_000).toBe(169);
  });
});

describe('feedWindow', () => {
  it('covers six months back and twelve ahead, from Paris midnight', () => {
    const w = feedWindow(new Date('2026-03-10T23:30:00Z')); // already 11 March in Paris
    expect(w.from.toISOString()).toBe('2025-09-10T22:00:00.000Z');
    expect(w.until.toISOString()).toBe('2027-03-10T23:00:00.000Z');
  });
  it('keeps month ends inside shorter months', () => {
    const w = feedWindow(new Date('2026-08-31T10:00:00Z'));
    expect(w.from.toISOString().slice(0, 10)).toBe('2026-02-27');
  });
});

describe('parisLocal', () => {
  it('reads an instant back on a Paris clock, on both sides of a clock change', () => {
    expect(parisLocal('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30');
    expect(parisLocal('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30');
    expect(parisLocal(parisInstant('2026-03-29T03:15'))).toBe('2026-03-29T03:15');
    expect(parisLocal('2026-12-31T23:05:00Z')).toBe('2027-01-01T00:05');
  });
});
