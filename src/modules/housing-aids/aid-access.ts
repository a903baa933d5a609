import type { Context } from '../../kernel/context.ts';
import { forbidden } from '../../kernel/errors.ts';
import { aidManageRefusal, type AidReader } from '../../shared/access/aid-policy.ts';
import { requireHouseholdAccess } from '../households/index.ts';

/** The reader of a household's aids: its organisation, roles and level on the file (404 without one). */
export async function aidReader(ctx: Context, householdId: string): Promise<AidReader> {
  const level = await requireHouseholdAccess(ctx, householdId);
  return { organisationId: ctx.actor.organisationId, roles: ctx.actor.roles, level };
}

/** Only the household's social workers request aids, record decisions and payments. */
export async function requireAidManager(ctx: Context, householdId: string): Promise<void> {
  const refusal = aidManageRefusal(await aidReader(ctx, householdId));
  if (refusal) throw forbidden(refusal);
}
