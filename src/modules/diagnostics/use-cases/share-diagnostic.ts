import { inArray } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { PartnerAudience } from '../../../shared/contracts/diagnostics.ts';
import { organisations } from '../../organisations/schema.ts';
import { activeParties } from '../../households/index.ts';
import { assertCanWrite, invalidState, requireDiagnostic } from '../diagnostic-access.ts';
import { insertShares, updateDiagnosticIfRowVersion } from '../diagnostics.repository.ts';
import { buildPartnerVersion } from '../partner-version.ts';
import { savedOf } from '../diagnostic-writes.ts';

/**
 * Brique 1.4: sends the partner version of an approved diagnostic to organisations that are
 * parties to the household. Each recipient gets a row holding the snapshot exactly as sent. A
 * landlord may only receive the landlord version, so it never reads the committee's fuller one.
 */
export async function shareDiagnostic(
  ctx: Context,
  input: { diagnosticId: string; audience: PartnerAudience; organisationIds: string[] },
) {
  const { db: tx, actor, now } = ctx;
  const { diagnosticId, audience } = input;
  const { diagnostic, level } = await requireDiagnostic(ctx, { diagnosticId });
  assertCanWrite(level);
  if (diagnostic.status !== 'approved' && diagnostic.status !== 'shared') {
    throw invalidState('Seul un diagnostic approuvé par le ménage peut être partagé.');
  }
  const recipients = [...new Set(input.organisationIds)];
  const parties = new Set(
    (await activeParties(tx, diagnostic.householdId, now)).map((p) => p.organisationId),
  );
  const orgs = await tx
    .select({ id: organisations.id, type: organisations.type })
    .from(organisations)
    .where(inArray(organisations.id, recipients));
  const typeOf = new Map(orgs.map((o) => [o.id, o.type]));
  recipients.forEach((id, i) => {
    if (!parties.has(id) || id === actor.organisationId) {
      throw invalid({
        [`organisationIds.${i}`]: 'Cette organisation n’est pas partie au dossier du ménage.',
      });
    }
    if (audience === 'committee' && typeOf.get(id) === 'landlord') {
      throw invalid({ [`organisationIds.${i}`]: 'Un bailleur ne reçoit que la version bailleur.' });
    }
  });

  const snapshot = await buildPartnerVersion(tx, diagnostic, audience);
  await insertShares(
    tx,
    recipients.map((organisationId) => ({
      diagnosticId,
      householdId: diagnostic.householdId,
      audience,
      organisationId,
      snapshot,
      sharedByUserId: actor.userId,
      sharedByOrganisationId: actor.organisationId,
      sharedAt: now,
    })),
  );
  const row =
    diagnostic.status === 'shared'
      ? diagnostic
      : await updateDiagnosticIfRowVersion(tx, {
          id: diagnostic.id,
          expectedRowVersion: diagnostic.rowVersion,
          patch: { status: 'shared' },
          at: now,
        });
  if (!row) throw invalidState('Le diagnostic a changé pendant le partage : réessayez.');
  await audit(tx, actor, {
    action: 'diagnostic.share',
    entityType: 'diagnostic',
    entityId: diagnosticId,
    householdId: diagnostic.householdId,
    details: { audience, organisationIds: recipients, version: diagnostic.version },
  });
  return savedOf(row);
}
