import type { TTimeline, TTimelineItem, TTimelineQuery } from '../contracts/journal.ts';
import { parisDate } from '../time.ts';

/** A timeline item with what the filters read: the organisation behind it, its measure, its briques. */
export interface TimelineCandidate extends TTimelineItem {
  organisationId: string | null;
  measureId: string | null;
  briques: readonly string[];
}

/** A place in the timeline: the instant and key of the last item a page showed. */
export interface TimelineCursor {
  at: string;
  key: string;
}

/** The cursor after an item, as the timeline's `next` gives it and its `after` reads it. */
export const timelineCursorOf = (item: TimelineCursor): string => `${item.at}|${item.key}`;

/** Reads a cursor (the contract checked its form: `<ISO instant>|<key>`). */
export function parseTimelineCursor(value: string): TimelineCursor {
  const bar = value.indexOf('|');
  return { at: value.slice(0, bar), key: value.slice(bar + 1) };
}

/**
 * The timeline's order: latest first, then by key in code-unit order (not the locale's), the order
 * a source's SQL gives its ties by id (`journal:<uuid>`: uuids compare as their lower-case text).
 */
export function compareTimeline(a: TimelineCursor, b: TimelineCursor): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return 0;
}

/** Whether an item comes after the cursor in the timeline's order. */
export const comesAfter = (item: TimelineCursor, cursor: TimelineCursor): boolean =>
  compareTimeline(item, cursor) > 0;

/**
 * What each source reads for a page: the items after the cursor (`after`), or from the latest for a
 * numbered page, at most `limit` of them — as many as the page needs, plus one that tells whether
 * more follow. The page is then cut from their merge (mergeTimeline): the items a page shows are
 * among the first `limit` of their own source.
 */
export interface TimelineWindow {
  after: TimelineCursor | null;
  limit: number;
}

export function timelineWindow(query: TTimelineQuery): TimelineWindow {
  if (query.after) return { after: parseTimelineCursor(query.after), limit: query.pageSize + 1 };
  return { after: null, limit: query.page * query.pageSize + 1 };
}

/** Whether an item is among those asked: its kind, Paris day, brique, measure and author organisation. */
export function keepsTimelineItem(item: TimelineCandidate, query: TTimelineQuery): boolean {
  const day = parisDate(new Date(item.at));
  return (
    (!query.kinds?.length || query.kinds.includes(item.kind)) &&
    (!query.from || day >= query.from) &&
    (!query.to || day <= query.to) &&
    (!query.brique || item.briques.includes(query.brique)) &&
    (!query.measureId || item.measureId === query.measureId) &&
    (!query.organisationId || item.organisationId === query.organisationId)
  );
}

/**
 * A source's share of a page: its items in the window, in the timeline's order; how many of its items
 * the filters keep; the organisations behind its items whatever the filters (id → name).
 */
export interface TimelineSourcePage {
  items: TimelineCandidate[];
  total: number;
  organisations: ReadonlyMap<string, string>;
}

/** A source read whole (a few rows a household), filtered and windowed here. */
export function timelineSourcePage(
  items: readonly TimelineCandidate[],
  query: TTimelineQuery,
  window: TimelineWindow,
): TimelineSourcePage {
  const kept = items.filter((item) => keepsTimelineItem(item, query)).sort(compareTimeline);
  const organisations = new Map<string, string>();
  for (const item of items)
    if (item.organisationId && item.byOrganisationName)
      organisations.set(item.organisationId, item.byOrganisationName);
  const { after } = window;
  return {
    items: (after ? kept.filter((item) => comesAfter(item, after)) : kept).slice(0, window.limit),
    total: kept.length,
    organisations,
  };
}

/**
 * The page from the sources' shares: their items merged in the timeline's order and cut (from the
 * top after a cursor, at the page's offset otherwise), without the filter fields; the total of every
 * source; the cursor after the page's last item when more follow.
 */
export function mergeTimeline(sources: readonly TimelineSourcePage[], query: TTimelineQuery): TTimeline {
  const merged = sources.flatMap((s) => s.items).sort(compareTimeline);
  const start = query.after ? 0 : (query.page - 1) * query.pageSize;
  const page = merged.slice(start, start + query.pageSize);
  const last = page.at(-1);
  const organisations = new Map<string, string>();
  for (const s of sources) for (const [id, name] of s.organisations) organisations.set(id, name);
  return {
    items: page.map(({ organisationId: _o, measureId: _m, briques: _b, ...item }) => item),
    total: sources.reduce((sum, s) => sum + s.total, 0),
    page: query.page,
    pageSize: query.pageSize,
    next: last && merged.length > start + query.pageSize ? timelineCursorOf(last) : null,
    organisations: [...organisations]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
}

/**
 * The household timeline as asked from items read whole: the items of the kinds, Paris days,
 * brique, measure and author organisation asked for, latest first (ties in a stable order), one page
 * of them. Pure: the journal module gathers the items each reader may see, this only selects.
 */
export const selectTimeline = (items: readonly TimelineCandidate[], query: TTimelineQuery): TTimeline =>
  mergeTimeline([timelineSourcePage(items, query, timelineWindow(query))], query);
