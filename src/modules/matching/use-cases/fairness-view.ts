import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { FAIRNESS_REFUSAL, fairnessScope } from '../../../shared/access/fairness-policy.ts';
import { poolRefusal } from '../../../shared/access/housing-pool-policy.ts';
import type { TFairnessQuery, TFairnessView } from '../../../shared/contracts/fairness.ts';
import { fairnessTables } from '../../../shared/matching/fairness.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { proposalFacts, type FairnessReach } from '../fairness.repository.ts';

/**
 * The fairness view of the proposals designated in the period: a SIAO's, an association's or a
 * funder's over its département, a landlord's over its own vacancies. Aggregate only; the reader's
 * own pool is shown whole, every other small count masked. The read is audited (it rests on the
 * households' files), naming the period, no household.
 */
export async function fairnessView(ctx: Context, period: TFairnessQuery): Promise<TFairnessView> {
  const { db, actor } = ctx;
  const scope = fairnessScope(actor);
  if (!scope) throw forbidden(FAIRNESS_REFUSAL);
  const departement =
    scope === 'departement' ? await organisationDepartement(db, actor.organisationId) : null;
  const reach: FairnessReach | null =
    scope === 'landlord'
      ? { landlordOrganisationId: actor.organisationId }
      : departement && { departementId: departement.id };
  const facts = reach ? await proposalFacts(db, reach, period) : [];
  const holdsPool = poolRefusal(actor) === null;
  await audit(db, actor, {
    action: 'matching.fairness.read',
    entityType: 'fairness_view',
    details: { from: period.from, to: period.to, proposals: facts.length },
  });
  return {
    from: period.from,
    to: period.to,
    scope,
    departementName: departement?.name ?? null,
    holdsPool,
    ...fairnessTables(facts, holdsPool ? actor.organisationId : null),
  };
}
