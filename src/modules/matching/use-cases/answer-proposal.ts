import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, type FieldErrors } from '../../../kernel/errors.ts';
import { mayAnswerProposal } from '../../../shared/access/designation-policy.ts';
import {
  PROPOSAL_ANSWER_LABELS,
  REFUSAL_REASON_LABELS,
  type TProposal,
  type ZProposalAnswerCreate,
} from '../../../shared/contracts/designations.ts';
import { proposalStateWords } from '../../../shared/designations/rules.ts';
import { formatDate } from '../../../shared/format.ts';
import { parisDate } from '../../../shared/time.ts';
import { readableProposal } from '../proposal-access.ts';
import { dwellingWords, tellLandlord } from '../proposal-notices.ts';
import { presentProposal } from '../proposal.presenter.ts';
import { findProposal, updateProposal } from '../proposals.repository.ts';

/**
 * A social worker of the household's parties records its answer to the offer: once, before the
 * commission's decision, dated within the period (after it, the silence was already a refusal,
 * R441-10). A refusal carries its reason. The landlord's staff are told.
 */
export async function answerProposal(
  ctx: Context,
  proposalId: string,
  input: z.output<typeof ZProposalAnswerCreate>,
): Promise<TProposal> {
  const { db, actor } = ctx;
  const today = parisDate(ctx.now);
  const { row, reader } = await readableProposal(ctx, proposalId, { lock: true });
  if (!mayAnswerProposal(reader))
    throw forbidden('La réponse du ménage est enregistrée par les travailleurs sociaux qui l’accompagnent.');
  const p = row.proposal;
  if (p.answer)
    throw new AppError(
      'INVALID_STATE',
      `La réponse du ménage est déjà enregistrée : ${proposalStateWords(p, today).toLowerCase()}.`,
    );
  if (p.decision)
    throw new AppError(
      'INVALID_STATE',
      'La décision sur cette proposition est enregistrée : la réponse du ménage ne peut plus l’être.',
    );

  const errors: FieldErrors = {};
  if (input.answer === 'refused' && !input.reason) errors.reason = 'Indiquez le motif du refus.';
  else if (input.answer === 'accepted' && input.reason)
    errors.reason = 'Un motif ne s’indique qu’avec un refus.';
  else if (input.reason === 'no_answer')
    errors.reason =
      'Ce motif est celui d’une absence de réponse dans le délai : choisissez le motif donné par le ménage.';
  if (input.answeredOn > today) errors.answeredOn = 'La réponse ne peut pas être datée d’un jour à venir.';
  else if (input.answeredOn < p.notifiedOn)
    errors.answeredOn = `La réponse ne peut pas précéder la proposition, notifiée le ${formatDate(p.notifiedOn)}.`;
  else if (input.answeredOn > p.answerDue)
    errors.answeredOn = `Le délai de réponse a pris fin le ${formatDate(p.answerDue)} : sans réponse à cette date, le silence vaut refus.`;
  if (Object.keys(errors).length > 0) throw invalid(errors);

  await updateProposal(db, p.id, {
    answer: input.answer,
    answerReason: input.reason,
    answerNote: input.note,
    answeredOn: input.answeredOn,
    answerRecordedByUserId: actor.userId,
    updatedAt: ctx.now,
  });
  await tellLandlord(
    db,
    { id: p.vacancyId, landlordOrganisationId: row.vacancy.landlordOrganisationId },
    {
      kind: 'proposal.answered',
      title: `Réponse du candidat de rang ${p.rank} pour le logement ${dwellingWords(row.dwelling)}`,
      body: `${PROPOSAL_ANSWER_LABELS[input.answer]} le ${formatDate(input.answeredOn)}${input.reason ? ` (${REFUSAL_REASON_LABELS[input.reason].toLowerCase()})` : ''}. Ménage proposé par ${row.poolOrganisationName}.`,
    },
  );
  await audit(db, actor, {
    action: 'vacancy_proposal.answer',
    entityType: 'vacancy_proposal',
    entityId: p.id,
    householdId: p.householdId,
    details: { answer: input.answer, reason: input.reason, answeredOn: input.answeredOn },
  });
  return presentProposal((await findProposal(db, p.id))!, reader, today);
}
