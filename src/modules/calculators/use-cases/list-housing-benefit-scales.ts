import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import type { TScaleList } from '../../../shared/contracts/calculators.ts';
import { scaleCoverage } from '../../../shared/calculators/housing-benefit-scales.ts';
import { FIRST_PERIOD } from '../../../shared/calculators/housing-benefit.ts';
import { presentScale } from '../calculators.presenter.ts';
import type { ScaleStore } from '../scales.repository.ts';

/** The known scales (files and additions), their values on request, and the months they cover. */
export async function listHousingBenefitScales(
  ctx: Context<Actor | null>,
  store: ScaleStore,
  query: { full: boolean },
): Promise<TScaleList> {
  const { scales, set } = await store.get(ctx.db);
  return {
    scales: scales.map((scale) => presentScale(scale, query.full)),
    coverage: scaleCoverage(set, FIRST_PERIOD),
  };
}
