import type { Context } from '../../kernel/context.ts';
import { forbidden, notFound } from '../../kernel/errors.ts';
import { partnershipRefusal, type PartnershipAction } from '../../shared/access/partnership-policy.ts';
import { findConvention, type ConventionRecord } from './partnerships.repository.ts';

export const CONVENTION_NOT_FOUND = 'Convention introuvable.';

/** The convention, when the actor's organisation is one of its two sides and may do this (404 / 403 otherwise). */
export async function requireConvention(
  ctx: Context,
  conventionId: string,
  action: PartnershipAction,
): Promise<ConventionRecord> {
  const record = await findConvention(ctx.db, conventionId);
  if (!record || partnershipRefusal(ctx.actor, 'read', record.convention))
    throw notFound(CONVENTION_NOT_FOUND);
  const refusal = partnershipRefusal(ctx.actor, action, record.convention);
  if (refusal) throw forbidden(refusal);
  return record;
}
