import type { Context } from '../../../kernel/context.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import type { TBudgetConventionList } from '../../../shared/contracts/budget.ts';
import { listConventions, loadDefaultConvention } from '../conventions.repository.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { requireConventionAdmin } from './add-budget-convention.ts';

/** The conventions of the administrator's département (or the one asked for), with the default. */
export async function listBudgetConventions(
  ctx: Context,
  input: { territoryId?: string },
): Promise<TBudgetConventionList> {
  const { db, actor } = ctx;
  requireRoleIn(actor, 'administrators');
  const departement = input.territoryId
    ? await requireConventionAdmin(ctx, input.territoryId)
    : await organisationDepartement(db, actor.organisationId);
  return {
    departement,
    items: departement ? await listConventions(db, departement.id) : [],
    default: loadDefaultConvention(),
  };
}
