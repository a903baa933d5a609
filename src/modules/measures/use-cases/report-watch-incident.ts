import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid } from '../../../kernel/errors.ts';
import { canReportWatchIncident, canRunMeasure } from '../../../shared/access/measure-policy.ts';
import {
  WATCH_INCIDENT_KIND_LABELS,
  type TWatchIncident,
  type ZWatchIncidentInput,
} from '../../../shared/contracts/watch.ts';
import { formatDate } from '../../../shared/format.ts';
import { addDays, parisDate } from '../../../shared/time.ts';
import {
  currentWatch,
  incidentSummary,
  INCIDENT_TASK_DAYS,
  NOT_UNDER_WATCH_MESSAGE,
} from '../../../shared/watch/rules.ts';
import { recordRentArrears, requireHouseholdAccess } from '../../households/index.ts';
import { notifyOrganisation, notifyUsers } from '../../notifications/index.ts';
import { raiseTask } from '../../tasks/index.ts';
import { incidentsOf, insertEvent, insertIncident, listHouseholdMeasures } from '../measures.repository.ts';
import { presentIncident } from '../watch-incident.presenter.ts';

type ReportInput = z.output<typeof ZWatchIncidentInput> & { householdId: string };

/**
 * An incident during the watch after a measure, reported by the landlord (or a party's social
 * worker): recorded against the measure whose watch runs, in its timeline; new arrears reported by
 * the landlord also bring the household's rent-arrears debt toward it up to date (as a referral
 * does); the watch's référent (else its operator's social workers) gets a task and a notification.
 * Refused when the household is not under watch. One transaction, audited.
 */
export async function reportWatchIncident(ctx: Context, input: ReportInput): Promise<TWatchIncident> {
  const { db, actor, now } = ctx;
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!canReportWatchIncident(actor, level))
    throw forbidden(
      'Seuls le bailleur et les travailleurs sociaux parties au dossier signalent un incident pendant la veille.',
    );
  const today = parisDate(now);
  const rows = await listHouseholdMeasures(db, input.householdId);
  const watch = currentWatch(
    rows.map((r) => r.measure),
    today,
  );
  if (!watch) throw new AppError('INVALID_STATE', NOT_UNDER_WATCH_MESSAGE);
  const watched = rows.find((r) => r.measure.id === watch.measure.id)!;
  const m = watched.measure;
  if (input.occurredOn > today)
    throw invalid({ occurredOn: 'La date de l’incident ne peut pas être dans le futur.' });
  if (input.occurredOn <= m.endedOn!)
    throw invalid({
      occurredOn: `L’incident doit dater de la veille, qui a commencé après la fin de la mesure le ${formatDate(m.endedOn)}.`,
    });
  const values = {
    kind: input.kind,
    occurredOn: input.occurredOn,
    amountCents: input.kind === 'rent_arrears' ? (input.amountCents ?? null) : null,
    note: input.note?.trim() || null,
  };
  const id = await insertIncident(db, {
    householdId: input.householdId,
    measureId: m.id,
    ...values,
    reportedByUserId: actor.userId,
    reportedByOrganisationId: actor.organisationId,
    reportedAt: now,
  });
  if (values.kind === 'rent_arrears' && actor.organisationType === 'landlord')
    await recordRentArrears(ctx, {
      householdId: input.householdId,
      creditor: actor.organisationName,
      amountCents: values.amountCents!,
      unpaidMonths: null,
    });
  const summary = incidentSummary(values);
  await insertEvent(db, {
    measureId: m.id,
    kind: 'incident',
    detail: `${summary} (signalé par ${actor.organisationName})`,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  await raiseTask(db, {
    householdId: input.householdId,
    title: `Incident pendant la veille après la mesure ${watched.schemeName} : ${summary} — voir avec le ménage s’il faut rouvrir un accompagnement`,
    dueOn: addDays(today, INCIDENT_TASK_DAYS),
    ownerUserId: m.caseworkerUserId,
    ownerOrganisationId: m.operatorOrganisationId,
    sourceId: id,
    createdByUserId: actor.userId,
    createdByOrganisationId: actor.organisationId,
    at: now,
  });
  // Sent by email too: the kind of incident only, not its amount nor its note (read on the file).
  const notice = {
    kind: 'measure.watch_incident',
    title: `Incident signalé pendant la veille : ${WATCH_INCIDENT_KIND_LABELS[values.kind].toLowerCase()}`,
    body: `${actor.organisationName} signale un incident pendant la veille d’un ménage, après la mesure ${watched.schemeName}. Voir s’il faut rouvrir un accompagnement.`,
    link: `/menages/${input.householdId}`,
  };
  if (m.caseworkerUserId) await notifyUsers(db, [m.caseworkerUserId], notice);
  else
    await notifyOrganisation(db, {
      organisationId: m.operatorOrganisationId,
      roles: ['caseworker', 'team_manager'],
      ...notice,
    });
  await audit(db, actor, {
    action: 'measure.watch_incident.report',
    entityType: 'measure',
    entityId: m.id,
    householdId: input.householdId,
    details: { scheme: watched.schemeName, kind: values.kind },
  });
  const [record] = await incidentsOf(db, input.householdId, id);
  return presentIncident(record!, canRunMeasure(actor, m));
}
