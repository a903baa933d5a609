import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { EvaluationAudience, EvaluationStatus } from '../contracts/evaluations.ts';
import type { HouseholdAccessLevel } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who does what on a measure's evaluations. Pure: the evaluations module enforces it, the web
 * client only hides what the server would refuse.
 *  - The full evaluation is the caseworker's (its comments may speak of health or family life): read
 *    by the social workers who follow the household (caseworker level), no other party.
 *  - Prepared, edited, validated, shared, signed and applied to the measure by the organisation
 *    that runs the measure (its social workers).
 *  - A landlord reads only the landlord version shared with its organisation; the scheme's funder
 *    only the funder version shared with it. Before it is shared, neither sees that it exists.
 *  - A partner version is shared once validated (draft evaluations never leave the association).
 */
export interface EvaluationActor {
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

export const canReadFullEvaluation = (level: HouseholdAccessLevel) => level === 'caseworker';

export const canWriteEvaluation = (
  actor: EvaluationActor,
  level: HouseholdAccessLevel,
  measure: { operatorOrganisationId: string },
) =>
  canReadFullEvaluation(level) &&
  actor.organisationId === measure.operatorOrganisationId &&
  hasRoleIn(actor.roles, 'socialWork');

/** Editing: a draft only; a validated evaluation is frozen. */
export const isEditable = (status: EvaluationStatus) => status === 'draft';

/** Sharing, signing, applying the next step: once validated. */
export const isValidated = (status: EvaluationStatus) => status === 'validated' || status === 'shared';

/** The version an organisation may receive: a landlord the landlord one, a funder the funder one. */
export function audienceOf(actor: EvaluationActor): EvaluationAudience | null {
  if (actor.organisationType === 'landlord' && hasRoleIn(actor.roles, 'landlordStaff')) return 'landlord';
  if (actor.organisationType === 'funder' && hasRoleIn(actor.roles, 'funders')) return 'funder';
  return null;
}

/** Whether an organisation may be sent a version: by its type (a landlord never gets the funder's). */
export const mayReceive = (audience: EvaluationAudience, organisationType: OrganisationType) =>
  audience === organisationType;

/**
 * Whether the actor reads a shared version: it was shared with its organisation, for the audience
 * its type receives.
 */
export const canReadSharedVersion = (
  actor: EvaluationActor,
  share: { organisationId: string; audience: EvaluationAudience },
) => share.organisationId === actor.organisationId && audienceOf(actor) === share.audience;
