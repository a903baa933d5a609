import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { THouseholdDetail } from '../../../shared/contracts/households.ts';
import { presentHousehold } from '../household.presenter.ts';
import { unsafeLoadHouseholdFileWithParties } from '../households.repository.ts';
import { householdAccessLevel } from '../../../shared/policy/household-access.ts';

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
  // One statement for the file and its parties: the hottest read of the application.
  const file = await unsafeLoadHouseholdFileWithParties(tx, householdId, now);
  const level = file ? householdAccessLevel(actor, file.parties) : 'none';
  if (!file || level === 'none') throw notFound('Dossier introuvable.');
  await audit(tx, actor, {
    action: 'household.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
  return presentHousehold(file, level);
}
