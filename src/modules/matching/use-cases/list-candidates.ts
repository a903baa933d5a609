import type { Context } from '../../../kernel/context.ts';
import { auditMany } from '../../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { candidatesRefusal } from '../../../shared/access/matching-policy.ts';
import type { TCandidateList, TCandidatesQuery } from '../../../shared/contracts/matching.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { presentCandidate } from '../candidate.presenter.ts';
import { vacancyRanking } from '../matches.repository.ts';
import { poolHouseholds, vacancyForMatching } from '../matching.repository.ts';
import { currentPairsOf } from '../pairs.ts';
import { matchingBasis, policyInForce, rankVacancy } from '../rank-vacancy.ts';

/**
 * The candidates for an open vacancy, ranked over every pool of its département under the policy in
 * force — one query over the vacancy's kept pairs (ADR 0033) —, a page at a time, each with why
 * (filters, signals, points), and a page of the excluded households with why not. The reader sees by
 * name the households it is a party to, each shown one an audited read; the others are only counted,
 * so that a rank means the same for everyone.
 */
export async function listCandidates(
  ctx: Context,
  vacancyId: string,
  query: TCandidatesQuery,
): Promise<TCandidateList> {
  const { db, actor } = ctx;
  const refusal = candidatesRefusal(actor);
  if (refusal) throw forbidden(refusal);
  const found = await vacancyForMatching(db, vacancyId);
  const departement = await organisationDepartement(db, actor.organisationId);
  if (!found || !found.departementId || found.departementId !== departement?.id)
    throw notFound('Vacance introuvable.');
  if (found.status !== 'open')
    throw new AppError('INVALID_STATE', 'Cette vacance n’est plus ouverte : plus de candidats à classer.');
  const vacancy = { ...found, departementId: found.departementId };
  await currentPairsOf(ctx, vacancy);
  const policy = await policyInForce(ctx, vacancy.departementId);
  const basis = await matchingBasis(ctx, vacancy.departementId);
  const reader = { organisationId: actor.organisationId, at: ctx.now };
  const { page, excludedPage, pageSize } = query;
  const {
    considered,
    eligible,
    candidateCount,
    excludedCount,
    candidates: shownCandidates,
    excluded: shownExcluded,
  } = await vacancyRanking(db, vacancy, policy.params, basis.today, reader, query);

  // Only the households shown are explained: their facts read and their filters and signals written.
  const rows = await poolHouseholds(db, vacancy.departementId, [
    ...shownCandidates.map((c) => c.householdId),
    ...shownExcluded,
  ]);
  const rowOf = new Map(rows.map((r) => [r.project.householdId, r]));
  const ranking = rankVacancy(vacancy, rows, basis, policy);
  const assessmentOf = new Map([...ranking.candidates, ...ranking.excluded].map((a) => [a.householdId, a]));
  const present = (householdId: string, rank: number | null) => {
    const row = rowOf.get(householdId);
    const assessment = assessmentOf.get(householdId);
    return row && assessment ? [presentCandidate(row, assessment, rank)] : [];
  };
  const candidates = shownCandidates.flatMap((c) => present(c.householdId, c.rank));
  const excluded = shownExcluded.flatMap((id) => present(id, null));
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
    considered,
    eligible,
    candidates,
    excluded,
    candidateCount,
    excludedCount,
    page,
    excludedPage,
    pageSize,
    canDesignate: candidateCount > 0,
  };
}
