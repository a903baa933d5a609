import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TDiagnosticContent } from '../../../shared/contracts/diagnostics.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { assertCanWrite, invalidState } from '../diagnostic-access.ts';
import { changedSections, stampAuthorship } from '../authorship.ts';
import { insertDiagnostic, latestVersionNumber } from '../diagnostics.repository.ts';
import { savedOf } from '../diagnostic-writes.ts';

/** Opens the household's first diagnostic (brique 1.1) as a draft; later ones are new versions. */
export async function createDiagnostic(
  ctx: Context,
  { householdId, content }: { householdId: string; content: TDiagnosticContent },
) {
  const { db: tx, actor, now } = ctx;
  assertCanWrite(await requireHouseholdAccess(ctx, householdId));
  if ((await latestVersionNumber(tx, householdId)) > 0) {
    throw invalidState('Ce ménage a déjà un diagnostic : reprenez-le ou créez-en une nouvelle version.');
  }
  const row = await insertDiagnostic(tx, {
    householdId,
    version: 1,
    content,
    authorship: stampAuthorship({
      previous: {},
      sections: changedSections({}, content),
      householdVoice: [],
      actor,
      at: now,
    }),
    createdByUserId: actor.userId,
    createdByOrganisationId: actor.organisationId,
    createdAt: now,
    updatedAt: now,
  });
  await audit(tx, actor, {
    action: 'diagnostic.create',
    entityType: 'diagnostic',
    entityId: row.id,
    householdId,
    details: { version: 1 },
  });
  return savedOf(row);
}
