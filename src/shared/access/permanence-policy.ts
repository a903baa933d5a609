import type { Role } from '../contracts/roles.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may do what with an organisation's drop-in sessions (permanences). Pure: the server enforces
 * it on every route, the web client shows only what would succeed. A visit is personal data of a
 * person who has no file yet: only the organisation's social workers read it. The organisation
 * itself is checked by the module (another organisation's slot or visit answers as unknown).
 *  - read_slots: the slots and their hours (no visit) — social workers and administrators;
 *  - manage_slots: create, edit, close a slot — team leaders and administrators;
 *  - read_visits: the week's occurrences with their visits — social workers;
 *  - record_visit: record or edit a walk-in — the slot's staff, or a team leader;
 *  - convert_visit: turn a visit into a referral or a file — social workers.
 */
export const PERMANENCE_ACTIONS = [
  'read_slots',
  'manage_slots',
  'read_visits',
  'record_visit',
  'convert_visit',
] as const;
export type PermanenceAction = (typeof PERMANENCE_ACTIONS)[number];

export interface PermanenceActor {
  userId: string;
  roles: readonly Role[];
}

const SLOT_MANAGERS: readonly Role[] = ['team_manager', 'admin'];

/** Why the actor may not do this, in French; null when it may. */
export function permanenceRefusal(
  actor: PermanenceActor,
  action: PermanenceAction,
  slot?: { staffUserIds: readonly string[] },
): string | null {
  const socialWorker = hasRoleIn(actor.roles, 'socialWork');
  switch (action) {
    case 'read_slots':
      return socialWorker || actor.roles.includes('admin')
        ? null
        : 'Les permanences sont réservées aux travailleurs sociaux et aux administrateurs de l’organisation.';
    case 'manage_slots':
      return actor.roles.some((r) => SLOT_MANAGERS.includes(r))
        ? null
        : 'Seuls les responsables d’équipe et les administrateurs créent, modifient ou ferment une permanence.';
    case 'read_visits':
    case 'convert_visit':
      return socialWorker
        ? null
        : 'Les passages aux permanences sont réservés aux travailleurs sociaux de l’organisation.';
    case 'record_visit':
      if (!socialWorker)
        return 'Les passages aux permanences sont réservés aux travailleurs sociaux de l’organisation.';
      return actor.roles.includes('team_manager') || (slot?.staffUserIds.includes(actor.userId) ?? false)
        ? null
        : 'Seuls les intervenants de cette permanence (ou un responsable d’équipe) notent ses passages.';
  }
}

export const canDoPermanence = (
  actor: PermanenceActor,
  action: PermanenceAction,
  slot?: { staffUserIds: readonly string[] },
) => permanenceRefusal(actor, action, slot) === null;
