import { audit } from '../../../kernel/audit.ts';
import { systemContext } from '../../../kernel/context.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import type { JobDefinition } from '../../../kernel/jobs.ts';
import { activePlansOfOpenAccounts, findContract } from '../rent-accounts.repository.ts';
import { checkPlan } from './check-plans.ts';

export interface PlanCheckRunOptions {
  /** Plans checked per transaction. */
  batchSize?: number;
}

/**
 * Checks, as the system, every plan in force on an open account (see checkPlan), in batches, each
 * batch in one transaction: a failure rolls its batch back and stops the run, the next run picks it
 * up again, as the misses are recorded once (a second run raises nothing new). Only the checks that
 * found a new miss are audited, as the system's changes.
 */
export async function checkAllRepaymentPlans(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
  options: PlanCheckRunOptions = {},
): Promise<{ plans: number; missedMonths: number; tasksRaised: number }> {
  const now = deps.clock();
  const planIds = (await activePlansOfOpenAccounts(deps.db)).map((p) => p.plan.id);
  const size = options.batchSize ?? 100;
  const totals = { plans: planIds.length, missedMonths: 0, tasksRaised: 0 };
  for (let i = 0; i < planIds.length; i += size) {
    await deps.db.transaction(async (tx) => {
      const ctx = systemContext(tx, deps.config, now);
      // Read again in the transaction: a plan renegotiated or an account closed since is skipped.
      for (const { plan, contractId } of await activePlansOfOpenAccounts(tx, planIds.slice(i, i + size))) {
        const contract = (await findContract(tx, contractId))!;
        const checked = await checkPlan(ctx, contract, plan.accountId, plan);
        if (checked.missedMonths.length === 0) continue;
        await audit(tx, null, {
          action: 'rent_account.plan_check',
          entityType: 'repayment_plan',
          entityId: plan.id,
          householdId: contract.householdId,
          details: { missed: checked.missedMonths.length },
        });
        totals.missedMonths += checked.missedMonths.length;
        totals.tasksRaised += checked.tasksRaised;
      }
    });
  }
  return totals;
}

/**
 * The `repayment-plans` job: every morning at 06:15 in Paris (before the alerts' run and daily
 * emails) and once at start, so a month missed while the server was down is still caught.
 */
export function repaymentPlansJob(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): JobDefinition {
  return {
    name: 'repayment-plans',
    cron: '15 6 * * *',
    cronTimeZone: 'Europe/Paris',
    runAtStart: true,
    run: async () => {
      await checkAllRepaymentPlans(deps);
    },
  };
}
