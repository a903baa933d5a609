import { audit } from '../../../kernel/audit.ts';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { formatCents, formatMonth } from '../../../shared/format.ts';
import { monthOf } from '../../../shared/evaluations/monthly-point.ts';
import { parisDate } from '../../../shared/time.ts';
import { raiseTask } from '../../tasks/index.ts';
import { presentPlan, asPosting } from '../rent-account.presenter.ts';
import { collectorOf, requireContract } from '../rent-account-access.ts';
import {
  accountPlans,
  accountPostings,
  findAccount,
  recordMisses,
  type ContractRow,
} from '../rent-accounts.repository.ts';
import type { RepaymentPlanRow } from '../schema.ts';

/**
 * The monthly check of the plan in force against the payments, asked on the contract's account
 * (the `repayment-plans` job runs the same check every morning, see check-all-plans.ts).
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
  const result = account && plan ? await checkPlan(ctx, contract, account.id, plan) : null;
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.plan_check',
    entityType: plan ? 'repayment_plan' : 'rent_account',
    entityId: plan?.id ?? account?.id ?? null,
    householdId: contract.householdId,
    details: { missed: result?.missedMonths.length ?? 0 },
  });
  return result ?? { missedMonths: [], tasksRaised: 0 };
}

/**
 * Checks one plan in force: each ended month found missed for the first time is recorded and raises
 * a task for the collector's staff (one open task per plan: the latest miss replaces the previous
 * one), so a second check raises nothing new. A contract with no household file gets no task (tasks
 * belong to a file); the miss is still recorded and shown. The caller audits; the actor is null for
 * the system.
 */
export async function checkPlan(
  ctx: Pick<Context<Actor | null>, 'db' | 'actor' | 'now'>,
  contract: ContractRow,
  accountId: string,
  plan: RepaymentPlanRow,
): Promise<{ missedMonths: string[]; tasksRaised: number }> {
  const lines = (await accountPostings(ctx.db, accountId)).map(asPosting);
  const missed = presentPlan(plan, lines, monthOf(ctx.now)).instalments.filter((i) => i.status === 'missed');
  const fresh = await recordMisses(
    ctx.db,
    plan.id,
    missed.map((m) => ({ month: m.month, shortfallCents: m.shortfallCents })),
    ctx.now,
  );
  const latest = missed.filter((m) => fresh.includes(m.month)).at(-1);
  if (!latest || !contract.householdId) return { missedMonths: fresh, tasksRaised: 0 };
  await raiseTask(ctx.db, {
    householdId: contract.householdId,
    title: `Plan d’apurement : mensualité de ${formatMonth(latest.month)} non tenue (il manque ${formatCents(latest.shortfallCents)})`,
    dueOn: parisDate(ctx.now),
    ownerUserId: null,
    ownerOrganisationId: collectorOf(contract),
    sourceId: plan.id,
    createdByUserId: ctx.actor?.userId ?? null,
    createdByOrganisationId: ctx.actor?.organisationId ?? null,
    at: ctx.now,
  });
  return { missedMonths: fresh, tasksRaised: 1 };
}
