import type { THousingBenefitInput, THousingBenefitResult } from '../../../shared/contracts/calculators.ts';
import { estimateHousingBenefit } from '../../../shared/calculators/housing-benefit.ts';
import type { ScaleStore } from '../scales.repository.ts';

export type EstimateItem = THousingBenefitResult | { error: { code: 'OUT_OF_SCOPE'; message: string } };

/** Estimates in input order; nothing is stored. An out-of-scope item answers an error in its place. */
export async function estimateHousingBenefits(
  store: ScaleStore,
  inputs: readonly THousingBenefitInput[],
): Promise<EstimateItem[]> {
  const { set } = await store.get();
  return inputs.map((input) => {
    const outcome = estimateHousingBenefit(input, set);
    return outcome.ok
      ? outcome.result
      : { error: { code: 'OUT_OF_SCOPE' as const, message: outcome.reason } };
  });
}
