import type { TWatchIncident } from '../../shared/contracts/watch.ts';
import { incidentSummary } from '../../shared/watch/rules.ts';
import type { IncidentRecord } from './measures.repository.ts';

/** An incident during the watch as its reader sees it; `canReopen`: the reader may reopen a case from it now. */
export function presentIncident(r: IncidentRecord, canReopen: boolean): TWatchIncident {
  const i = r.incident;
  return {
    id: i.id,
    householdId: i.householdId,
    measureId: i.measureId,
    schemeName: r.schemeName,
    kind: i.kind,
    occurredOn: i.occurredOn,
    amountCents: i.amountCents,
    note: i.note,
    summary: incidentSummary(i),
    reportedAt: i.reportedAt.toISOString(),
    reportedByName: r.reportedByName,
    reportedByOrganisationName: r.reportedByOrganisationName,
    reopenedMeasureId: i.reopenedMeasureId,
    canReopen: canReopen && i.reopenedMeasureId === null,
  };
}
