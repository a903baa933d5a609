import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound, versionConflict } from '../../../kernel/errors.ts';
import type { THouseholdUpdate } from '../../../shared/contracts/households.ts';
import { canEditHousehold } from '../../../shared/access/household-access.ts';
import { diffSnapshots, summariseChanges } from '../household-diff.ts';
import { checkReferences, snapshotToSave } from '../household-input.ts';
import {
  insertHouseholdChange,
  replaceHouseholdRows,
  snapshotOf,
  unsafeLoadHouseholdFile,
  updateHouseholdIfVersion,
} from '../households.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { syncLandlordParty } from '../parties.repository.ts';

/**
 * Saves the whole file at the version the writer read (else VERSION_CONFLICT), replacing its list
 * rows, in the caller's transaction: a failure anywhere leaves the previous version whole.
 */
export async function updateHousehold(
  ctx: Context,
  input: THouseholdUpdate & { householdId: string },
): Promise<{ id: string; version: number }> {
  const { actor, db: tx, now } = ctx;
  const { householdId } = input;
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canEditHousehold(level)) throw forbidden('Vous pouvez consulter ce dossier mais pas le modifier.');
  const file = await unsafeLoadHouseholdFile(tx, householdId);
  if (!file) throw notFound('Dossier introuvable.');
  if (file.household.version !== input.version) throw versionConflict();

  const before = snapshotOf(file);
  const after = snapshotToSave(input, before, level, now);
  await checkReferences(tx, after);
  const changes = diffSnapshots(before, after);
  if (changes.length === 0) return { id: householdId, version: file.household.version };

  const version = await updateHouseholdIfVersion(tx, {
    householdId,
    fileNumber: file.household.fileNumber,
    expectedVersion: input.version,
    snapshot: after,
    at: now,
  });
  if (version === null) throw versionConflict();
  await replaceHouseholdRows(tx, householdId, after);
  await syncLandlordParty(tx, {
    householdId,
    before: before.landlordOrganisationId,
    after: after.landlordOrganisationId,
    at: now,
  });
  await insertHouseholdChange(tx, {
    householdId,
    version,
    userId: actor.userId,
    organisationId: actor.organisationId,
    summary: summariseChanges(changes),
    changes,
    at: now,
  });
  await audit(tx, actor, {
    action: 'household.update',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { version, fields: changes.map((c) => c.field) },
  });
  return { id: householdId, version };
}
