import { inArray } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import { isValidated, mayReceive } from '../../../shared/access/evaluation-policy.ts';
import type { EvaluationAudience, TEvaluation } from '../../../shared/contracts/evaluations.ts';
import { activeParties } from '../../households/index.ts';
import { organisations } from '../../organisations/schema.ts';
import { insertShares, updateEvaluationIf } from '../evaluations.repository.ts';
import {
  auditEvaluation,
  evaluationAnswer,
  notValidated,
  partnerVersion,
  requireEvaluationToWrite,
  staleEvaluation,
} from '../evaluation-writes.ts';

export const NO_LANDLORD = 'Aucun bailleur n’est partie au dossier du ménage : rien à partager.';

/**
 * Shares a validated evaluation's partner version (brique 2.7, « partager le bilan de façon
 * différenciée »): the landlord version with the landlords that are current parties to the file,
 * the funder version with the funder of the measure's scheme. Each recipient gets the snapshot
 * exactly as sent; a landlord never receives the funder's version, nor the reverse.
 */
export async function shareEvaluation(
  ctx: Context,
  input: { householdId: string; evaluationId: string; rowVersion: number; audience: EvaluationAudience },
): Promise<TEvaluation> {
  const { record, measure } = await requireEvaluationToWrite(ctx, input.householdId, input.evaluationId);
  const e = record.evaluation;
  if (!isValidated(e.status))
    throw notValidated('une version partenaire ne part que d’une évaluation validée.');
  if (e.rowVersion !== input.rowVersion) throw staleEvaluation();
  let recipients: string[];
  if (input.audience === 'funder') recipients = [measure.funderOrganisationId];
  else {
    const parties = (await activeParties(ctx.db, input.householdId, ctx.now)).map((p) => p.organisationId);
    const orgs = parties.length
      ? await ctx.db
          .select({ id: organisations.id, type: organisations.type })
          .from(organisations)
          .where(inArray(organisations.id, parties))
      : [];
    recipients = orgs.filter((o) => mayReceive('landlord', o.type)).map((o) => o.id);
    if (recipients.length === 0) throw invalid({ audience: NO_LANDLORD });
  }
  const snapshot = await partnerVersion(ctx, record, input.audience);
  await insertShares(
    ctx.db,
    recipients.map((organisationId) => ({
      evaluationId: e.id,
      householdId: e.householdId,
      audience: input.audience,
      organisationId,
      snapshot,
      sharedByUserId: ctx.actor.userId,
      sharedAt: ctx.now,
    })),
  );
  const saved = await updateEvaluationIf(
    ctx.db,
    e.id,
    { rowVersion: input.rowVersion, statuses: ['validated', 'shared'] },
    { status: 'shared', updatedAt: ctx.now },
  );
  if (!saved) throw staleEvaluation();
  await auditEvaluation(ctx, 'evaluation.share', e, {
    audience: input.audience,
    organisationIds: recipients,
  });
  return evaluationAnswer(ctx, input.householdId, e.id, measure);
}
