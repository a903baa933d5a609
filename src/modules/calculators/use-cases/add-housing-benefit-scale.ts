import type { AppDeps } from '../../../kernel/deps.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import {
  overlapReason,
  type THousingBenefitScale,
} from '../../../shared/calculators/housing-benefit-scales.ts';
import {
  insertAdminScale,
  listAdminScales,
  loadFileScales,
  lockAdminScales,
  type ScaleStore,
  type StoredScale,
} from '../scales.repository.ts';

/** Adds a published scale without a code change; refuses one whose dates overlap a known scale. */
export async function addHousingBenefitScale(options: {
  deps: AppDeps;
  store: ScaleStore;
  actor: Actor;
  scale: THousingBenefitScale;
}): Promise<StoredScale> {
  const { deps, store, actor, scale } = options;
  requireRoleIn(actor, 'administrators', 'Seul un administrateur peut ajouter un barème.');
  await deps.db.transaction(async (tx) => {
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
  return { ...scale, origin: 'admin' };
}
