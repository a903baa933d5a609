import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { audienceOf, canReadFullEvaluation } from '../../../shared/access/evaluation-policy.ts';
import type { TEvaluationList } from '../../../shared/contracts/evaluations.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { listHouseholdMeasures } from '../../measures/index.ts';
import { organisationNames } from '../../organisations/index.ts';
import { householdEvaluations, sharesFor, sharesOfEvaluations } from '../evaluations.repository.ts';
import { presentEvaluation, presentShare } from '../evaluation.presenter.ts';

/**
 * The household's evaluations: the caseworker reads them whole, with who received which version; a
 * landlord reads only the landlord versions shared with its organisation, exactly as sent; any
 * other party reads none.
 */
export async function listEvaluations(ctx: Context, householdId: string): Promise<TEvaluationList> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const names = new Map(
    (await listHouseholdMeasures(ctx.db, householdId)).map((m) => [m.measure.id, m.schemeName]),
  );
  let answer: TEvaluationList = { evaluations: [], shared: [] };
  if (canReadFullEvaluation(level)) {
    const records = await householdEvaluations(ctx.db, householdId);
    const shares = await sharesOfEvaluations(
      ctx.db,
      records.map((r) => r.evaluation.id),
    );
    const relays = await organisationNames(
      ctx.db,
      records.flatMap((r) => r.evaluation.content.nextStep?.relayOrganisationId ?? []),
    );
    answer = {
      evaluations: records.map((r) =>
        presentEvaluation(
          r,
          names.get(r.evaluation.measureId) ?? '',
          shares,
          relays.get(r.evaluation.content.nextStep?.relayOrganisationId ?? '') ?? null,
        ),
      ),
      shared: [],
    };
  } else if (audienceOf(ctx.actor) === 'landlord') {
    const shares = await sharesFor(ctx.db, ctx.actor.organisationId, 'landlord', householdId);
    answer.shared = shares.map(presentShare);
  }
  await audit(ctx.db, ctx.actor, {
    action: 'evaluation.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { evaluations: answer.evaluations.length + answer.shared.length },
  });
  return answer;
}
