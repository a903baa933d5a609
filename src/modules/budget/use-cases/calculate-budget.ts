import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import {
  describeConvention,
  evaluateTargetDwelling,
  monthlyResources,
} from '../../../shared/calculators/budget.ts';
import type { TBudgetCalculatorRequest, TBudgetCalculatorResult } from '../../../shared/contracts/budget.ts';
import { parisDate } from '../../../shared/time.ts';
import { loadScales } from '../budget-context.ts';
import { conventionAt } from '../conventions.repository.ts';
import { departementOf } from '../../organisations/index.ts';

/** Stateless "what if": the budget of a target dwelling for a household described in the request. */
export async function calculateBudget(
  ctx: Context<Actor | null>,
  input: TBudgetCalculatorRequest,
): Promise<TBudgetCalculatorResult> {
  const day = parisDate(ctx.now);
  const scales = await loadScales(ctx);
  const departement = input.territoryId ? await departementOf(ctx.db, input.territoryId) : null;
  const { convention, origin } = await conventionAt(ctx.db, departement, day);
  const resources = monthlyResources(input.resources);
  return {
    date: day,
    convention: describeConvention(convention.values, origin),
    resourcesCents: resources.totalCents,
    evaluation: evaluateTargetDwelling({
      ...scales,
      day,
      convention: convention.values,
      members: input.members,
      resourcesCents: resources.totalCents,
      resourcesEntered: resources.entered,
      expenses: input.expenses,
      disabledMember: input.disabledMember,
      dwelling: input.dwelling,
    }),
  };
}
