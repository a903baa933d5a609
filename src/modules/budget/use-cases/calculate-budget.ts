import type { AppDeps } from '../../../kernel/deps.ts';
import {
  describeConvention,
  evaluateTargetDwelling,
  monthlyResources,
} from '../../../shared/calculators/budget.ts';
import type { TBudgetCalculatorRequest, TBudgetCalculatorResult } from '../../../shared/contracts/budget.ts';
import { parisDate } from '../../../shared/time.ts';
import { loadScales } from '../budget-context.ts';
import { conventionAt, departementOf } from '../conventions.repository.ts';

/** Stateless "what if": the budget of a target dwelling for a household described in the request. */
export async function calculateBudget(options: {
  deps: AppDeps;
  input: TBudgetCalculatorRequest;
}): Promise<TBudgetCalculatorResult> {
  const { deps, input } = options;
  const day = parisDate(deps.clock());
  const scales = await loadScales(deps.db);
  const departement = input.territoryId ? await departementOf(deps.db, input.territoryId) : null;
  const { convention, origin } = await conventionAt(deps.db, departement, day);
  const resourcesCents = monthlyResources(input.resources).totalCents;
  return {
    date: day,
    convention: describeConvention(convention.values, origin),
    resourcesCents,
    evaluation: evaluateTargetDwelling({
      ...scales,
      day,
      convention: convention.values,
      members: input.members,
      resourcesCents,
      expenses: input.expenses,
      disabledMember: input.disabledMember,
      dwelling: input.dwelling,
    }),
  };
}
