import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import { canManageSchemes } from '../../../shared/access/measure-policy.ts';
import type { TScheme, ZProgrammeInput } from '../../../shared/contracts/measures.ts';
import { findScheme, insertProgramme } from '../schemes.repository.ts';
import { presentSchemes } from './list-schemes.ts';

/** A funder's budget for one of its schemes over a period, in measures and euros. */
export async function addProgramme(
  ctx: Context,
  input: z.output<typeof ZProgrammeInput> & { schemeId: string },
): Promise<TScheme> {
  const { db, actor } = ctx;
  const scheme = await findScheme(db, input.schemeId);
  if (!scheme) throw notFound('Dispositif introuvable.');
  if (!canManageSchemes(actor, scheme))
    throw forbidden('Seuls les administrateurs du financeur de ce dispositif le modifient.');
  const { schemeId, ...programme } = input;
  const id = await insertProgramme(db, { ...programme, schemeId, createdBy: actor.userId });
  await audit(db, actor, {
    action: 'funding_programme.create',
    entityType: 'funding_programme',
    entityId: id,
    details: { name: input.name },
  });
  const [present] = await presentSchemes(ctx, [scheme]);
  return present!;
}
