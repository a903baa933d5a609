import type { Context } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db.ts';
import type { TGivenDwelling } from '../../../shared/contracts/designations.ts';
import { auditMany } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { poolRefusal } from '../../../shared/access/housing-pool-policy.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import type { TPool, TPoolEntry, TPoolQuery } from '../../../shared/contracts/housing-pool.ts';
import type { ReadinessOpinion } from '../../../shared/contracts/diagnostics.ts';
import { daysInShelter, demandState, filterPool } from '../../../shared/housing-pool/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { organisationLabel, poolRows, territoryNames } from '../housing-pool.repository.ts';
import { isProposable } from '../project-view.ts';

/**
 * The port through which the pool learns which of its households a commission gave a dwelling (the
 * matching module answers it; app.ts wires it, as this module cannot import that one).
 */
export type PoolAllocationsPort = (
  q: Queryable,
  householdIds: readonly string[],
  today: string,
) => Promise<ReadonlyMap<string, TGivenDwelling>>;

/**
 * The pool the actor's SIAO or association holds, filtered, the longest in shelter first, each
 * household with the dwelling given to it if any. Each household shown is a read of its project: one
 * audit entry per household, in the route's transaction.
 */
export async function listPool(
  ctx: Context,
  filters: TPoolQuery,
  allocations: PoolAllocationsPort,
): Promise<TPool> {
  const { db, actor } = ctx;
  const refusal = poolRefusal(actor);
  if (refusal) throw forbidden(refusal);
  const today = parisDate(ctx.now);
  const rows = await poolRows(db, actor.organisationId, ctx.now);
  const names = await territoryNames(db, [...new Set(rows.flatMap((r) => r.project.communeIds))]);
  const given = await allocations(
    db,
    rows.map((r) => r.project.householdId),
    today,
  );
  const entries = rows.map((r) => ({
    householdId: r.project.householdId,
    communeIds: r.project.communeIds,
    entry: {
      householdId: r.project.householdId,
      fileLabel: formatFileNumber(r.fileNumber),
      name: r.name ?? 'Ménage sans membre',
      persons: r.persons,
      typologies: r.project.typologies,
      communes: r.project.communeIds.map((id) => names.get(id) ?? 'Commune inconnue'),
      accessibilityNeed: r.project.accessibilityNeed,
      supportIntensity: r.project.supportIntensity,
      daloRecognised: r.daloRecognised,
      daloDecisionDate: r.daloDecisionDate,
      priorityCategories: r.project.priorityCategories,
      housingSince: r.housingSince,
      daysInShelter: daysInShelter(r.housingSince, today),
      applicationNumber: r.applicationNumber,
      demandRenewalDue: r.project.demandRenewalDue,
      demandState: demandState(r.applicationNumber, r.project.demandRenewalDue, today),
      readiness: r.readiness as ReadinessOpinion | null,
      proposable: isProposable(r.project),
      allocation: given.get(r.project.householdId) ?? null,
    } satisfies TPoolEntry,
  }));
  const shown = filterPool(
    entries.map((e) => ({ ...e.entry, communeIds: e.communeIds })),
    filters,
  );
  await auditMany(
    db,
    actor,
    shown.map((e) => ({
      action: 'household.housing_project.read',
      entityType: 'household',
      entityId: e.householdId,
      householdId: e.householdId,
      details: { via: 'pool' },
    })),
  );
  const holder = await organisationLabel(db, actor.organisationId);
  return {
    organisationName: holder.name,
    total: rows.length,
    items: shown.map(({ communeIds: _ids, ...entry }) => entry),
    communes: [...names]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
}
