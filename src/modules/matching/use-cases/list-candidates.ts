import type { Context } from '../../../kernel/context.ts';
import { auditMany } from '../../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { candidatesRefusal } from '../../../shared/access/matching-policy.ts';
import type { TCandidateList } from '../../../shared/contracts/matching.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { presentCandidate } from '../candidate.presenter.ts';
import { vacancyForMatching, visibleAmong } from '../matching.repository.ts';
import { rankVacancyPool } from '../rank-vacancy.ts';

/**
 * The candidates for an open vacancy, ranked over every pool of its département under the policy in
 * force, each with why (filters, signals, points) — and the excluded households with why not. The
 * reader sees by name the households it is a party to (each an audited read); the others are only
 * counted, so that a rank means the same for everyone.
 */
export async function listCandidates(ctx: Context, vacancyId: string): Promise<TCandidateList> {
  const { db, actor } = ctx;
  const refusal = candidatesRefusal(actor);
  if (refusal) throw forbidden(refusal);
  const vacancy = await vacancyForMatching(db, vacancyId);
  const departement = await organisationDepartement(db, actor.organisationId);
  if (!vacancy || !vacancy.departementId || vacancy.departementId !== departement?.id)
    throw notFound('Vacance introuvable.');
  if (vacancy.status !== 'open')
    throw new AppError('INVALID_STATE', 'Cette vacance n’est plus ouverte : plus de candidats à classer.');
  const { policy, rows, ranking } = await rankVacancyPool(ctx, {
    ...vacancy,
    departementId: vacancy.departementId,
  });
  const visible = await visibleAmong(
    db,
    actor.organisationId,
    rows.map((r) => r.project.householdId),
    ctx.now,
  );
  const rowOf = new Map(rows.map((r) => [r.project.householdId, r]));
  const candidates = ranking.candidates
    .filter((c) => visible.has(c.householdId))
    .map((c) => presentCandidate(rowOf.get(c.householdId)!, c, c.rank));
  const excluded = ranking.excluded
    .filter((c) => visible.has(c.householdId))
    .map((c) => presentCandidate(rowOf.get(c.householdId)!, c, null));
  await auditMany(
    db,
    actor,
    [...candidates, ...excluded].map((c) => ({
      action: 'household.matching.read',
      entityType: 'vacancy',
      entityId: vacancy.id,
      householdId: c.householdId,
      details: { rank: c.rank, policyVersion: policy.version },
    })),
  );
  return {
    vacancyId: vacancy.id,
    policyVersion: policy.version,
    considered: rows.length,
    eligible: ranking.candidates.length,
    candidates,
    excluded,
    canDesignate: candidates.length > 0,
  };
}
