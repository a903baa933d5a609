import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { THousingBenefitInput, THousingBenefitResult } from '../../../shared/contracts/calculators.ts';
import { estimateHousingBenefit } from '../../../shared/calculators/housing-benefit.ts';
import type { ScaleStore } from '../scales.repository.ts';

export type EstimateItem = THousingBenefitResult | { error: { code: 'OUT_OF_SCOPE'; message: string } };

/** Estimates in input order; nothing is stored. An out-of-scope item answers an error in its place. */
export async function estimateHousingBenefits(
  ctx: Context<Actor | null>,
  store: ScaleStore,
  inputs: readonly THousingBenefitInput[],
): Promise<EstimateItem[]> {
  const { set } = await store.get(ctx.db);
  return inputs.map((input) => {
    const outcome = estimateHousingBenefit(input, set);
    return outcome.ok
      ? outcome.result
      : { error: { code: 'OUT_OF_SCOPE' as const, message: outcome.reason } };
  });
}

/** One estimate; a case the formula does not cover is refused (422) with the reason. */
export async function estimateOneHousingBenefit(
  ctx: Context<Actor | null>,
  store: ScaleStore,
  input: THousingBenefitInput,
): Promise<THousingBenefitResult> {
  const { set } = await store.get(ctx.db);
  const outcome = estimateHousingBenefit(input, set);
  if (!outcome.ok) throw new AppError('OUT_OF_SCOPE', outcome.reason);
  return outcome.result;
}
