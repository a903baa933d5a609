import type { Actor } from '../../../kernel/actor.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../kernel/db.ts';
import type { TBudgetConvention, TBudgetConventionValues } from '../../../shared/contracts/budget.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import {
  conventionOverlap,
  departementOf,
  insertConvention,
  listConventions,
  lockConventions,
  organisationDepartement,
} from '../conventions.repository.ts';

/**
 * The département an administrator may configure: the one its organisation lies in. An
 * administrator of an organisation elsewhere (or without territory) is refused.
 */
export async function requireConventionAdmin(q: Queryable, actor: Actor, unverifiedTerritoryId: string) {
  requireRoleIn(actor, 'administrators');
  const target = await departementOf(q, unverifiedTerritoryId);
  if (!target) throw notFound('Territoire introuvable.');
  if (target.id !== unverifiedTerritoryId) {
    throw invalid({
      territoryId: 'Une convention se définit pour un département, pas pour une commune ou un EPCI.',
    });
  }
  const own = await organisationDepartement(q, actor.organisationId);
  if (own?.id !== target.id) {
    throw forbidden(
      'Seul l’administrateur d’une organisation de ce département peut en définir la convention.',
    );
  }
  return target;
}

/** Adds a dated convention for a département; refused when its dates overlap another one. */
export async function addBudgetConvention(options: {
  deps: AppDeps;
  actor: Actor;
  input: {
    territoryId: string;
    effectiveFrom: string;
    effectiveTo?: string | null;
    values: TBudgetConventionValues;
  };
}): Promise<TBudgetConvention> {
  const { deps, actor, input } = options;
  const effectiveTo = input.effectiveTo ?? null;
  return deps.db.transaction(async (tx) => {
    const departement = await requireConventionAdmin(tx, actor, input.territoryId);
    await lockConventions(tx);
    const reason = conventionOverlap(await listConventions(tx, departement.id), {
      effectiveFrom: input.effectiveFrom,
      effectiveTo,
    });
    if (reason) throw new AppError('CONFLICT', reason, { effectiveFrom: reason });
    const id = await insertConvention(tx, { ...input, effectiveTo, createdBy: actor.userId });
    await audit(tx, actor, {
      action: 'budget_convention.create',
      entityType: 'budget_convention',
      entityId: id,
      details: { territoryId: departement.id, effectiveFrom: input.effectiveFrom, effectiveTo },
    });
    return {
      id,
      territoryId: departement.id,
      territoryName: departement.name,
      effectiveFrom: input.effectiveFrom,
      effectiveTo,
      values: input.values,
    };
  });
}
