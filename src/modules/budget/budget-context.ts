import { eq } from 'drizzle-orm';
import type { DB, Queryable } from '../../kernel/db.ts';
import type { Actor } from '../../kernel/actor.ts';
import { notFound, forbidden } from '../../kernel/errors.ts';
import { canEditHousehold } from '../../shared/access/household-access.ts';
import { canSeeFieldClass } from '../../shared/access/household-fields.ts';
import { scaleCoverage, type ScaleSet } from '../../shared/calculators/housing-benefit-scales.ts';
import { FIRST_PERIOD } from '../../shared/calculators/housing-benefit.ts';
import { ageOn, monthlyResources } from '../../shared/calculators/budget.ts';
import type { TBudgetMember } from '../../shared/contracts/budget.ts';
import { createScaleStore } from '../calculators/index.ts';
import { territories } from '../organisations/schema.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import type { HouseholdFile } from '../households/index.ts';
import { conventionAt, departementOf, organisationDepartement } from './conventions.repository.ts';

export interface Scales {
  set: ScaleSet;
  coverage: { from: string | null; to: string | null };
}

/**
 * The merged housing-benefit scales (files + administrator additions) through the calculators
 * module's store. A fresh store per call: the calculators routes keep their own cached store and
 * invalidate only it, so a long-lived store here could miss a scale added since. Call it before
 * opening a transaction (PGlite serialises the connection).
 */
export async function loadScales(db: DB): Promise<Scales> {
  const { set } = await createScaleStore(db).get();
  return { set, coverage: scaleCoverage(set, FIRST_PERIOD) };
}

/**
 * The budget is "shared" data of the file: caseworkers and parties read it, a landlord (summary
 * level) gets the same 404 as for an unknown file; writes need the right to edit the file.
 */
export async function requireBudgetAccess(
  q: Queryable,
  actor: Actor,
  unverifiedHouseholdId: string,
  at: Date,
  mode: 'read' | 'write',
) {
  const level = await requireHouseholdAccess({ db: q, actor, now: at }, unverifiedHouseholdId);
  if (!canSeeFieldClass(level, 'shared')) throw notFound('Dossier introuvable.');
  if (mode === 'write' && !canEditHousehold(level))
    throw forbidden('Vous ne pouvez pas modifier ce dossier.');
  return level;
}

/** The household as the budget needs it: composition, resources, expenses, convention, zone. */
export async function householdBudgetBasis(q: Queryable, file: HouseholdFile, actor: Actor, day: string) {
  const h = file.household;
  const members: TBudgetMember[] = file.members.map((m) => ({
    age: ageOn(m.birthDate, day),
    relationship: m.relationship,
  }));
  const resources = monthlyResources(file.resources);
  const departement =
    (await departementOf(q, h.dwellingCommuneId)) ??
    (h.createdByOrganisationId ? await organisationDepartement(q, h.createdByOrganisationId) : null) ??
    (await organisationDepartement(q, actor.organisationId));
  const { convention, origin } = await conventionAt(q, departement, day);
  const [commune] = h.dwellingCommuneId
    ? await q
        .select({ zone: territories.housingBenefitZone })
        .from(territories)
        .where(eq(territories.id, h.dwellingCommuneId))
    : [];
  return {
    departementId: departement?.id ?? null,
    members,
    resourcesCents: resources.totalCents,
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
