import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import { creatorSide } from '../../../shared/access/partnership-policy.ts';
import type { TConvention, ZConventionCreate } from '../../../shared/contracts/partnerships.ts';
import { unknownBriques } from '../../../shared/referentiel/referentiel.ts';
import { organisations } from '../../organisations/schema.ts';
import { referentielInForce } from '../../referentiel/index.ts';
import { insertConvention } from '../partnerships.repository.ts';
import { getConvention } from './get-convention.ts';

/** A convention between the actor's organisation and its partner (a landlord and an association). */
export async function createConvention(
  ctx: Context,
  input: z.output<typeof ZConventionCreate>,
): Promise<TConvention> {
  const { db, actor } = ctx;
  const side = creatorSide(actor);
  if (!side)
    throw forbidden(
      'Seuls le personnel d’un bailleur et les travailleurs sociaux d’une association concluent une convention de partenariat.',
    );
  const wanted = side === 'landlord' ? 'association' : 'landlord';
  const [partner] = await db
    .select({ type: organisations.type })
    .from(organisations)
    .where(eq(organisations.id, input.partnerOrganisationId));
  if (partner?.type !== wanted)
    throw invalid({
      partnerOrganisationId:
        wanted === 'association'
          ? 'Choisissez une association partenaire.'
          : 'Choisissez un bailleur partenaire.',
    });
  const version = referentielInForce(input.startOn);
  const unknown = unknownBriques(input.briques, version);
  if (unknown.length > 0)
    throw invalid({ briques: `Briques inconnues du référentiel : ${unknown.join(', ')}.` });
  const id = await insertConvention(db, {
    landlordOrganisationId: side === 'landlord' ? actor.organisationId : input.partnerOrganisationId,
    associationOrganisationId: side === 'association' ? actor.organisationId : input.partnerOrganisationId,
    title: input.title,
    startOn: input.startOn,
    endOn: input.endOn,
    feeMode: input.fee.mode,
    feePerDwellingYearCents: input.fee.mode === 'per_dwelling_year' ? input.fee.perDwellingYearCents : null,
    feeRentSharePerMille: input.fee.mode === 'rent_share' ? input.fee.perMille : null,
    commitments: input.commitments,
    referentielVersion: version.version,
    briques: input.briques,
    createdByUserId: actor.userId,
    createdAt: ctx.now,
  });
  await audit(db, actor, {
    action: 'partnership_convention.create',
    entityType: 'partnership_convention',
    entityId: id,
    details: { organisationId: input.partnerOrganisationId, title: input.title },
  });
  return getConvention(ctx, id);
}
