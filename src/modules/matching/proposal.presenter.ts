import {
  mayAnswerProposal,
  mayDecideProposal,
  type ProposalReader,
} from '../../shared/access/designation-policy.ts';
import {
  REFUSAL_PARTY_LABELS,
  REFUSAL_REASON_LABELS,
  type THouseholdProposals,
  type TProposal,
} from '../../shared/contracts/designations.ts';
import { ZCandidateExplanation } from '../../shared/contracts/matching.ts';
import { effectiveAnswer, proposalStateWords, refusalOf } from '../../shared/designations/rules.ts';
import { formatDate } from '../../shared/format.ts';
import type { ListedProposal } from './proposals.repository.ts';

/**
 * A proposal as its reader sees it. The ranking's explanation (the household's figures compared) and
 * the referent's note on the household's answer are for the household's referents; the landlord
 * reads the proposal as the CAL file names it, with the answer and its reason.
 */
export function presentProposal(r: ListedProposal, reader: ProposalReader, today: string): TProposal {
  const p = r.proposal;
  const open = p.decision === null;
  return {
    id: p.id,
    vacancyId: p.vacancyId,
    householdId: p.householdId,
    name: r.name ?? 'Ménage sans membre',
    rank: p.rank,
    occupancy: p.occupancy,
    poolOrganisationName: r.poolOrganisationName,
    designatedOn: r.designatedOn,
    notifiedOn: p.notifiedOn,
    answerDue: p.answerDue,
    answer: p.answer,
    answerReason: p.answerReason,
    answerNote: reader === 'referent' ? p.answerNote : null,
    answeredOn: p.answeredOn,
    decision: p.decision,
    decisionRank: p.decisionRank,
    condition: p.decisionCondition,
    conditionDue: p.conditionDue,
    decisionReason: p.decisionReason,
    decisionNote: p.decisionNote,
    decidedOn: p.decidedOn,
    state: proposalStateWords(p, today),
    explanation: reader === 'referent' ? ZCandidateExplanation.parse(p.explanation) : null,
    canAnswer: mayAnswerProposal(reader) && open && effectiveAnswer(p.answer, p.answerDue, today) === null,
    canDecide: mayDecideProposal(reader) && open,
  };
}

/** The household's history: each dwelling, its landlord, and who refused it, why and when. */
export function presentHouseholdProposal(
  r: ListedProposal,
  today: string,
): THouseholdProposals['items'][number] {
  const refusal = refusalOf(r.proposal, today);
  return {
    ...presentProposal(r, 'referent', today),
    dwelling: r.dwelling,
    landlordName: r.landlordName,
    refusal: refusal
      ? `${REFUSAL_PARTY_LABELS[refusal.party]} le ${formatDate(refusal.on)} : ${REFUSAL_REASON_LABELS[refusal.reason].toLowerCase()}`
      : null,
  };
}
