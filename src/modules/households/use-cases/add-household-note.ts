import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { Sensitivity } from '../../../shared/contracts/household-enums.ts';
import { canSeeSensitivity } from '../../../shared/access/household-fields.ts';
import { insertNote } from '../notes.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** A note at a sensitivity the writer may itself read (confidential: caseworker level only). */
export async function addHouseholdNote({
  tx,
  actor,
  householdId,
  input,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  input: { body: string; sensitivity: Sensitivity };
  now: Date;
}): Promise<{ id: string }> {
  const level = await requireHouseholdAccess({ db: tx, actor, now }, householdId);
  if (!canSeeSensitivity(level, input.sensitivity)) {
    throw forbidden('Vous ne pouvez pas écrire une note à ce niveau de confidentialité.');
  }
  const id = await insertNote(tx, {
    householdId,
    ...input,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  await audit(tx, actor, {
    action: 'household.note.create',
    entityType: 'household_note',
    entityId: id,
    householdId,
    details: { sensitivity: input.sensitivity },
  });
  return { id };
}
