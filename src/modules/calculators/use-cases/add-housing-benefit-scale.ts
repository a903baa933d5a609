import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import type { TScaleSummary } from '../../../shared/contracts/calculators.ts';
import {
  overlapReason,
  type THousingBenefitScale,
} from '../../../shared/calculators/housing-benefit-scales.ts';
import { presentScale } from '../calculators.presenter.ts';
import {
  insertAdminScale,
  listAdminScales,
  loadFileScales,
  lockAdminScales,
  type ScaleStore,
} from '../scales.repository.ts';

/**
 * Adds a published scale without a code change; refuses one whose dates overlap a known scale.
 * Runs its own transaction (the route opens none) so that the cache is emptied after the commit:
 * emptied before, a concurrent estimate could refill it without the new scale, for good.
 */
export async function addHousingBenefitScale(
  ctx: Context,
  store: ScaleStore,
  scale: THousingBenefitScale,
): Promise<TScaleSummary> {
  const { actor } = ctx;
  requireRoleIn(actor, 'administrators', 'Seul un administrateur peut ajouter un barème.');
  await ctx.db.transaction(async (tx) => {
    await lockAdminScales(tx);
    const known = [...loadFileScales(), ...(await listAdminScales(tx))];
    const reason = overlapReason(known, scale);
    if (reason) throw new AppError('CONFLICT', reason, { effectiveFrom: reason });
    const id = await insertAdminScale(tx, scale, actor.userId);
    await audit(tx, actor, {
      action: 'housing_benefit_scale.create',
      entityType: 'housing_benefit_scale',
      entityId: id,
      details: {
        family: scale.family,
        effectiveFrom: scale.effectiveFrom,
        effectiveTo: scale.effectiveTo ?? null,
      },
    });
  });
  store.invalidate();
  return presentScale({ ...scale, origin: 'admin' }, true);
}
