import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid } from '../../../kernel/errors.ts';
import { mayDecideProposal } from '../../../shared/access/designation-policy.ts';
import {
  COMMISSION_DECISION_LABELS,
  REFUSAL_REASON_LABELS,
  type TProposal,
  type ZDecisionCreate,
} from '../../../shared/contracts/designations.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import { allocatedVacancyReason, decisionErrors, isAllocating } from '../../../shared/designations/rules.ts';
import { formatDate } from '../../../shared/format.ts';
import { parisDate } from '../../../shared/time.ts';
import { closeAllocatedVacancy, findVacancy } from '../../vacancies/index.ts';
import { readableProposal } from '../proposal-access.ts';
import { dwellingWords, tellReferents } from '../proposal-notices.ts';
import { presentProposal } from '../proposal.presenter.ts';
import { findProposal, siblingDecisions, updateProposal } from '../proposals.repository.ts';

/**
 * The landlord's staff record the commission's decision on one household (CCH R441-3), or the
 * landlord's own refusal at instruction: once, checked by `decisionErrors`. The household's referents
 * are told at once. A decision that gives the dwelling closes the vacancy (under its row lock, taken
 * first so that two decisions on one vacancy wait for each other); the other proposals stay as they are.
 */
export async function recordDecision(
  ctx: Context,
  proposalId: string,
  input: z.output<typeof ZDecisionCreate>,
): Promise<TProposal> {
  const { db, actor } = ctx;
  const today = parisDate(ctx.now);
  const seen = await readableProposal(ctx, proposalId);
  if (!mayDecideProposal(seen.reader))
    throw forbidden('La décision de la commission est enregistrée par le bailleur du logement.');
  const vacancy = (await findVacancy(db, seen.row.proposal.vacancyId, { lock: true }))!;
  const { row, reader } = await readableProposal(ctx, proposalId, { lock: true });
  const p = row.proposal;

  const allocating = isAllocating(input.decision);
  if (allocating && vacancy.status === 'withdrawn')
    throw new AppError(
      'INVALID_STATE',
      'Cette vacance a été retirée : le logement ne peut plus être attribué.',
    );
  const checked = decisionErrors(
    input,
    { ...p, proposedOn: row.designatedOn },
    { today, siblings: await siblingDecisions(db, p.vacancyId, p.id) },
  );
  if (checked.conflict) throw new AppError('INVALID_STATE', checked.conflict);
  if (checked.inconsistent) throw new AppError('INCONSISTENT_INPUT', checked.inconsistent);
  if (Object.keys(checked.fields).length > 0) throw invalid(checked.fields);

  await updateProposal(db, p.id, {
    decision: input.decision,
    decisionRank: input.decisionRank,
    decisionCondition: input.condition,
    conditionDue: input.conditionDue,
    decisionReason: input.reason,
    decisionNote: input.note,
    decidedOn: input.decidedOn,
    decidedByUserId: actor.userId,
    updatedAt: ctx.now,
  });
  if (allocating && vacancy.status === 'open')
    await closeAllocatedVacancy(ctx, vacancy.id, allocatedVacancyReason(input.decision, p.rank));

  const label = COMMISSION_DECISION_LABELS[input.decision];
  const detail =
    input.decision === 'allocation_by_rank'
      ? ` (rang ${input.decisionRank})`
      : input.decision === 'conditional'
        ? ` : ${input.condition}, à fournir avant le ${formatDate(input.conditionDue)}`
        : input.reason
          ? ` : ${REFUSAL_REASON_LABELS[input.reason].toLowerCase()}`
          : '';
  await tellReferents(db, p, ctx.now, {
    kind: 'proposal.decided',
    title: `${label} — dossier ${formatFileNumber(row.fileNumber)}`,
    body: `${row.landlordName} a enregistré la décision du ${formatDate(input.decidedOn)} pour le logement ${dwellingWords(row.dwelling)} : ${label.toLowerCase()}${detail}.`,
  });
  await audit(db, actor, {
    action: 'vacancy_proposal.decide',
    entityType: 'vacancy_proposal',
    entityId: p.id,
    householdId: p.householdId,
    details: {
      decision: input.decision,
      decisionRank: input.decisionRank,
      reason: input.reason,
      decidedOn: input.decidedOn,
    },
  });
  return presentProposal((await findProposal(db, p.id))!, reader, today);
}
