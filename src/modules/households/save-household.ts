import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { forbidden, notFound, versionConflict } from '../../kernel/errors.ts';
import type { THouseholdSaved } from '../../shared/contracts/households.ts';
import { canEditHousehold, type HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { summariseChanges } from '../../shared/households/display.ts';
import { parisDate } from '../../shared/time.ts';
import { requireHouseholdAccess } from './access-guard.ts';
import { diffSnapshots, type HouseholdSnapshot } from './household-diff.ts';
import { checkReferences, communeOfAddress } from './household-input.ts';
import {
  insertHouseholdChange,
  saveHouseholdRows,
  saveTenancy,
  snapshotOf,
  unsafeLoadHouseholdFile,
  updateHouseholdIfVersion,
  type HouseholdFile,
} from './households.repository.ts';
import { syncLandlordParty } from './parties.repository.ts';

/** A file about to be changed: the writer's level, the file as stored, at the version it read. */
export interface FileToChange {
  level: HouseholdAccessLevel;
  file: HouseholdFile;
  before: HouseholdSnapshot;
}

/** Every change of the file starts here: access, the right to edit, the version the writer read. */
export async function loadFileToChange(
  ctx: Context,
  householdId: string,
  version: number,
): Promise<FileToChange> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canEditHousehold(level)) throw forbidden('Vous pouvez consulter ce dossier mais pas le modifier.');
  const file = await unsafeLoadHouseholdFile(ctx.db, householdId);
  if (!file) throw notFound('Dossier introuvable.');
  if (file.household.version !== version) throw versionConflict();
  return { level, file, before: snapshotOf(file) };
}

/**
 * The one write path of the file (whole-file form and one-row endpoints alike): references
 * checked, the row saved at the version read, list rows and tenancy written, the tenancy's
 * landlord made a party, the version's field-level diff and the audit entry recorded — all in the
 * caller's transaction.
 */
export async function saveHouseholdSnapshot(
  ctx: Context,
  { file, before }: FileToChange,
  after: HouseholdSnapshot,
  rowId?: string,
): Promise<THouseholdSaved> {
  const { actor, db, now } = ctx;
  const householdId = file.household.id;
  // The commune of a new or moved address is found from its postcode when no one chose it.
  if (after.tenancy && !after.tenancy.communeId && after.tenancy.address !== before.tenancy?.address) {
    after = {
      ...after,
      tenancy: { ...after.tenancy, communeId: await communeOfAddress(db, after.tenancy.address) },
    };
  }
  await checkReferences(db, after);
  const changes = diffSnapshots(before, after);
  if (changes.length === 0) return { id: householdId, version: file.household.version, rowId };

  const version = await updateHouseholdIfVersion(db, {
    householdId,
    fileNumber: file.household.fileNumber,
    expectedVersion: file.household.version,
    snapshot: after,
    at: now,
  });
  if (version === null) throw versionConflict();
  await saveHouseholdRows(db, householdId, before, after);
  await saveTenancy(db, {
    householdId,
    tenancyId: file.tenancy?.id ?? null,
    before: before.tenancy,
    after: after.tenancy,
    today: parisDate(now),
    at: now,
  });
  await syncLandlordParty(db, {
    householdId,
    before: before.tenancy?.landlordOrganisationId ?? null,
    after: after.tenancy?.landlordOrganisationId ?? null,
    recordedBy: actor.organisationId,
    at: now,
  });
  await insertHouseholdChange(db, {
    householdId,
    version,
    userId: actor.userId,
    organisationId: actor.organisationId,
    summary: summariseChanges(changes),
    changes,
    at: now,
  });
  await audit(db, actor, {
    action: 'household.update',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { version, fields: changes.map((c) => c.field) },
  });
  return { id: householdId, version, rowId };
}
