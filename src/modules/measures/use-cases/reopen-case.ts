import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { canRunMeasure } from '../../../shared/access/measure-policy.ts';
import type { MeasureStatus, TMeasure } from '../../../shared/contracts/measures.ts';
import type { ZWatchReopen } from '../../../shared/contracts/watch.ts';
import { unknownBriques } from '../../../shared/referentiel/referentiel.ts';
import { parisDate } from '../../../shared/time.ts';
import { currentWatch, incidentSummary, NOT_UNDER_WATCH_MESSAGE } from '../../../shared/watch/rules.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { referentielInForce } from '../../referentiel/index.ts';
import { closeTasksOf } from '../../tasks/index.ts';
import {
  incidentsOf,
  insertEvent,
  isSocialWorkerOf,
  listHouseholdMeasures,
  markIncidentReopened,
} from '../measures.repository.ts';
import { reloadMeasure } from '../measure-writes.ts';
import { recordProposal } from './propose-measure.ts';

/** A measure proposed or running: a case is open, there is nothing to reopen. */
export const OPEN_STATUSES: readonly MeasureStatus[] = ['proposed', 'prescribed', 'validated', 'active'];

type ReopenInput = z.output<typeof ZWatchReopen> & { householdId: string; incidentId: string };

/**
 * Reopens a case in one step after an incident during the watch: a new measure proposed for the
 * household, linked to the ended one and taken from it (scheme, operator, référent if still one of
 * its social workers, briques still in the référentiel, intensity, occupancy, criteria), the incident
 * as its reason; both measures' timelines say so, the incident's task is done. Its start, later,
 * ends the watch (shared/watch). Refused when the household is no longer under watch, when a case
 * is already open, or when the incident already reopened one. One transaction, audited.
 */
export async function reopenCase(ctx: Context, input: ReopenInput): Promise<TMeasure> {
  const { db, actor, now } = ctx;
  await requireHouseholdAccess(ctx, input.householdId);
  const [incident] = await incidentsOf(db, input.householdId, input.incidentId);
  if (!incident) throw notFound('Incident introuvable.');
  const rows = await listHouseholdMeasures(db, input.householdId);
  const previous = rows.find((r) => r.measure.id === incident.incident.measureId)!;
  const m = previous.measure;
  if (!canRunMeasure(actor, m))
    throw forbidden(
      'Seuls les travailleurs sociaux de l’organisation qui portait la mesure rouvrent un accompagnement.',
    );
  if (incident.incident.reopenedMeasureId)
    throw new AppError('INVALID_STATE', 'Cet incident a déjà rouvert un accompagnement.');
  const measures = rows.map((r) => r.measure);
  if (!currentWatch(measures, parisDate(now))) throw new AppError('INVALID_STATE', NOT_UNDER_WATCH_MESSAGE);
  if (measures.some((o) => OPEN_STATUSES.includes(o.status)))
    throw new AppError(
      'INVALID_STATE',
      'Un accompagnement est déjà proposé ou en cours pour ce ménage : il n’y a rien à rouvrir.',
    );

  const reason = `Incident pendant la veille après la mesure ${previous.schemeName} : ${incidentSummary(incident.incident)}`;
  const keepsCaseworker =
    m.caseworkerUserId !== null && (await isSocialWorkerOf(db, m.caseworkerUserId, m.operatorOrganisationId));
  const unknown = new Set(unknownBriques(m.briques, referentielInForce(parisDate(now))));
  const id = await recordProposal(
    ctx,
    {
      householdId: input.householdId,
      schemeId: m.schemeId,
      operatorOrganisationId: m.operatorOrganisationId,
      caseworkerUserId: keepsCaseworker ? m.caseworkerUserId : null,
      briques: m.briques.filter((b) => !unknown.has(b)),
      visitsPerMonth: m.visitsPerMonth,
      occupancy: m.occupancy,
      initialMonths: null,
      criteriaMet: m.criteriaMet,
      stateValidationReference: null,
      confirmOverCapacity: input.confirmOverCapacity,
    },
    { fromMeasureId: m.id, reason },
  );
  if (!(await markIncidentReopened(db, input.incidentId, id)))
    throw new AppError('INVALID_STATE', 'Cet incident a déjà rouvert un accompagnement.');
  await insertEvent(db, {
    measureId: m.id,
    kind: 'reopened',
    detail: reason,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  await closeTasksOf(db, { sourceId: input.incidentId, userId: actor.userId, at: now });
  await audit(db, actor, {
    action: 'measure.reopen',
    entityType: 'measure',
    entityId: id,
    householdId: input.householdId,
    details: { scheme: previous.schemeName, kind: incident.incident.kind },
  });
  await ctx.householdChanged?.(input.householdId);
  return reloadMeasure(ctx, input.householdId, id);
}
