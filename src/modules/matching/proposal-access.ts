import type { Context } from '../../kernel/context.ts';
import { notFound } from '../../kernel/errors.ts';
import { proposalReader, type ProposalReader } from '../../shared/access/designation-policy.ts';
import { householdAccessLevel } from '../../shared/access/household-access.ts';
import { activeParties } from '../households/index.ts';
import { findProposal, type ListedProposal } from './proposals.repository.ts';

/**
 * The proposal and how the actor reads it (the vacancy's landlord, or a referent of the household);
 * an unknown proposal and one the actor may not read answer the same 404. With `lock`, its row is
 * locked for the change that follows.
 */
export async function readableProposal(
  ctx: Context,
  proposalId: string,
  opts: { lock?: boolean } = {},
): Promise<{ row: ListedProposal; reader: Exclude<ProposalReader, null> }> {
  const row = await findProposal(ctx.db, proposalId, opts);
  const level = row
    ? householdAccessLevel(ctx.actor, await activeParties(ctx.db, row.proposal.householdId, ctx.now))
    : 'none';
  const reader = row ? proposalReader(ctx.actor, row.vacancy, level) : null;
  if (!row || !reader) throw notFound('Proposition introuvable.');
  return { row, reader };
}
