import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import type { TBudgetConvention, TBudgetConventionValues } from '../../../shared/contracts/budget.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import {
  conventionOverlap,
  insertConvention,
  listConventions,
  lockConventions,
} from '../conventions.repository.ts';
import { departementOf, organisationDepartement } from '../../organisations/index.ts';

/**
 * The département an administrator may configure: the one its organisation lies in. An
 * administrator of an organisation elsewhere (or without territory) is refused.
 */
export async function requireConventionAdmin(ctx: Context, unverifiedTerritoryId: string) {
  const { db: q, actor } = ctx;
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
export async function addBudgetConvention(
  ctx: Context,
  input: {
    territoryId: string;
    effectiveFrom: string;
    effectiveTo?: string | null;
    values: TBudgetConventionValues;
  },
): Promise<TBudgetConvention> {
  const { db, actor } = ctx;
  const effectiveTo = input.effectiveTo ?? null;
  const departement = await requireConventionAdmin(ctx, input.territoryId);
  await lockConventions(db);
  const reason = conventionOverlap(await listConventions(db, departement.id), {
    effectiveFrom: input.effectiveFrom,
    effectiveTo,
  });
  if (reason) throw new AppError('CONFLICT', reason, { effectiveFrom: reason });
  const id = await insertConvention(db, { ...input, effectiveTo, createdBy: actor.userId });
  await audit(db, actor, {
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
}
