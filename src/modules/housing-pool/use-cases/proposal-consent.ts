import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import type {
  THousingProjectView,
  ZProposalConsent,
  ZProposalConsentWithdrawal,
} from '../../../shared/contracts/housing-pool.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { findProject, updateProject } from '../housing-pool.repository.ts';
import { isProposable, projectView } from '../project-view.ts';

async function lockedProject(ctx: Context, householdId: string) {
  const project = await findProject(ctx.db, householdId, { lock: true });
  if (!project) throw new AppError('INVALID_STATE', 'Ouvrez d’abord le projet logement du ménage.');
  return project;
}

/** Records the household's consent to be proposed on dwellings (a new one replaces a withdrawn one). */
export async function giveProposalConsent(
  ctx: Context,
  householdId: string,
  input: z.output<typeof ZProposalConsent>,
): Promise<THousingProjectView> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const project = await lockedProject(ctx, householdId);
  if (isProposable(project))
    throw new AppError('INVALID_STATE', 'L’accord du ménage pour être proposé est déjà enregistré.');
  if (input.givenOn > parisDate(ctx.now))
    throw invalid({ givenOn: 'L’accord ne peut pas être daté d’un jour à venir.' });
  await updateProject(ctx.db, project.id, {
    consentGivenOn: input.givenOn,
    consentMethod: input.method,
    consentWithdrawnOn: null,
    consentWithdrawalReason: null,
    updatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'housing_project.consent.give',
    entityType: 'housing_project',
    entityId: householdId,
    householdId,
    details: { givenOn: input.givenOn, method: input.method },
  });
  return projectView(ctx, householdId, level);
}

/** Withdraws the consent: the household stays in the pool « sans accord » and will not be proposed. */
export async function withdrawProposalConsent(
  ctx: Context,
  householdId: string,
  input: z.output<typeof ZProposalConsentWithdrawal>,
): Promise<THousingProjectView> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const project = await lockedProject(ctx, householdId);
  if (!isProposable(project))
    throw new AppError('INVALID_STATE', 'Le ménage n’a pas d’accord en cours à retirer.');
  if (input.withdrawnOn > parisDate(ctx.now))
    throw invalid({ withdrawnOn: 'Le retrait ne peut pas être daté d’un jour à venir.' });
  if (input.withdrawnOn < project.consentGivenOn!)
    throw invalid({ withdrawnOn: 'Le retrait ne peut pas précéder l’accord.' });
  await updateProject(ctx.db, project.id, {
    consentWithdrawnOn: input.withdrawnOn,
    consentWithdrawalReason: input.reason,
    updatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'housing_project.consent.withdraw',
    entityType: 'housing_project',
    entityId: householdId,
    householdId,
    details: { withdrawnOn: input.withdrawnOn },
  });
  return projectView(ctx, householdId, level);
}
