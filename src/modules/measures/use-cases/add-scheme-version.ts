import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import { canManageSchemes } from '../../../shared/access/measure-policy.ts';
import type { TScheme, ZSchemeVersionInput } from '../../../shared/contracts/measures.ts';
import { formatDate } from '../../../shared/format.ts';
import { findScheme, insertVersion, lockScheme } from '../schemes.repository.ts';
import { presentSchemes } from './list-schemes.ts';

/**
 * A new dated version of a scheme's rules and costs. Measures keep the version they were prescribed
 * under, so a change applies to prescriptions from its date and never to measures already running.
 */
export async function addSchemeVersion(
  ctx: Context,
  input: z.output<typeof ZSchemeVersionInput> & { schemeId: string },
): Promise<TScheme> {
  const { db, actor } = ctx;
  const scheme = await findScheme(db, input.schemeId);
  if (!scheme) throw notFound('Dispositif introuvable.');
  if (!canManageSchemes(actor, scheme))
    throw forbidden('Seuls les administrateurs du financeur de ce dispositif le modifient.');
  await lockScheme(db, scheme.id);
  const id = await insertVersion(db, {
    schemeId: scheme.id,
    effectiveFrom: input.effectiveFrom,
    rules: input.rules,
    costs: input.costs,
    createdBy: actor.userId,
  });
  if (!id)
    throw invalid({
      effectiveFrom: `Une version commence déjà le ${formatDate(input.effectiveFrom)} : choisissez une autre date.`,
    });
  await audit(db, actor, {
    action: 'measure_scheme.add_version',
    entityType: 'measure_scheme',
    entityId: scheme.id,
    details: { name: scheme.name, effectiveFrom: input.effectiveFrom },
  });
  const [present] = await presentSchemes(ctx, [scheme]);
  return present!;
}
