import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../kernel/deps.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import type { TOrganisationUpdate } from '../../../shared/contracts/organisations.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { organisations } from '../schema.ts';
import { findVisibleOrganisation, territoryExists } from '../organisations.repository.ts';

/** An administrator edits their organisation's name and generic contact details. */
export async function updateOrganisation(
  deps: AppDeps,
  input: { actor: Actor; changes: TOrganisationUpdate },
) {
  const { actor, changes } = input;
  requireRoleIn(actor, 'administrators');
  if (changes.territoryId && !(await territoryExists(deps.db, changes.territoryId))) {
    throw invalid({ territoryId: 'Territoire inconnu.' });
  }
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  await deps.db.transaction(async (tx) => {
    if (Object.keys(set).length > 0) {
      await tx.update(organisations).set(set).where(eq(organisations.id, actor.organisationId));
    }
    await audit(tx, actor, {
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: actor.organisationId,
      details: { changes: set },
    });
  });
  const org = await findVisibleOrganisation(deps.db, actor.organisationId, actor.organisationId);
  if (!org) throw notFound();
  return org;
}
