import type { FairnessScope } from '../contracts/fairness.ts';
import { poolRefusal, vacancyPublishRefusal, type PoolActor } from './housing-pool-policy.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who reads the fairness view of matching (aggregate counts, no household named) and over which
 * proposals:
 *  - the social workers of a SIAO or an association: the proposals on the vacancies of their
 *    département; the households of their own pool are theirs, shown whole;
 *  - a funder's officers and administrators (the State's services and the département's funders):
 *    their département's, every small count masked;
 *  - a landlord's staff: the proposals on their own vacancies, every small count masked.
 */
export function fairnessScope(actor: PoolActor): FairnessScope | null {
  if (poolRefusal(actor) === null) return 'departement';
  if (actor.organisationType === 'funder' && hasRoleIn(actor.roles, 'funders')) return 'departement';
  if (vacancyPublishRefusal(actor) === null) return 'landlord';
  return null;
}

export const FAIRNESS_REFUSAL =
  'La vue d’équité des propositions est lue par les SIAO, les associations, les financeurs et les bailleurs.';
