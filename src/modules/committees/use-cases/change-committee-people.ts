import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import type { TCommitteeSummary, ZCommitteePersonInput } from '../../../shared/contracts/committees.ts';
import { activeMemberName } from '../../identity/index.ts';
import { requireCommittee } from '../committee-access.ts';
import { deletePerson, findPerson, insertPerson, isMember } from '../committees.repository.ts';
import { committeeSummary } from './list-committees.ts';

const ONLY_COORDINATORS =
  'Seuls les coordinateurs de l’organisation qui réunit le comité nomment d’autres personnes que vous.';

/** A user of a sitting organisation who names, or withdraws, only themself. */
const selfOnly = (ctx: Context, person: { organisationId: string; userId?: string | null }) =>
  person.userId === ctx.actor.userId && person.organisationId === ctx.actor.organisationId;

/**
 * Names a person who sits on the committee for its convening organisation or a member one: one of
 * that organisation's active users (who then receives the invitations), or a person without an
 * account, named with a function. The coordinators name anyone; a member's user, themself.
 */
export async function addCommitteePerson(
  ctx: Context,
  input: z.output<typeof ZCommitteePersonInput> & { committeeId: string },
): Promise<TCommitteeSummary> {
  const committee = await requireCommittee(ctx, input.committeeId);
  if (!committee.convenes && !selfOnly(ctx, input)) throw forbidden(ONLY_COORDINATORS);
  const sits =
    input.organisationId === committee.organisationId ||
    (await isMember(ctx.db, committee.id, input.organisationId));
  if (!sits) throw invalid({ organisationId: 'Cette organisation ne siège pas au comité.' });
  const accountName = input.userId
    ? await activeMemberName(ctx.db, input.userId, input.organisationId)
    : null;
  if (input.userId && !accountName)
    throw invalid({ userId: 'Cette personne n’est pas un utilisateur actif de l’organisation.' });
  const fullName = accountName ?? input.fullName!;
  const added = await insertPerson(ctx.db, {
    committeeId: committee.id,
    organisationId: input.organisationId,
    userId: input.userId ?? null,
    fullName,
    function: input.function || null,
  });
  if (!added) throw invalid({ userId: `${fullName} siège déjà au comité.` });
  await audit(ctx.db, ctx.actor, {
    action: 'committee.person.add',
    entityType: 'committee',
    entityId: committee.id,
    details: { name: committee.name, person: fullName },
  });
  return committeeSummary(ctx, committee.id);
}

/** Withdraws a person: the coordinators withdraw anyone, a user themself. */
export async function removeCommitteePerson(
  ctx: Context,
  input: { committeeId: string; personId: string },
): Promise<TCommitteeSummary> {
  const committee = await requireCommittee(ctx, input.committeeId);
  const person = await findPerson(ctx.db, committee.id, input.personId);
  if (!person) throw notFound('Cette personne ne siège pas au comité.');
  if (!committee.convenes && !selfOnly(ctx, person)) throw forbidden(ONLY_COORDINATORS);
  const removed = await deletePerson(ctx.db, committee.id, person.id);
  await audit(ctx.db, ctx.actor, {
    action: 'committee.person.remove',
    entityType: 'committee',
    entityId: committee.id,
    details: { name: committee.name, person: removed!.fullName },
  });
  return committeeSummary(ctx, committee.id);
}
