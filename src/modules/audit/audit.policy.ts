import type { ActorScope } from '../../shared/policy/household-access.ts';

/** An organisation's audit log is for its administrators and its read-only auditors. */
export const canConsultOrganisationAudit = (actor: ActorScope) =>
  actor.roles.includes('admin') || actor.roles.includes('auditor');
