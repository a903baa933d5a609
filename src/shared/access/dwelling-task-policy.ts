import type { Role } from '../contracts/roles.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who closes a task without household — a GLA plan's, about a dwelling (ADR 0029). Pure: the server
 * enforces it, « Mes tâches » shows only such tasks to those who may close them. Its owner, or a social
 * worker of the organisation that owns it (or wrote it, when a worker of it owns it), may; anyone else
 * learns nothing of it (null: may, 'not_found': no such task for the actor).
 */
export interface DwellingTaskActor {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
}

export interface DwellingTaskOwner {
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  createdByOrganisationId: string | null;
}

export function dwellingTaskRefusal(actor: DwellingTaskActor, task: DwellingTaskOwner): 'not_found' | null {
  if (task.ownerUserId === actor.userId) return null;
  const organisation = task.ownerOrganisationId ?? task.createdByOrganisationId;
  return organisation === actor.organisationId && hasRoleIn(actor.roles, 'socialWork') ? null : 'not_found';
}
