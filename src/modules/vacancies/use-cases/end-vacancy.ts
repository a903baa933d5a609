import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { vacancyPublishRefusal } from '../../../shared/access/housing-pool-policy.ts';
import type { TVacancy, ZVacancyEnd } from '../../../shared/contracts/vacancies.ts';
import { presentVacancy } from '../vacancy.presenter.ts';
import { endVacancyRow, findVacancy, vacanciesByIds } from '../vacancies.repository.ts';

/** The landlord withdraws an open vacancy (no longer offered) or closes it (the dwelling found a tenant). */
export async function endVacancy(
  ctx: Context,
  vacancyId: string,
  outcome: 'withdrawn' | 'closed',
  input: z.output<typeof ZVacancyEnd>,
): Promise<TVacancy> {
  const { db, actor } = ctx;
  const refusal = vacancyPublishRefusal(actor);
  if (refusal) throw forbidden(refusal);
  const vacancy = await findVacancy(db, vacancyId, { lock: true });
  if (!vacancy || vacancy.landlordOrganisationId !== actor.organisationId)
    throw notFound('Vacance introuvable.');
  if (vacancy.status !== 'open')
    throw new AppError(
      'INVALID_STATE',
      vacancy.status === 'withdrawn'
        ? 'Cette vacance a déjà été retirée.'
        : 'Cette vacance est déjà clôturée.',
    );
  await endVacancyRow(db, vacancyId, {
    status: outcome,
    endedAt: ctx.now,
    endedByUserId: actor.userId,
    endReason: input.reason,
  });
  await audit(db, actor, {
    action: outcome === 'withdrawn' ? 'vacancy.withdraw' : 'vacancy.close',
    entityType: 'vacancy',
    entityId: vacancyId,
    details: { reason: input.reason },
  });
  const [row] = await vacanciesByIds(db, [vacancyId]);
  return presentVacancy(row!, actor, true);
}
