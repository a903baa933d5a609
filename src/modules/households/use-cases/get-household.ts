import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { THouseholdDetail } from '../../../shared/contracts/households.ts';
import { presentHousehold } from '../household.presenter.ts';
import { unsafeLoadHouseholdFile } from '../households.repository.ts';
import { requireHouseholdAccess } from '../parties.repository.ts';

/** The file as the actor may see it; every read is audited (who, when, from where). */
export async function getHousehold({
  tx,
  actor,
  householdId,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  now: Date;
}): Promise<THouseholdDetail> {
  const level = await requireHouseholdAccess(tx, actor, householdId, now);
  const file = await unsafeLoadHouseholdFile(tx, householdId);
  if (!file) throw notFound('Dossier introuvable.');
  await audit(tx, actor, {
    action: 'household.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
  return presentHousehold(file, level);
}
