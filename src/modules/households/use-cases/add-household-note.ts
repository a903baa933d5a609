import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { Sensitivity } from '../../../shared/contracts/household-enums.ts';
import { canSeeSensitivity } from '../../../shared/access/household-fields.ts';
import { insertNote } from '../notes.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** A note at a sensitivity the writer may itself read (confidential: caseworker level only). */
export async function addHouseholdNote(
  ctx: Context,
  input: { householdId: string; body: string; sensitivity: Sensitivity },
): Promise<{ id: string }> {
  const { actor, db } = ctx;
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!canSeeSensitivity(level, input.sensitivity)) {
    throw forbidden('Vous ne pouvez pas écrire une note à ce niveau de confidentialité.');
  }
  const id = await insertNote(db, {
    ...input,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: ctx.now,
  });
  await audit(db, actor, {
    action: 'household.note.create',
    entityType: 'household_note',
    entityId: id,
    householdId: input.householdId,
    details: { sensitivity: input.sensitivity },
  });
  return { id };
}
