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
  await recordVacancyEnd(ctx, vacancyId, outcome, input.reason);
  const [row] = await vacanciesByIds(db, [vacancyId]);
  return presentVacancy(row!, actor, true);
}

/** Ends the vacancy and audits it; the caller holds its row lock and has checked that it is open. */
async function recordVacancyEnd(
  ctx: Context,
  vacancyId: string,
  outcome: 'withdrawn' | 'closed',
  reason: string | null,
): Promise<void> {
  await endVacancyRow(ctx.db, vacancyId, {
    status: outcome,
    endedAt: ctx.now,
    endedByUserId: ctx.actor.userId,
    endReason: reason,
  });
  await audit(ctx.db, ctx.actor, {
    action: outcome === 'withdrawn' ? 'vacancy.withdraw' : 'vacancy.close',
    entityType: 'vacancy',
    entityId: vacancyId,
    details: { reason },
  });
}

/**
 * Closes an open vacancy because its dwelling was allocated (the matching module records the
 * commission's decision); the caller holds the vacancy's row lock (`findVacancy` with `lock`).
 */
export const closeAllocatedVacancy = (ctx: Context, vacancyId: string, reason: string) =>
  recordVacancyEnd(ctx, vacancyId, 'closed', reason);
