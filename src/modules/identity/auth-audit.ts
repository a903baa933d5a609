import type { Queryable } from '../../kernel/db.ts';
import type { ClientInfo } from '../../kernel/actor.ts';
import { audit, type AuditEntry } from '../../kernel/audit.ts';
import { chooseOrganisation, membershipsOf } from './identity.repository.ts';

/**
 * Trace an authentication event of a known user. Before a session exists the event is filed under
 * the user's first organisation, so that its administrators see it.
 */
export async function auditAuth(
  q: Queryable,
  who: { userId: string; organisationId?: string | null },
  client: ClientInfo,
  entry: Omit<AuditEntry, 'entityType' | 'entityId'> & { entityType?: string; entityId?: string },
): Promise<void> {
  const organisationId =
    who.organisationId === undefined
      ? chooseOrganisation(await membershipsOf(q, who.userId))
      : who.organisationId;
  const full: AuditEntry = { entityType: 'user', entityId: who.userId, ...entry };
  if (organisationId) await audit(q, { userId: who.userId, organisationId, ...client }, full);
  else await audit(q, null, { ...full, details: { ...full.details, userId: who.userId, ip: client.ip } });
}
