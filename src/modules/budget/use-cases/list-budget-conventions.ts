import type { Actor } from '../../../kernel/actor.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import {
  listConventions,
  loadDefaultConvention,
  organisationDepartement,
} from '../conventions.repository.ts';
import { requireConventionAdmin } from './add-budget-convention.ts';

/** The conventions of the administrator's département (or the one asked for), with the default. */
export async function listBudgetConventions(options: { deps: AppDeps; actor: Actor; territoryId?: string }) {
  const { deps, actor } = options;
  requireRoleIn(actor, 'administrators');
  const departement = options.territoryId
    ? await requireConventionAdmin(deps.db, actor, options.territoryId)
    : await organisationDepartement(deps.db, actor.organisationId);
  return {
    departement,
    items: departement ? await listConventions(deps.db, departement.id) : [],
    default: loadDefaultConvention(),
  };
}
