import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import { vacancyPublishRefusal } from '../../../shared/access/housing-pool-policy.ts';
import { ROLE_GROUPS } from '../../../shared/access/role-groups.ts';
import {
  RESERVATION_CHANNEL_LABELS,
  type TVacancy,
  type ZVacancyCreate,
} from '../../../shared/contracts/vacancies.ts';
import { formatDate } from '../../../shared/format.ts';
import { parisDate } from '../../../shared/time.ts';
import { findDwelling, rentsInForce } from '../../dwellings/index.ts';
import { poolHolderIds } from '../../housing-pool/index.ts';
import { notifyOrganisation } from '../../notifications/index.ts';
import { departementOf, organisationDepartement } from '../../organisations/index.ts';
import { presentVacancy } from '../vacancy.presenter.ts';
import {
  insertVacancy,
  lockDwelling,
  openVacancyOf,
  poolHolderTypes,
  vacanciesByIds,
} from '../vacancies.repository.ts';

/** The path of the vacancies page in the web app (notifications link to it). */
export const VACANCIES_LINK = '/vacances';

/**
 * Publishes a free dwelling of the actor's stock: never a let one, never one with a vacancy already
 * open (checked under the dwelling's row lock). The rent and charges are those in force today. The
 * SIAO and associations that hold a pool, in the dwelling's département, are told (their social
 * workers, in the app and by email).
 */
export async function publishVacancy(
  ctx: Context,
  input: z.output<typeof ZVacancyCreate>,
): Promise<TVacancy> {
  const { db, actor } = ctx;
  const refusal = vacancyPublishRefusal(actor);
  if (refusal) throw forbidden(refusal);
  const today = parisDate(ctx.now);
  const locked = await lockDwelling(db, input.dwellingId);
  const dwelling = locked ? await findDwelling(db, input.dwellingId) : null;
  if (!dwelling || vacancyPublishRefusal(actor, dwelling)) throw notFound('Logement introuvable.');
  if (dwelling.status === 'let')
    throw new AppError(
      'CONFLICT',
      'Ce logement est loué : seule la vacance d’un logement libre peut être publiée.',
    );
  const open = await openVacancyOf(db, dwelling.id);
  if (open)
    throw new AppError(
      'CONFLICT',
      `Ce logement a déjà une vacance ouverte, publiée le ${formatDate(parisDate(open.publishedAt))} : retirez-la ou clôturez-la avant d’en publier une autre.`,
    );

  const errors: Record<string, string> = {};
  if (input.answerBy < today) errors.answerBy = 'La date limite de réponse ne peut pas être passée.';
  input.visitDates.forEach((day, i) => {
    if (day < today) errors[`visitDates.${i}`] = 'Une date de visite ne peut pas être passée.';
    else if (day > input.answerBy)
      errors[`visitDates.${i}`] = 'Une visite a lieu au plus tard à la date limite de réponse.';
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const rent = (await rentsInForce(db, [dwelling.id], today)).get(dwelling.id);
  if (!rent)
    throw new AppError(
      'INCONSISTENT_INPUT',
      'Ce logement n’a pas de loyer en vigueur : ajoutez son loyer et ses charges dans sa fiche avant de publier la vacance.',
    );

  const departement = await departementOf(db, dwelling.communeId);
  const id = await insertVacancy(db, {
    dwellingId: dwelling.id,
    landlordOrganisationId: actor.organisationId,
    departementId: departement?.id ?? null,
    channel: input.channel,
    answerBy: input.answerBy,
    visitDetails: input.visitDetails,
    visitDates: input.visitDates,
    monthlyRentCents: rent.monthlyRentCents,
    monthlyChargesCents: rent.monthlyChargesCents,
    publishedByUserId: actor.userId,
    publishedAt: ctx.now,
  });
  const told = departement ? await poolHoldersIn(ctx, departement.id) : [];
  for (const organisationId of told)
    await notifyOrganisation(db, {
      organisationId,
      roles: [...ROLE_GROUPS.socialWork],
      kind: 'vacancy.published',
      title: `Logement vacant : ${dwelling.typology ? `${dwelling.typology.toUpperCase()} ` : ''}${dwelling.communeName ?? dwelling.address}`,
      body: `${actor.organisationName} propose un logement (${RESERVATION_CHANNEL_LABELS[input.channel]}). Réponse attendue au plus tard le ${formatDate(input.answerBy)}.`,
      link: VACANCIES_LINK,
    });
  await audit(db, actor, {
    action: 'vacancy.publish',
    entityType: 'vacancy',
    entityId: id,
    details: { channel: input.channel, answerBy: input.answerBy, organisationsNotified: told.length },
  });
  const [row] = await vacanciesByIds(db, [id]);
  return presentVacancy(row!, actor, true);
}

/** The SIAO and associations holding a pool whose territory lies in the département. */
async function poolHoldersIn(ctx: Context, departementId: string): Promise<string[]> {
  const holders = await poolHolderTypes(ctx.db, await poolHolderIds(ctx.db));
  const inside: string[] = [];
  for (const h of holders)
    if ((await organisationDepartement(ctx.db, h.id))?.id === departementId) inside.push(h.id);
  return inside;
}
