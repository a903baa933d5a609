import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';
import { hasRoleIn, type RoleGroup } from '../shared/access/role-groups.ts';

const REFUSALS: Partial<Record<RoleGroup, string>> = {
  administrators: 'Réservé aux administrateurs de l’organisation.',
  auditReaders: 'Le journal d’audit est réservé aux administrateurs et auditeurs de l’organisation.',
};

/**
 * Organisation-level actions that depend on the actor's roles alone (user admin, parameters, the
 * organisation's audit log). Household-scoped access goes through the households module's guard.
 */
export function requireRoleIn(actor: Actor, group: RoleGroup, refusal?: string): void {
  if (!hasRoleIn(actor.roles, group)) throw forbidden(refusal ?? REFUSALS[group] ?? 'Action non autorisée.');
}
