import type { Context } from '../../../kernel/context.ts';
import { audit, auditMany } from '../../../kernel/audit.ts';
import { AppError, forbidden } from '../../../kernel/errors.ts';
import { policyAdoptionRefusal, policyReadRefusal } from '../../../shared/access/matching-policy.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import type {
  TMatchingPolicy,
  TMatchingPolicyParams,
  TMatchingPolicyVersion,
  TPolicyAdoption,
  TPolicyImpact,
} from '../../../shared/contracts/matching.ts';
import { DEFAULT_POLICY, policyChanges } from '../../../shared/matching/policy.ts';
import { policyMoves } from '../../../shared/matching/ranking.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { poolSize, tallyChanges } from '../matches.repository.ts';
import { currentPairsIn } from '../pairs.ts';
import { parisDate } from '../../../shared/time.ts';
import {
  insertPolicy,
  lockTerritory,
  policyVersions,
  poolHouseholdLabels,
  visibleAmong,
} from '../matching.repository.ts';
import { policyInForce } from '../rank-vacancy.ts';

/** The reader's département: the territory whose policy it reads or sets. */
async function territoryOf(ctx: Context) {
  const departement = await organisationDepartement(ctx.db, ctx.actor.organisationId);
  if (!departement)
    throw new AppError(
      'INVALID_STATE',
      'Votre organisation n’est rattachée à aucun département : pas de politique de rapprochement.',
    );
  return departement;
}

const DEFAULT_VERSION = {
  version: 0,
  params: DEFAULT_POLICY,
  note: 'Politique par défaut de Relais, tant que le territoire n’en a pas adopté.',
  adoptedAt: null,
  adoptedBy: null,
};

/** The territory's policy in force and its history, each version with its changes in words. */
export async function getPolicy(ctx: Context): Promise<TMatchingPolicy> {
  const refusal = policyReadRefusal(ctx.actor);
  if (refusal) throw forbidden(refusal);
  const departement = await territoryOf(ctx);
  const rows = await policyVersions(ctx.db, departement.id);
  const chronological = [
    DEFAULT_VERSION,
    ...rows.map((r) => ({ ...r, adoptedAt: r.adoptedAt.toISOString() })).reverse(),
  ];
  const versions: TMatchingPolicyVersion[] = chronological.map((v, i) => ({
    ...v,
    changes: i === 0 ? [] : policyChanges(chronological[i - 1]!.params, v.params),
  }));
  const [inForce, ...history] = versions.reverse();
  return {
    territoryName: departement.name,
    inForce: inForce!,
    history,
    canAdopt: policyAdoptionRefusal(ctx.actor) === null,
  };
}

/**
 * The effect of a policy on today's pool (allocation-rules.md §7.4), before it is adopted: every open
 * vacancy of the territory ranked under the policy in force and under this one; the reader's
 * households that move are named (an audited read each), the others counted.
 */
export async function previewPolicy(ctx: Context, params: TMatchingPolicyParams): Promise<TPolicyImpact> {
  const refusal = policyReadRefusal(ctx.actor);
  if (refusal) throw forbidden(refusal);
  const departement = await territoryOf(ctx);
  // One query at a time, but for the ranking's own parts: a caller's transaction has one connection.
  const current = await policyInForce(ctx, departement.id);
  const openVacancies = await currentPairsIn(ctx, departement.id);
  const today = parisDate(ctx.now);
  const moves = policyMoves(await tallyChanges(ctx.db, openVacancies, current.params, params, today));
  const visible = await visibleAmong(
    ctx.db,
    ctx.actor.organisationId,
    moves.map((m) => m.householdId),
    ctx.now,
  );
  const better = (m: (typeof moves)[number]) =>
    m.after.topThree > m.before.topThree ||
    (m.after.topThree === m.before.topThree &&
      (m.after.meanRank ?? Infinity) < (m.before.meanRank ?? Infinity));
  const others = moves.filter((m) => !visible.has(m.householdId));
  const named = moves.filter((m) => visible.has(m.householdId));
  const rows = await poolHouseholdLabels(
    ctx.db,
    departement.id,
    named.map((m) => m.householdId),
  );
  const rowOf = new Map(rows.map((r) => [r.householdId, r]));
  // A household that left the pool since the pairs were kept is neither shown nor read.
  const shown = named.filter((m) => rowOf.has(m.householdId));
  await auditMany(
    ctx.db,
    ctx.actor,
    shown.map((m) => ({
      action: 'household.matching.read',
      entityType: 'household',
      entityId: m.householdId,
      householdId: m.householdId,
      details: { via: 'policy_preview' },
    })),
  );
  return {
    vacancies: openVacancies.length,
    households: await poolSize(ctx.db, departement.id),
    changes: policyChanges(current.params, params),
    moves: shown.map((m) => {
      const row = rowOf.get(m.householdId)!;
      return {
        householdId: m.householdId,
        fileLabel: formatFileNumber(row.fileNumber),
        name: row.name ?? 'Ménage sans membre',
        before: m.before,
        after: m.after,
      };
    }),
    otherMovesUp: others.filter(better).length,
    otherMovesDown: others.filter((m) => !better(m)).length,
    enteringTopThree: moves.reduce((n, m) => n + Math.max(0, m.after.topThree - m.before.topThree), 0),
    leavingTopThree: moves.reduce((n, m) => n + Math.max(0, m.before.topThree - m.after.topThree), 0),
  };
}

/**
 * Adopts a new version of the territory's policy, prepared from the version in force (another
 * adoption in between is a conflict: the coordinator previews again). Versions are never edited.
 */
export async function adoptPolicy(ctx: Context, input: TPolicyAdoption): Promise<TMatchingPolicy> {
  const refusal = policyAdoptionRefusal(ctx.actor);
  if (refusal) throw forbidden(refusal);
  const departement = await territoryOf(ctx);
  await lockTerritory(ctx.db, departement.id);
  const current = await policyInForce(ctx, departement.id);
  if (current.version !== input.basedOnVersion)
    throw new AppError(
      'VERSION_CONFLICT',
      'Une autre version de la politique a été adoptée entre-temps : rechargez-la et vérifiez son effet avant d’adopter la vôtre.',
    );
  if (policyChanges(current.params, input.params).length === 0)
    throw new AppError('INCONSISTENT_INPUT', 'Cette politique est identique à celle en vigueur.', {
      params: 'Aucun changement par rapport à la politique en vigueur.',
    });
  const version = current.version + 1;
  await insertPolicy(ctx.db, {
    territoryId: departement.id,
    version,
    params: input.params,
    note: input.note,
    adoptedByOrganisationId: ctx.actor.organisationId,
    adoptedByUserId: ctx.actor.userId,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'matching_policy.adopt',
    entityType: 'matching_policy',
    entityId: departement.id,
    details: { version, note: input.note, changes: policyChanges(current.params, input.params) },
  });
  return getPolicy(ctx);
}
