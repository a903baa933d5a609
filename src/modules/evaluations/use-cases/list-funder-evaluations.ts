import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { audienceOf } from '../../../shared/access/evaluation-policy.ts';
import type { TSharedEvaluation } from '../../../shared/contracts/evaluations.ts';
import { sharesFor } from '../evaluations.repository.ts';
import { presentShare } from '../evaluation.presenter.ts';

export const FUNDER_ONLY = 'Seuls les financeurs lisent les versions financeur des évaluations.';

/** The funder versions shared with the funder's organisation: outcomes counted, no household detail. */
export async function listFunderEvaluations(ctx: Context): Promise<{ items: TSharedEvaluation[] }> {
  if (audienceOf(ctx.actor) !== 'funder') throw forbidden(FUNDER_ONLY);
  const shares = await sharesFor(ctx.db, ctx.actor.organisationId, 'funder');
  await audit(ctx.db, ctx.actor, {
    action: 'evaluation.shared.read',
    entityType: 'organisation',
    entityId: ctx.actor.organisationId,
    details: { audience: 'funder', count: shares.length },
  });
  return { items: shares.map(presentShare) };
}
