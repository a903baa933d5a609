import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import { canManageSchemes } from '../../../shared/access/measure-policy.ts';
import type { TScheme, ZSchemeCreate } from '../../../shared/contracts/measures.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { findScheme, insertScheme, insertVersion } from '../schemes.repository.ts';
import { presentSchemes } from './list-schemes.ts';

/**
 * A funder's administrator adds a scheme its organisation funds in its département (often from the
 * shipped catalogue), with its first dated version of rules and unit costs.
 */
export async function createScheme(ctx: Context, input: z.output<typeof ZSchemeCreate>): Promise<TScheme> {
  const { db, actor } = ctx;
  if (!canManageSchemes(actor))
    throw forbidden('Seuls les administrateurs d’un financeur gèrent ses dispositifs.');
  const departement = await organisationDepartement(db, actor.organisationId);
  if (!departement)
    throw invalid({}, 'Votre organisation n’est rattachée à aucun département : rattachez-la d’abord.');
  const schemeId = await insertScheme(db, {
    territoryId: departement.id,
    funderOrganisationId: actor.organisationId,
    code: input.code,
    name: input.name,
    kind: input.kind,
    createdBy: actor.userId,
  });
  if (!schemeId)
    throw invalid({ code: `Le département ${departement.name} a déjà un dispositif de ce nom court.` });
  await insertVersion(db, {
    schemeId,
    effectiveFrom: input.effectiveFrom,
    rules: input.rules,
    costs: input.costs,
    createdBy: actor.userId,
  });
  await audit(db, actor, {
    action: 'measure_scheme.create',
    entityType: 'measure_scheme',
    entityId: schemeId,
    details: { name: input.name, effectiveFrom: input.effectiveFrom },
  });
  const [scheme] = await presentSchemes(ctx, [(await findScheme(db, schemeId))!]);
  return scheme!;
}
