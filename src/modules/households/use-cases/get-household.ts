import type { Context } from '../../../kernel/context.ts';
import { auditParams } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { THouseholdDetail } from '../../../shared/contracts/households.ts';
import { partyAccessLevel } from '../../../shared/access/household-access.ts';
import { presentHousehold } from '../household.presenter.ts';
import { readHouseholdFileAsParty } from '../households.repository.ts';

/** The file as the actor may see it; every read is audited (who, when, from where, at which level). */
export async function getHousehold(ctx: Context, householdId: string): Promise<THouseholdDetail> {
  const { actor } = ctx;
  // The level the actor would have as a party is known before reading: the hottest read of the
  // application is then one statement, the audit entry written only if the organisation is a
  // current party, and the file returned only with that entry.
  const level = partyAccessLevel(actor);
  if (level === 'none') throw notFound('Dossier introuvable.');
  const file = await readHouseholdFileAsParty(ctx.db, {
    householdId,
    organisationId: actor.organisationId,
    at: ctx.now,
    audit: auditParams(actor, {
      action: 'household.read',
      entityType: 'household',
      entityId: householdId,
      householdId,
      details: { accessLevel: level },
    }),
  });
  if (!file) throw notFound('Dossier introuvable.');
  return presentHousehold(file, level);
}
