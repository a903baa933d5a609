import { eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import type { TOrganisationDetail, TOrganisationUpdate } from '../../../shared/contracts/organisations.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { organisations } from '../schema.ts';
import { findVisibleOrganisation, territoryExists } from '../organisations.repository.ts';
import { presentOrganisationDetail } from '../organisations.presenter.ts';

/** An administrator edits their organisation's name and generic contact details. */
export async function updateOrganisation(
  ctx: Context,
  changes: TOrganisationUpdate,
): Promise<TOrganisationDetail> {
  const { actor, db } = ctx;
  requireRoleIn(actor, 'administrators');
  if (changes.territoryId && !(await territoryExists(db, changes.territoryId))) {
    throw invalid({ territoryId: 'Territoire inconnu.' });
  }
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length > 0) {
    await db.update(organisations).set(set).where(eq(organisations.id, actor.organisationId));
  }
  await audit(db, actor, {
    action: 'organisation.updated',
    entityType: 'organisation',
    entityId: actor.organisationId,
    details: { changes: set },
  });
  const org = await findVisibleOrganisation(db, actor.organisationId, actor.organisationId);
  if (!org) throw notFound();
  return presentOrganisationDetail(org);
}
