import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TMeasure, ZMeasureAssign } from '../../../shared/contracts/measures.ts';
import { activeParties } from '../../households/index.ts';
import { notifyOrganisation, notifyUsers } from '../../notifications/index.ts';
import { checkCapacity } from '../caseload-check.ts';
import { isSocialWorkerOf, userName } from '../measures.repository.ts';
import { measureToRun, moveMeasure, reloadMeasure } from '../measure-writes.ts';

type AssignInput = z.output<typeof ZMeasureAssign> & { householdId: string; measureId: string };

/**
 * Gives a measure its référent, or a new one with a relay note: one caseworker at a time, of the
 * operator, within capacity unless confirmed. Both workers and the household's other parties are told.
 */
export async function assignCaseworker(ctx: Context, input: AssignInput): Promise<TMeasure> {
  const { db } = ctx;
  const record = await measureToRun(ctx, input.householdId, input.measureId);
  const m = record.measure;
  if (m.caseworkerUserId === input.caseworkerUserId)
    throw invalid({ caseworkerUserId: 'Cette personne est déjà la référente de la mesure.' });
  if (!(await isSocialWorkerOf(db, input.caseworkerUserId, m.operatorOrganisationId)))
    throw invalid({ caseworkerUserId: 'Le référent doit être un travailleur social de l’opérateur.' });
  await checkCapacity(db, {
    organisationId: m.operatorOrganisationId,
    userId: input.caseworkerUserId,
    kind: record.schemeKind,
    alreadyFollowed: false,
    confirmed: input.confirmOverCapacity,
  });
  const next = await userName(db, input.caseworkerUserId);
  await moveMeasure(ctx, record, {
    rowVersion: input.rowVersion,
    from: ['proposed', 'prescribed', 'validated', 'active'],
    values: { caseworkerUserId: input.caseworkerUserId },
    event: 'assigned',
    detail: `${record.caseworkerName ?? 'Aucun référent'} → ${next}. ${input.relayNote}`,
    action: 'measure.assign',
  });
  const notice = {
    kind: 'measure.assigned',
    title: `Nouveau référent pour la mesure ${record.schemeName}`,
    body: `${next} devient le référent de la mesure ${record.schemeName} (dossier suivi par ${record.operatorName}).`,
    link: `/menages/${m.householdId}`,
  };
  await notifyUsers(
    db,
    [m.caseworkerUserId, input.caseworkerUserId].filter((id): id is string => id !== null),
    notice,
  );
  const parties = await activeParties(db, m.householdId, ctx.now);
  for (const organisationId of new Set(parties.map((p) => p.organisationId)))
    if (organisationId !== m.operatorOrganisationId)
      await notifyOrganisation(db, { ...notice, organisationId });
  return reloadMeasure(ctx, input.householdId, input.measureId);
}
