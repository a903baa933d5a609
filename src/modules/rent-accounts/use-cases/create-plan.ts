import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import type { TRentAccount } from '../../../shared/contracts/rent-accounts.ts';
import { planTermsRefusal, type PlanTerms } from '../../../shared/rent-accounts/plans.ts';
import { closeTasksOf } from '../../tasks/index.ts';
import { requireAccount, requireContract, requireOpen } from '../rent-account-access.ts';
import { accountPlans, insertPlan, supersedePlan } from '../rent-accounts.repository.ts';
import { accountAnswer } from './get-account.ts';

type PlanInput = PlanTerms & { note: string | null };

/**
 * A repayment plan for the account's debt, or its renegotiation: the next version, the one in force
 * kept as superseded (its open task closed). An account has one plan in force at a time.
 */
export async function createPlan(
  ctx: Context,
  contractId: string,
  input: PlanInput,
  renegotiates?: string,
): Promise<TRentAccount> {
  const { contract, canPost } = await requireContract(ctx, contractId, 'post_to_account');
  const fields = planTermsRefusal(input);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const account = await requireAccount(ctx, contractId);
  requireOpen(account);
  const plans = await accountPlans(ctx.db, account.id);
  const active = plans.find((p) => p.status === 'active');
  if (renegotiates === undefined && active)
    throw new AppError('CONFLICT', 'Un plan d’apurement est déjà en cours : renégociez-le plutôt.');
  if (renegotiates !== undefined && active?.id !== renegotiates)
    throw new AppError('CONFLICT', 'Seul le plan en cours se renégocie.');
  if (active) {
    await supersedePlan(ctx.db, active.id, ctx.now);
    await closeTasksOf(ctx.db, { sourceId: active.id, userId: ctx.actor.userId, at: ctx.now });
  }
  const plan = await insertPlan(ctx.db, {
    accountId: account.id,
    version: (plans[0]?.version ?? 0) + 1,
    debtCents: input.debtCents,
    instalmentCount: input.instalmentCount,
    startMonth: input.startMonth,
    note: input.note,
    supersedesPlanId: active?.id ?? null,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: active ? 'rent_account.plan_renegotiate' : 'rent_account.plan_create',
    entityType: 'repayment_plan',
    entityId: plan.id,
    householdId: contract.householdId,
    details: {
      debtCents: plan.debtCents,
      instalmentCount: plan.instalmentCount,
      month: plan.startMonth,
      version: plan.version,
    },
  });
  return accountAnswer(ctx, contract, canPost);
}
