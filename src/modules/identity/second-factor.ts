import type { Role } from '../../shared/contracts/roles.ts';
import type { SecondFactorState } from '../../shared/contracts/identity.ts';
import { roleNeedsSecondFactor } from '../../shared/access/household-access.ts';

export interface SecondFactorFacts {
  totpConfirmed: boolean;
  /** Roles in every organisation of the user: a session may switch between them. */
  roles: readonly Role[];
}

/** A user who enrolled TOTP always uses it; otherwise any role that reads personal data needs it. */
export const needsSecondFactor = (facts: SecondFactorFacts) =>
  facts.totpConfirmed || facts.roles.some(roleNeedsSecondFactor);

/** What the session still has to do about the second factor. */
export function secondFactorState(facts: SecondFactorFacts & { sessionDone: boolean }): SecondFactorState {
  if (facts.sessionDone || !needsSecondFactor(facts)) return 'none';
  return facts.totpConfirmed ? 'required' : 'enrolment_required';
}
