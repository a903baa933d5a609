import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TConvention, ZConventionDwellingCreate } from '../../../shared/contracts/partnerships.ts';
import { requireConvention } from '../convention-access.ts';
import { updateDwelling } from '../../dwellings/index.ts';
import { findDwelling, insertConventionDwelling } from '../partnerships.repository.ts';
import { getConvention } from './get-convention.ts';

/**
 * The landlord makes one of its dwellings available to the association under the convention, with
 * its occupancy type: the dwelling's status becomes « mis à disposition d’une association ».
 */
export async function addConventionDwelling(
  ctx: Context,
  input: z.output<typeof ZConventionDwellingCreate> & { conventionId: string },
): Promise<TConvention> {
  const { db, actor } = ctx;
  const { convention } = await requireConvention(ctx, input.conventionId, 'manage_dwellings');
  const dwelling = await findDwelling(db, input.dwellingId);
  if (dwelling?.landlordOrganisationId !== convention.landlordOrganisationId)
    throw invalid({ dwellingId: 'Ce logement n’est pas un logement du bailleur de la convention.' });
  if (
    input.availableFrom < convention.startOn ||
    (convention.endOn && input.availableFrom > convention.endOn)
  )
    throw invalid({ availableFrom: 'La mise à disposition commence pendant la convention.' });
  const id = await insertConventionDwelling(db, {
    conventionId: convention.id,
    dwellingId: input.dwellingId,
    occupancyKind: input.occupancyKind,
    availableFrom: input.availableFrom,
    gla: input.gla,
    createdByUserId: actor.userId,
    createdAt: ctx.now,
  });
  if (!id)
    throw invalid({ dwellingId: 'Ce logement est déjà mis à disposition au titre de cette convention.' });
  await updateDwelling(db, input.dwellingId, { status: 'made_available' }, ctx.now);
  await audit(db, actor, {
    action: 'partnership_convention.dwelling_add',
    entityType: 'partnership_convention',
    entityId: convention.id,
    details: { occupancyKind: input.occupancyKind, availableFrom: input.availableFrom, gla: input.gla },
  });
  return getConvention(ctx, convention.id);
}
