import { describe, expect, it } from 'vitest';
import {
  compareTimeline,
  mergeTimeline,
  selectTimeline,
  timelineSourcePage,
  timelineWindow,
  type TimelineCandidate,
} from './timeline.ts';

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

  it('orders ties by key in code units, not by the locale', () => {
    const at = '2026-03-01T09:00:00.000Z';
    const keys = [
      'journal:b',
      'diagnostic:a',
      'diagnostic-share:a',
      'Journal:z',
      'measure:m:10',
      'measure:m:9',
    ];
    expect(
      keys
        .map((key) => ({ at, key }))
        .sort(compareTimeline)
        .map((i) => i.key),
    ).toEqual([
      'Journal:z',
      'diagnostic-share:a',
      'diagnostic:a',
      'journal:b',
      'measure:m:10',
      'measure:m:9',
    ]);
  });
});

describe('a timeline paged from several sources', () => {
  const at = (minute: number) => `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
  // Two sources with equal instants between them and within each.
  const journal = [5, 5, 4, 3, 3, 3, 1].map((m, i) => item(`journal:${i}`, at(m)));
  const notes = [5, 4, 3, 2, 2].map((m, i) => item(`note:${i}`, at(m), { kind: 'note' }));
  const whole = selectTimeline([...journal, ...notes], { page: 1, pageSize: 100 }).items.map((i) => i.key);

  /** One page as the journal module makes it: each source's window, then their merge. */
  const pageOf = (query: {
    page: number;
    pageSize: number;
    after?: string;
    kinds?: ('note' | 'phone_call')[];
  }) => {
    const window = timelineWindow(query);
    return mergeTimeline(
      [journal, notes].map((source) => timelineSourcePage(source, query, window)),
      query,
    );
  };

  it('reads from each source the page’s worth past the cursor, plus one', () => {
    expect(timelineWindow({ page: 3, pageSize: 4 })).toEqual({ after: null, limit: 13 });
    const after = timelineWindow({ page: 3, pageSize: 4, after: `${at(3)}|journal:4` });
    expect(after).toEqual({ after: { at: at(3), key: 'journal:4' }, limit: 5 });
    const share = timelineSourcePage(notes, { page: 1, pageSize: 1 }, { after: after.after, limit: 2 });
    expect(share.items.map((i) => i.key)).toEqual(['note:2', 'note:3']);
    expect(share.total).toBe(5);
  });

  it('gives the whole timeline page after page, by cursor or by number, at every page size', () => {
    expect(whole).toHaveLength(12);
    for (const pageSize of [1, 2, 3, 5]) {
      const byCursor: string[] = [];
      const byNumber: string[] = [];
      let after: string | undefined;
      for (let page = 1; page <= Math.ceil(whole.length / pageSize); page++) {
        const next = pageOf({ page, pageSize, after });
        expect(next.total).toBe(12);
        byCursor.push(...next.items.map((i) => i.key));
        byNumber.push(...pageOf({ page, pageSize }).items.map((i) => i.key));
        after = next.next ?? undefined;
      }
      expect(after).toBeUndefined();
      expect(byCursor).toEqual(whole);
      expect(byNumber).toEqual(whole);
    }
  });

  it('pages the filtered items the same way', () => {
    const first = pageOf({ page: 1, pageSize: 2, kinds: ['note'] });
    expect(first.items.map((i) => i.key)).toEqual(['note:0', 'note:1']);
    expect(first.total).toBe(5);
    const second = pageOf({ page: 1, pageSize: 2, kinds: ['note'], after: first.next! });
    expect(second.items.map((i) => i.key)).toEqual(['note:2', 'note:3']);
    expect(pageOf({ page: 3, pageSize: 2, kinds: ['note'] }).next).toBeNull();
  });
});
