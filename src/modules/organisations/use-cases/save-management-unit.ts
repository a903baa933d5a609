import { and, eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import type {
  TManagementUnit,
  TManagementUnitCreate,
  TManagementUnitUpdate,
} from '../../../shared/contracts/organisations.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { managementUnits } from '../schema.ts';
import { findVisibleOrganisation, territoryExists } from '../organisations.repository.ts';
import { presentManagementUnit } from '../organisations.presenter.ts';

/**
 * Create a management unit (no unitId) or change one of the administrator's landlord organisation.
 * Returns the unit as the directory shows it.
 */
export async function saveManagementUnit(
  ctx: Context,
  input:
    { unitId?: undefined; fields: TManagementUnitCreate } | { unitId: string; fields: TManagementUnitUpdate },
): Promise<TManagementUnit> {
  const { actor, db } = ctx;
  const { fields } = input;
  requireRoleIn(actor, 'administrators');
  if (actor.organisationType !== 'landlord') {
    throw forbidden('Seuls les bailleurs ont des unités de gestion (agences).');
  }
  if (fields.territoryId && !(await territoryExists(db, fields.territoryId))) {
    throw invalid({ territoryId: 'Territoire inconnu.' });
  }
  let unitId: string;
  if (input.unitId === undefined) {
    const [row] = await db
      .insert(managementUnits)
      .values({ ...input.fields, organisationId: actor.organisationId })
      .returning({ id: managementUnits.id });
    unitId = row!.id;
  } else {
    const set = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined));
    const [row] = await db
      .update(managementUnits)
      .set(set)
      .where(
        and(eq(managementUnits.id, input.unitId), eq(managementUnits.organisationId, actor.organisationId)),
      )
      .returning({ id: managementUnits.id });
    if (!row) throw notFound('Unité de gestion introuvable.');
    unitId = row.id;
  }
  await audit(db, actor, {
    action: input.unitId === undefined ? 'management_unit.created' : 'management_unit.updated',
    entityType: 'management_unit',
    entityId: unitId,
    details: { fields },
  });
  const org = await findVisibleOrganisation(db, actor.organisationId, actor.organisationId);
  const unit = org?.managementUnits.find((u) => u.id === unitId);
  if (!unit) throw notFound();
  return presentManagementUnit(unit);
}
