import type { ActorScope } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/** An organisation's users, invitations, settings and parameters are for its administrators. */
export const isOrganisationAdmin = (actor: ActorScope) => hasRoleIn(actor.roles, 'administrators');

/** An organisation's audit log is for its administrators and its read-only auditors. */
export const canConsultOrganisationAudit = (actor: ActorScope) => hasRoleIn(actor.roles, 'auditReaders');
