import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, versionConflict } from '../../../kernel/errors.ts';
import { poolRefusal } from '../../../shared/access/housing-pool-policy.ts';
import type { THousingProjectView, ZHousingProjectSave } from '../../../shared/contracts/housing-pool.ts';
import { entryRefusal, projectErrors } from '../../../shared/housing-pool/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import {
  communeIdsAmong,
  fileFacts,
  findProject,
  insertProject,
  latestReadiness,
  updateProject,
} from '../housing-pool.repository.ts';
import { projectView } from '../project-view.ts';

/**
 * Opens the household's housing project — the household enters the pool of the actor's SIAO or
 * association, on a capacity grid confirmed ready — or edits it at the version read. The row is
 * locked for the edit; two openings at once leave one project and a 409 for the other.
 */
export async function saveHousingProject(
  ctx: Context,
  householdId: string,
  input: z.output<typeof ZHousingProjectSave>,
): Promise<THousingProjectView> {
  const { db, actor } = ctx;
  const level = await requireHouseholdAccess(ctx, householdId);
  const today = parisDate(ctx.now);
  const existing = await findProject(db, householdId, { lock: true });
  if (existing && input.rowVersion !== existing.rowVersion) throw versionConflict();
  if (!existing) {
    const refusal = poolRefusal(actor);
    if (refusal) throw forbidden(refusal);
  }
  const readiness = existing ? null : await latestReadiness(db, householdId);
  if (!existing) {
    const refusal = entryRefusal(readiness?.opinion ?? null);
    if (refusal) throw new AppError('INCONSISTENT_INPUT', refusal);
  }

  const facts = await fileFacts(db, householdId);
  const errors = projectErrors(input, facts.applicationNumber, input.demandRenewalDue, today);
  const communes = await communeIdsAmong(db, input.communeIds);
  const unknown = input.communeIds.findIndex((id) => !communes.has(id));
  if (unknown >= 0) errors.communeIds = 'Commune inconnue : choisissez-la dans la liste.';
  if (Object.keys(errors).length > 0) throw invalid(errors);

  const values = {
    typologies: input.typologies,
    communeIds: input.communeIds,
    accessibilityNeed: input.accessibilityNeed,
    supportIntensity: input.supportIntensity,
    priorityCategories: input.priorityCategories,
    demandRenewalDue: input.demandRenewalDue,
    demandFiledOn: input.demandFiledOn,
    incomes: input.incomes,
    note: input.note,
    updatedAt: ctx.now,
  };
  if (existing) {
    await updateProject(db, existing.id, values);
  } else {
    if (input.rowVersion !== null) throw versionConflict();
    await insertProject(db, {
      ...values,
      householdId,
      poolOrganisationId: actor.organisationId,
      readinessAtOpening: readiness!.opinion,
      openedOn: today,
      openedByUserId: actor.userId,
      createdAt: ctx.now,
    });
  }
  await audit(db, actor, {
    action: existing ? 'housing_project.update' : 'housing_project.open',
    entityType: 'housing_project',
    entityId: householdId,
    householdId,
    details: {
      typologies: input.typologies,
      communes: input.communeIds.length,
      priorityCategories: input.priorityCategories,
      incomeSources: input.incomes.map((i) => i.source),
    },
  });
  return projectView(ctx, householdId, level);
}
