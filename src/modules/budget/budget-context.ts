import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.ts';
import type { Context } from '../../kernel/context.ts';
import { notFound, forbidden } from '../../kernel/errors.ts';
import { canEditHousehold } from '../../shared/access/household-access.ts';
import { canSeeFieldClass } from '../../shared/access/household-fields.ts';
import { scaleCoverage, type ScaleSet } from '../../shared/calculators/housing-benefit-scales.ts';
import { FIRST_PERIOD } from '../../shared/calculators/housing-benefit.ts';
import { ageOn, monthlyResources } from '../../shared/calculators/budget.ts';
import type { TBudgetMember } from '../../shared/contracts/budget.ts';
import { readScales } from '../calculators/index.ts';
import { territories } from '../organisations/schema.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import type { HouseholdFile } from '../households/index.ts';
import { conventionAt } from './conventions.repository.ts';
import { departementOf, organisationDepartement } from '../organisations/index.ts';

export interface Scales {
  set: ScaleSet;
  coverage: { from: string | null; to: string | null };
}

/**
 * The merged housing-benefit scales (files + administrator additions), read afresh: the
 * calculators module's cached store is emptied only by its own routes. Read through ctx.db, the
 * request's transaction when there is one (a pool query inside it would wait for it on PGlite).
 */
export async function loadScales(ctx: Context<Actor | null>): Promise<Scales> {
  return scalesOf((await readScales(ctx.db)).set);
}

/** A scale set with the periods it covers, as the budget's estimates take it. */
export const scalesOf = (set: ScaleSet): Scales => ({ set, coverage: scaleCoverage(set, FIRST_PERIOD) });

/**
 * The budget is "shared" data of the file: caseworkers and parties read it, a landlord (summary
 * level) gets the same 404 as for an unknown file; writes need the right to edit the file.
 */
export async function requireBudgetAccess(
  ctx: Context,
  unverifiedHouseholdId: string,
  mode: 'read' | 'write',
) {
  const level = await requireHouseholdAccess(ctx, unverifiedHouseholdId);
  if (!canSeeFieldClass(level, 'shared')) throw notFound('Dossier introuvable.');
  if (mode === 'write' && !canEditHousehold(level))
    throw forbidden('Vous ne pouvez pas modifier ce dossier.');
  return level;
}

/** The household as the budget needs it: composition, resources, expenses, convention, zone. */
export async function householdBudgetBasis(ctx: Context, file: HouseholdFile, day: string) {
  const { db: q, actor } = ctx;
  const h = file.household;
  const members: TBudgetMember[] = file.members.map((m) => ({
    age: ageOn(m.birthDate, day),
    relationship: m.relationship,
  }));
  const resources = monthlyResources(file.resources);
  const communeId = file.tenancy?.communeId ?? null;
  const departement =
    (await departementOf(q, communeId)) ??
    (h.createdByOrganisationId ? await organisationDepartement(q, h.createdByOrganisationId) : null) ??
    (await organisationDepartement(q, actor.organisationId));
  const { convention, origin } = await conventionAt(q, departement, day);
  const [commune] = communeId
    ? await q
        .select({ zone: territories.housingBenefitZone })
        .from(territories)
        .where(eq(territories.id, communeId))
    : [];
  return {
    departementId: departement?.id ?? null,
    members,
    resourcesCents: resources.totalCents,
    resourcesEntered: resources.entered,
    declaredHousingBenefitCents: resources.declaredHousingBenefitCents,
    expenses: file.expenses,
    // AAH is paid for a disability: the household then escapes the dégressivité of the aid.
    disabledMember: file.resources.some((r) => r.type === 'aah'),
    convention: convention.values,
    origin,
    // OpenFisca's fallback for an unknown commune is zone 2.
    currentZone: ([1, 3] as const).find((z) => z === commune?.zone) ?? (2 as const),
  };
}
export type HouseholdBudgetBasis = Awaited<ReturnType<typeof householdBudgetBasis>>;
