import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import { formatCents, formatMonth } from '../../../shared/format.ts';
import { monthOf } from '../../../shared/evaluations/monthly-point.ts';
import { parisDate } from '../../../shared/time.ts';
import { raiseTask } from '../../tasks/index.ts';
import { presentPlan, asPosting } from '../rent-account.presenter.ts';
import { collectorOf, requireContract } from '../rent-account-access.ts';
import { accountPlans, accountPostings, findAccount, recordMisses } from '../rent-accounts.repository.ts';

/**
 * The monthly check of the plan in force against the payments: each ended month found missed for
 * the first time is recorded and raises a task for the collector's staff (one open task per plan:
 * the latest miss replaces the previous one). A contract with no household file gets no task (tasks
 * belong to a file); the miss is still recorded and shown.
 */
export async function checkPlans(
  ctx: Context,
  contractId: string,
): Promise<{ missedMonths: string[]; tasksRaised: number }> {
  const { contract } = await requireContract(ctx, contractId, 'post_to_account');
  const account = await findAccount(ctx.db, contractId);
  const plan = account
    ? (await accountPlans(ctx.db, account.id)).find((p) => p.status === 'active')
    : undefined;
  if (!account || !plan) {
    await audit(ctx.db, ctx.actor, {
      action: 'rent_account.plan_check',
      entityType: 'rent_account',
      entityId: account?.id ?? null,
      householdId: contract.householdId,
      details: { missed: 0 },
    });
    return { missedMonths: [], tasksRaised: 0 };
  }
  const lines = (await accountPostings(ctx.db, account.id)).map(asPosting);
  const missed = presentPlan(plan, lines, monthOf(ctx.now)).instalments.filter((i) => i.status === 'missed');
  const fresh = await recordMisses(
    ctx.db,
    plan.id,
    missed.map((m) => ({ month: m.month, shortfallCents: m.shortfallCents })),
    ctx.now,
  );
  const latest = missed.filter((m) => fresh.includes(m.month)).at(-1);
  let tasksRaised = 0;
  if (latest && contract.householdId) {
    await raiseTask(ctx.db, {
      householdId: contract.householdId,
      title: `Plan d’apurement : mensualité de ${formatMonth(latest.month)} non tenue (il manque ${formatCents(latest.shortfallCents)})`,
      dueOn: parisDate(ctx.now),
      ownerUserId: null,
      ownerOrganisationId: collectorOf(contract),
      sourceId: plan.id,
      createdByUserId: ctx.actor.userId,
      createdByOrganisationId: ctx.actor.organisationId,
      at: ctx.now,
    });
    tasksRaised = 1;
  }
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.plan_check',
    entityType: 'repayment_plan',
    entityId: plan.id,
    householdId: contract.householdId,
    details: { missed: fresh.length },
  });
  return { missedMonths: fresh, tasksRaised };
}
