import { POOL_HOLDER_TYPES, type PoolActor } from './housing-pool-policy.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who ranks and who sets the ranking's policy (allocation-rules.md §7.5). Pure: the server enforces
 * it on every route, the web client shows only what would succeed.
 *  - The candidates for a vacancy are read by the pool holders of its département (SIAO and
 *    associations): their social workers, and the coordinators who run the designation meetings.
 *    Each sees by name only the households it is a party to; the others are counted.
 *  - The policy (weights, thresholds, cool-off, tie-breakers) is the territory's: the SIAO's
 *    coordinators and team managers adopt a new version; every pool holder reads it.
 *  - A landlord sees no ranking: it receives the files of the households put forward.
 */

const CANDIDATES_REFUSAL =
  'Les candidats d’un logement sont lus par les SIAO et les associations qui tiennent un vivier dans son département.';

export const candidatesRefusal = (actor: PoolActor): string | null =>
  POOL_HOLDER_TYPES.includes(actor.organisationType) &&
  (hasRoleIn(actor.roles, 'socialWork') || hasRoleIn(actor.roles, 'committeeCoordinators'))
    ? null
    : CANDIDATES_REFUSAL;

/** Who reads the territory's policy: whoever reads candidates. */
export const policyReadRefusal = candidatesRefusal;

export const policyAdoptionRefusal = (actor: PoolActor): string | null =>
  actor.organisationType === 'siao' &&
  (hasRoleIn(actor.roles, 'committeeCoordinators') || actor.roles.includes('team_manager'))
    ? null
    : 'La politique de rapprochement du territoire est adoptée par les coordinateurs et responsables d’équipe du SIAO.';
