import type { TTimeline, TTimelineItem, TTimelineQuery } from '../contracts/journal.ts';
import { parisDate } from '../time.ts';

/** A timeline item with what the filters read: the organisation behind it, its measure, its briques. */
export interface TimelineCandidate extends TTimelineItem {
  organisationId: string | null;
  measureId: string | null;
  briques: readonly string[];
}

/**
 * The household timeline as asked: the items of the kinds, Paris days, brique, measure and author
 * organisation asked for, latest first (ties in a stable order), one page of them. Pure: the journal
 * module gathers the items each reader may see, this only selects.
 */
export function selectTimeline(items: readonly TimelineCandidate[], query: TTimelineQuery): TTimeline {
  const kept = items.filter((item) => {
    const day = parisDate(new Date(item.at));
    return (
      (!query.kinds?.length || query.kinds.includes(item.kind)) &&
      (!query.from || day >= query.from) &&
      (!query.to || day <= query.to) &&
      (!query.brique || item.briques.includes(query.brique)) &&
      (!query.measureId || item.measureId === query.measureId) &&
      (!query.organisationId || item.organisationId === query.organisationId)
    );
  });
  kept.sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key));
  const organisations = new Map<string, string>();
  for (const item of items)
    if (item.organisationId && item.byOrganisationName)
      organisations.set(item.organisationId, item.byOrganisationName);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: kept
      .slice(start, start + query.pageSize)
      .map(({ organisationId: _o, measureId: _m, briques: _b, ...item }) => item),
    total: kept.length,
    page: query.page,
    pageSize: query.pageSize,
    organisations: [...organisations]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
}
