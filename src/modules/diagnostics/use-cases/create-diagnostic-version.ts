import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { assertCanWrite, invalidState, isFrozen, requireDiagnostic } from '../diagnostic-access.ts';
import { insertDiagnostic, latestVersionNumber } from '../diagnostics.repository.ts';
import { savedOf, type DiagnosticRef } from '../diagnostic-writes.ts';

/** A new draft copying a closed version's content (version + 1); the closed one stays as it was. */
export async function createDiagnosticVersion(ctx: Context, input: DiagnosticRef) {
  const { db: tx, actor, now } = ctx;
  const { householdId } = input;
  const { diagnostic, level } = await requireDiagnostic(ctx, input);
  assertCanWrite(level);
  if (!isFrozen(diagnostic)) {
    throw invalidState(
      'Ce diagnostic est encore en cours : modifiez-le plutôt que d’en créer une nouvelle version.',
    );
  }
  const latest = await latestVersionNumber(tx, householdId);
  if (latest !== diagnostic.version) {
    throw invalidState(`Une version plus récente (version ${latest}) existe déjà : partez de celle-ci.`);
  }
  const row = await insertDiagnostic(tx, {
    householdId,
    version: latest + 1,
    previousId: diagnostic.id,
    content: diagnostic.content,
    authorship: diagnostic.authorship,
    // Not filled again: the new version goes on from the previous one, its marks included.
    prefilled: diagnostic.prefilled,
    createdByUserId: actor.userId,
    createdByOrganisationId: actor.organisationId,
    createdAt: now,
    updatedAt: now,
  });
  await audit(tx, actor, {
    action: 'diagnostic.new_version',
    entityType: 'diagnostic',
    entityId: row.id,
    householdId,
    details: { version: row.version, previousId: diagnostic.id },
  });
  return savedOf(row);
}
