import { describe, expect, it } from 'vitest';
import { selectTimeline, type TimelineCandidate } from './timeline.ts';

const item = (key: string, at: string, extra: Partial<TimelineCandidate> = {}): TimelineCandidate => ({
  key,
  kind: 'phone_call',
  at,
  title: 'Appel téléphonique',
  detail: null,
  byName: null,
  byOrganisationName: null,
  organisationId: 'asso',
  measureId: null,
  briques: [],
  ...extra,
});
const page = { page: 1, pageSize: 25 };

describe('the household timeline', () => {
  const items = [
    item('a', '2026-03-01T09:00:00.000Z', { kind: 'home_visit', briques: ['2.4'], measureId: 'm1' }),
    item('b', '2026-03-31T22:30:00.000Z', { kind: 'note', organisationId: 'bailleur' }), // 1 April in Paris
    item('c', '2026-02-10T09:00:00.000Z', { kind: 'measure', measureId: 'm1' }),
  ];

  it('lists the latest first, without the filter fields', () => {
    const t = selectTimeline(items, page);
    expect(t.items.map((i) => i.key)).toEqual(['b', 'a', 'c']);
    expect(t.items[0]).not.toHaveProperty('organisationId');
    expect(t.total).toBe(3);
  });

  it('filters by kinds, brique, measure and author organisation', () => {
    const keys = (q: object) => selectTimeline(items, { ...page, ...q }).items.map((i) => i.key);
    expect(keys({ kinds: ['home_visit', 'measure'] })).toEqual(['a', 'c']);
    expect(keys({ brique: '2.4' })).toEqual(['a']);
    expect(keys({ measureId: 'm1' })).toEqual(['a', 'c']);
    expect(keys({ organisationId: 'bailleur' })).toEqual(['b']);
  });

  it('names the organisations behind the items, whatever the filters, for the author filter', () => {
    const named = [
      item('x', '2026-03-01T09:00:00.000Z', { byOrganisationName: 'Le Passage' }),
      item('y', '2026-03-02T09:00:00.000Z', { organisationId: 'hb', byOrganisationName: 'Habitat Brenne' }),
      item('z', '2026-03-03T09:00:00.000Z', { organisationId: null, byOrganisationName: 'Sans identifiant' }),
    ];
    expect(selectTimeline(named, { ...page, kinds: ['note'] }).organisations).toEqual([
      { id: 'hb', name: 'Habitat Brenne' },
      { id: 'asso', name: 'Le Passage' },
    ]);
  });

  it('reads the period in Paris days: 22:30 UTC on 31 March is 1 April', () => {
    const keys = (q: object) => selectTimeline(items, { ...page, ...q }).items.map((i) => i.key);
    expect(keys({ from: '2026-04-01' })).toEqual(['b']);
    expect(keys({ to: '2026-03-31' })).toEqual(['a', 'c']);
    expect(keys({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['a']);
  });

  it('pages the selection', () => {
    const second = selectTimeline(items, { page: 2, pageSize: 2 });
    expect(second.items.map((i) => i.key)).toEqual(['c']);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
  });
});
