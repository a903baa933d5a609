import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';

type TabRead =
  | 'household.history.read'
  | 'household.audit.read'
  | 'household.notes.read'
  | 'household.documents.read'
  | 'household.parties.read'
  | 'household.consents.read';

/** Every read of a part of the file is in its audit trail, with the level it was read at. */
export const auditTabRead = (
  ctx: Context,
  householdId: string,
  action: TabRead,
  level: HouseholdAccessLevel,
) =>
  audit(ctx.db, ctx.actor, {
    action,
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
