import type { Context } from '../../../kernel/context.ts';
import { canManageSchemes } from '../../../shared/access/measure-policy.ts';
import type { TScheme } from '../../../shared/contracts/measures.ts';
import { parisDate } from '../../../shared/time.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import {
  programmesOf,
  schemesOfTerritory,
  versionsOf,
  type SchemeRecord,
  type VersionRecord,
} from '../schemes.repository.ts';

/** The schemes of the reader's département, each with its dated versions and its programmes. */
export async function listSchemes(ctx: Context): Promise<TScheme[]> {
  const departement = await organisationDepartement(ctx.db, ctx.actor.organisationId);
  if (!departement) return [];
  return presentSchemes(ctx, await schemesOfTerritory(ctx.db, departement.id));
}

export async function presentSchemes(ctx: Context, schemes: SchemeRecord[]): Promise<TScheme[]> {
  const ids = schemes.map((s) => s.id);
  const [versions, programmes] = await Promise.all([versionsOf(ctx.db, ids), programmesOf(ctx.db, ids)]);
  const today = parisDate(ctx.now);
  const present = (v: VersionRecord) => ({
    id: v.id,
    effectiveFrom: v.effectiveFrom,
    rules: v.rules,
    costs: v.costs,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
  });
  return schemes.map((s) => {
    const own = versions.filter((v) => v.schemeId === s.id);
    const current = own.find((v) => v.effectiveFrom <= today);
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      funderOrganisationId: s.funderOrganisationId,
      funderName: s.funderName,
      territoryName: s.territoryName,
      current: current ? present(current) : null,
      versions: own.map(present),
      programmes: programmes
        .filter((p) => p.schemeId === s.id)
        .map((p) => ({
          id: p.id,
          name: p.name,
          periodFrom: p.periodFrom,
          periodTo: p.periodTo,
          budgetMeasures: p.budgetMeasures,
          budgetCents: p.budgetCents,
        })),
      editable: canManageSchemes(ctx.actor, s),
    };
  });
}
