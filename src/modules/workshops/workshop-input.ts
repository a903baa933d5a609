import type { Context } from '../../kernel/context.ts';
import { invalid, type FieldErrors } from '../../kernel/errors.ts';
import { ROLE_GROUPS } from '../../shared/access/role-groups.ts';
import type { TWorkshopInput } from '../../shared/contracts/workshops.ts';
import { unknownBriques } from '../../shared/referentiel/referentiel.ts';
import { parisDate } from '../../shared/time.ts';
import { activeMembersWithRoles } from '../identity/index.ts';
import { organisationNames } from '../organisations/index.ts';
import { referentielInForce } from '../referentiel/index.ts';

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Checks a workshop's input, every field at once, in French: facilitators among the organisation's
 * social workers (the one who plans it by default), partners among the organisations, briques of the
 * référentiel in force on the workshop's day.
 */
export async function checkWorkshop(ctx: Context, input: TWorkshopInput) {
  const { db, actor } = ctx;
  const startsAt = new Date(input.startsAt);
  const referentiel = referentielInForce(parisDate(startsAt));
  const facilitatorUserIds = unique(
    input.facilitatorUserIds.length > 0 ? input.facilitatorUserIds : [actor.userId],
  );
  const partnerOrganisationIds = unique(input.partnerOrganisationIds).filter(
    (id) => id !== actor.organisationId,
  );
  const briques = unique(input.briques);
  const errors: FieldErrors = {};
  const staff = new Set(
    (await activeMembersWithRoles(db, actor.organisationId, ROLE_GROUPS.socialWork)).map((p) => p.id),
  );
  if (facilitatorUserIds.some((id) => !staff.has(id)))
    errors.facilitatorUserIds =
      'Choisissez les animateurs parmi les travailleurs sociaux de votre organisation.';
  const known = await organisationNames(db, partnerOrganisationIds);
  if (partnerOrganisationIds.some((id) => !known.has(id)))
    errors.partnerOrganisationIds = 'Organisation inconnue.';
  const unknown = unknownBriques(briques, referentiel);
  if (unknown.length > 0)
    errors.briques = `Brique inconnue du référentiel en vigueur : ${unknown.join(', ')}.`;
  if (Object.keys(errors).length > 0)
    throw invalid(errors, 'L’atelier ne peut pas être enregistré : voyez les champs signalés.');
  return {
    theme: input.theme,
    referentielVersion: referentiel.version,
    briques,
    startsAt,
    durationMinutes: input.durationMinutes,
    place: input.place,
    facilitatorUserIds,
    partnerOrganisationIds,
  };
}
