import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type {
  TEligibilityItemError,
  TSocialHousingEligibilityRequest,
  TSocialHousingEligibilityResult,
} from '../../../shared/contracts/calculators.ts';
import {
  answerEligibility,
  socialHousingEligibility,
} from '../../../shared/calculators/social-housing-eligibility.ts';

/** One answer; a year without a table or a couple without its age sum is refused (422) on its field. */
export function computeSocialHousingEligibility(
  _ctx: Context<Actor | null>,
  input: TSocialHousingEligibilityRequest,
): Promise<TSocialHousingEligibilityResult> {
  const outcome = socialHousingEligibility(input);
  if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message, outcome.error.fields);
  return Promise.resolve(outcome.result);
}

/**
 * Answers in input order; nothing is read or stored. Each item is checked on its own and answers
 * its error in its place, with the code and message the single route would give.
 */
export function computeSocialHousingEligibilities(
  _ctx: Context<Actor | null>,
  items: readonly unknown[],
): Promise<(TSocialHousingEligibilityResult | TEligibilityItemError)[]> {
  return Promise.resolve(items.map((item) => answerEligibility(item)));
}
