import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import { canDecideMeasure, FUNDER_MEASURE_FIELDS } from '../../../shared/access/measure-policy.ts';
import type { TMeasure, ZMeasureDecision } from '../../../shared/contracts/measures.ts';
import { formatDate } from '../../../shared/format.ts';
import { notifyOrganisation } from '../../notifications/index.ts';
import { closeTasksOf, raiseTask } from '../../tasks/index.ts';
import { findFundedMeasure } from '../measures.repository.ts';
import { moveMeasure } from '../measure-writes.ts';
import { presentMeasure } from '../measure.presenter.ts';

type DecisionInput = z.output<typeof ZMeasureDecision> & { measureId: string };

/**
 * The funder validates or refuses (with its reason) a measure prescribed on one of its schemes. The
 * operator is told; a validated measure waits for its start, a task of the operator.
 */
export async function decideMeasure(ctx: Context, input: DecisionInput): Promise<TMeasure> {
  const { db, actor, now } = ctx;
  const refusal = 'Seul le financeur du dispositif décide de cette mesure.';
  if (!canDecideMeasure(actor, { funderOrganisationId: actor.organisationId })) throw forbidden(refusal);
  const record = await findFundedMeasure(db, actor.organisationId, input.measureId);
  if (!record) throw notFound('Mesure introuvable.');
  const m = record.measure;
  const validated = input.outcome === 'validated';
  await moveMeasure(ctx, record, {
    rowVersion: input.rowVersion,
    from: ['prescribed'],
    values: {
      status: input.outcome,
      decidedOn: input.decidedOn,
      refusalReason: input.outcome === 'refused' ? input.reason : null,
    },
    event: input.outcome,
    detail: input.outcome === 'refused' ? input.reason : null,
    action: validated ? 'measure.validate' : 'measure.refuse',
    details: input.outcome === 'refused' ? { reason: input.reason } : {},
  });
  if (validated)
    await raiseTask(db, {
      householdId: m.householdId,
      title: `Mesure ${record.schemeName} validée : fixer la date de début`,
      dueOn: input.decidedOn,
      ownerUserId: m.caseworkerUserId,
      ownerOrganisationId: m.operatorOrganisationId,
      sourceId: m.id,
      createdByUserId: actor.userId,
      createdByOrganisationId: actor.organisationId,
      at: now,
    });
  else await closeTasksOf(db, { sourceId: m.id, userId: actor.userId, at: now });
  await notifyOrganisation(db, {
    organisationId: m.operatorOrganisationId,
    roles: ['caseworker', 'team_manager'],
    kind: validated ? 'measure.validated' : 'measure.refused',
    title: `Mesure ${record.schemeName} ${validated ? 'validée' : 'refusée'} par ${record.funderName}`,
    body: `Décision du ${formatDate(input.decidedOn)}${input.outcome === 'refused' ? ` : ${input.reason}` : '.'}`,
    link: `/menages/${m.householdId}`,
  });
  const after = (await findFundedMeasure(db, actor.organisationId, m.id))!;
  return presentMeasure(after, FUNDER_MEASURE_FIELDS, false);
}
