import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { canRunMeasure } from '../../../shared/access/measure-policy.ts';
import type { TWatchIncident } from '../../../shared/contracts/watch.ts';
import { parisDate } from '../../../shared/time.ts';
import { currentWatch } from '../../../shared/watch/rules.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { incidentsOf, listHouseholdMeasures } from '../measures.repository.ts';
import { OPEN_STATUSES } from './reopen-case.ts';
import { presentIncident } from '../watch-incident.presenter.ts';

/**
 * The incidents reported during the household's watches, latest first, for every party (a
 * landlord, only those it reported); the watch's operator may reopen a case from an open one while
 * the household is under watch with no other measure proposed or running. The read is audited.
 */
export async function listWatchIncidents(ctx: Context, householdId: string): Promise<TWatchIncident[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  // The landlord reads the incidents it reported, not those a social worker noted.
  const rows = (await incidentsOf(ctx.db, householdId)).filter(
    (r) => level !== 'landlord_summary' || r.incident.reportedByOrganisationId === ctx.actor.organisationId,
  );
  const measures =
    rows.length > 0 ? (await listHouseholdMeasures(ctx.db, householdId)).map((r) => r.measure) : [];
  const reopenable =
    currentWatch(measures, parisDate(ctx.now)) !== null &&
    !measures.some((m) => OPEN_STATUSES.includes(m.status));
  await audit(ctx.db, ctx.actor, {
    action: 'measure.watch_incident.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
  return rows.map((r) => presentIncident(r, reopenable && canRunMeasure(ctx.actor, r)));
}
