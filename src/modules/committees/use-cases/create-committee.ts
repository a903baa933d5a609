import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import { canConvene } from '../../../shared/access/committee-policy.ts';
import type { TCommitteeSummary, ZCommitteeCreate } from '../../../shared/contracts/committees.ts';
import { existingOrganisations, insertCommittee, territoryExists } from '../committees.repository.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { committeeSummary } from './list-committees.ts';

/** A committee convened by the coordinator's organisation, with its member organisations. */
export async function createCommittee(
  ctx: Context,
  input: z.output<typeof ZCommitteeCreate>,
): Promise<TCommitteeSummary> {
  const { db, actor } = ctx;
  if (!canConvene(actor))
    throw forbidden('Seuls les coordinateurs de comité et les administrateurs réunissent un comité.');
  const wanted = [...new Set(input.memberOrganisationIds)].filter((id) => id !== actor.organisationId);
  const known = await existingOrganisations(db, wanted);
  if (known.length !== wanted.length)
    throw invalid({ memberOrganisationIds: 'Une des organisations membres est inconnue.' });
  const territoryId =
    input.territoryId ?? (await organisationDepartement(db, actor.organisationId))?.id ?? null;
  if (input.territoryId && !(await territoryExists(db, input.territoryId)))
    throw invalid({ territoryId: 'Territoire inconnu.' });
  const id = await insertCommittee(
    db,
    {
      organisationId: actor.organisationId,
      name: input.name,
      territoryId,
      kind: input.kind,
      cadence: input.cadence,
      createdBy: actor.userId,
    },
    wanted,
  );
  await audit(db, actor, {
    action: 'committee.create',
    entityType: 'committee',
    entityId: id,
    details: { name: input.name, organisationIds: wanted },
  });
  return committeeSummary(ctx, id);
}
