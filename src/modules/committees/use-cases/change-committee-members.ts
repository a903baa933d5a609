import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import type { TCommitteeSummary } from '../../../shared/contracts/committees.ts';
import { organisationName } from '../../organisations/index.ts';
import { requireConvenedCommittee } from '../committee-access.ts';
import { addMember, removeMember } from '../committees.repository.ts';
import { committeeSummary } from './list-committees.ts';

/** Adds a member organisation to a committee the coordinator's organisation convenes. */
export async function addCommitteeMember(
  ctx: Context,
  input: { committeeId: string; organisationId: string },
): Promise<TCommitteeSummary> {
  const committee = await requireConvenedCommittee(ctx, input.committeeId);
  if (input.organisationId === committee.organisationId)
    throw invalid({ organisationId: 'L’organisation qui réunit le comité en est déjà membre.' });
  const organisation = await organisationName(ctx.db, input.organisationId);
  if (!organisation) throw invalid({ organisationId: 'Organisation inconnue.' });
  await addMember(ctx.db, committee.id, input.organisationId);
  await audit(ctx.db, ctx.actor, {
    action: 'committee.member.add',
    entityType: 'committee',
    entityId: committee.id,
    details: { name: committee.name, organisation },
  });
  return committeeSummary(ctx, committee.id);
}

/** Removes a member organisation, and the people who sat for it. */
export async function removeCommitteeMember(
  ctx: Context,
  input: { committeeId: string; organisationId: string },
): Promise<TCommitteeSummary> {
  const committee = await requireConvenedCommittee(ctx, input.committeeId);
  if (!(await removeMember(ctx.db, committee.id, input.organisationId)))
    throw notFound('Cette organisation n’est pas membre du comité.');
  await audit(ctx.db, ctx.actor, {
    action: 'committee.member.remove',
    entityType: 'committee',
    entityId: committee.id,
    details: { name: committee.name, organisation: await organisationName(ctx.db, input.organisationId) },
  });
  return committeeSummary(ctx, committee.id);
}
