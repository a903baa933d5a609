import {
  ALLOCATING_DECISIONS,
  COMMISSION_DECISION_LABELS,
  REFUSAL_REASON_LABELS,
  type CommissionDecision,
  type ProposalAnswer,
  type RefusalParty,
  type RefusalReason,
} from '../contracts/designations.ts';
import { formatDate } from '../format.ts';
import { addDays } from '../time.ts';

/**
 * Designation and outcome rules (allocation-rules.md §4.4–4.7), pure: the offer's deadline as the
 * law counts it, the household's answer once the deadline has passed, who refused and why, the
 * checks of a commission's decision, a proposal's state in words.
 */

const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Easter Sunday of a year (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** New Year, Labour Day, 8 May, 14 July, Assumption, All Saints, Armistice, Christmas (code du travail L3133-1). */
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
/** Easter Monday, Ascension, Whit Monday: days after Easter Sunday. */
const EASTER_OFFSETS = [1, 39, 50];
/**
 * Bas-Rhin, Haut-Rhin and Moselle add Good Friday and 26 December (code du travail L3134-13). The
 * law names Good Friday for communes with a Protestant or mixed church; it is counted in the whole
 * of the three départements, where a deadline then ends a day later — the household's side.
 */
const LOCAL_LAW_DEPARTEMENTS = ['57', '67', '68'];

/** A public holiday (L3133-1), with Alsace-Moselle's own two in its three départements (by INSEE code). */
export function isPublicHoliday(day: string, departementCode: string | null = null): boolean {
  if (FIXED_HOLIDAYS.includes(day.slice(5))) return true;
  const easter = easterSunday(Number(day.slice(0, 4)));
  if (EASTER_OFFSETS.some((n) => addDays(easter, n) === day)) return true;
  return (
    departementCode !== null &&
    LOCAL_LAW_DEPARTEMENTS.includes(departementCode) &&
    (day.slice(5) === '12-26' || addDays(easter, -2) === day)
  );
}

/** Neither a Saturday, a Sunday nor a public holiday (of this département, when given). */
export const isWorkingDay = (day: string, departementCode: string | null = null): boolean =>
  weekday(day) !== 0 && weekday(day) !== 6 && !isPublicHoliday(day, departementCode);

/** Where and how long an offer's period runs: the dwelling's département, and a landlord's longer period. */
export interface OfferPeriod {
  departementCode?: string | null;
  minimumDays?: number;
}

/**
 * The last day to answer an offer notified on `notifiedOn` (CCH R441-10: ten days at least), counted
 * as the code de procédure civile counts (art. 641–642): the notification day does not count, the
 * period ends at midnight on its last day, moved to the next working day when that day is a Saturday,
 * a Sunday or a public holiday where the dwelling is.
 */
export function offerDeadline(notifiedOn: string, period: OfferPeriod = {}): string {
  let end = addDays(notifiedOn, period.minimumDays ?? 10);
  while (!isWorkingDay(end, period.departementCode ?? null)) end = addDays(end, 1);
  return end;
}

/** Why a requested answer deadline is refused (before the legal one), null when it may stand. */
export function answerDueError(
  notifiedOn: string,
  answerDue: string,
  departementCode: string | null = null,
): string | null {
  const earliest = offerDeadline(notifiedOn, { departementCode });
  return answerDue < earliest
    ? `Le ménage dispose d’au moins dix jours pour répondre (article R441-10 du CCH) : pas avant le ${formatDate(earliest)}.`
    : null;
}

/** The answer as it stands on `today`: none recorded once the deadline has passed is a refusal (R441-10). */
export function effectiveAnswer(
  answer: ProposalAnswer | null,
  answerDue: string,
  today: string,
): ProposalAnswer | null {
  if (answer) return answer;
  return today > answerDue ? 'silence' : null;
}

/** What the rules read of a proposal. */
export interface ProposalFacts {
  answer: ProposalAnswer | null;
  answerReason: RefusalReason | null;
  answeredOn: string | null;
  answerDue: string;
  decision: CommissionDecision | null;
  decisionRank: number | null;
  decisionReason: RefusalReason | null;
  decidedOn: string | null;
}

export interface Refusal {
  party: RefusalParty;
  reason: RefusalReason;
  on: string;
}

/**
 * Who refused the proposal, why and when (the cool-off rule reads it): the household (its refusal, or
 * its silence — recorded, or on `today` past the deadline), the landlord at instruction, or the
 * commission (non-allocation, rejection). Null when nobody refused.
 */
export function refusalOf(p: Omit<ProposalFacts, 'decisionRank'>, today?: string): Refusal | null {
  const answer = today ? effectiveAnswer(p.answer, p.answerDue, today) : p.answer;
  if (answer === 'refused')
    return { party: 'household', reason: p.answerReason ?? 'other', on: p.answeredOn ?? p.answerDue };
  if (answer === 'silence') return { party: 'household', reason: 'no_answer', on: p.answerDue };
  if (!p.decision || !p.decidedOn || isAllocating(p.decision)) return null;
  return {
    party: p.decision === 'landlord_refusal' ? 'landlord' : 'commission',
    reason: p.decisionReason ?? 'other',
    on: p.decidedOn,
  };
}

export const isAllocating = (decision: CommissionDecision): boolean =>
  ALLOCATING_DECISIONS.includes(decision);

/**
 * Why a vacancy closed on an allocation, in words. By classement, the dwelling goes to the
 * best-ranked household that does not refuse it: which one is not known yet.
 */
export const allocatedVacancyReason = (decision: CommissionDecision, proposedRank: number): string =>
  decision === 'allocation_by_rank'
    ? 'Attribué par classement de la commission'
    : `Attribué au ménage proposé au rang ${proposedRank}`;

/** A proposal with, for an allocation by classement, the answers of those ranked before it. */
export interface HeldProposal extends Omit<ProposalFacts, 'decisionRank'> {
  /** The proposals of the same vacancy allocated by classement at a better rank (empty otherwise). */
  ranksAhead: readonly { answer: ProposalAnswer | null; answerDue: string }[];
}

/**
 * Whether this proposal gives the household its dwelling on `today`: an allocation, or one under
 * condition, that it did not refuse (silence past the deadline is a refusal, R441-10); an allocation
 * by classement only once everyone ranked before it has refused (R441-3, 2°). A household so housed
 * is proposed nowhere else. The condition of an allocation under condition holds it until the
 * landlord records otherwise: its lifting is not recorded here.
 */
export function givesDwelling(p: HeldProposal, today: string): boolean {
  if (!p.decision || !isAllocating(p.decision)) return false;
  const refused = (a: { answer: ProposalAnswer | null; answerDue: string }) => {
    const answer = effectiveAnswer(a.answer, a.answerDue, today);
    return answer === 'refused' || answer === 'silence';
  };
  if (refused(p)) return false;
  return p.decision !== 'allocation_by_rank' || p.ranksAhead.every(refused);
}

/** The decision as the landlord records it. */
export interface DecisionInput {
  decision: CommissionDecision;
  decisionRank: number | null;
  condition: string | null;
  conditionDue: string | null;
  reason: RefusalReason | null;
  decidedOn: string;
}

/** Another proposal of the same vacancy, as far as a decision on this one must know it. */
export interface SiblingDecision {
  rank: number;
  decision: CommissionDecision | null;
  decisionRank: number | null;
}

/**
 * The checks of a decision: `conflict` when it cannot be recorded at all (already recorded, the
 * dwelling already given), `inconsistent` when it contradicts the household's answer, `fields` the
 * input's errors field by field — all in French.
 */
export interface DecisionErrors {
  conflict: string | null;
  inconsistent: string | null;
  fields: Record<string, string>;
}

export function decisionErrors(
  input: DecisionInput,
  proposal: ProposalFacts & { proposedOn: string },
  context: { today: string; siblings: readonly SiblingDecision[] },
): DecisionErrors {
  const out: DecisionErrors = { conflict: null, inconsistent: null, fields: {} };
  if (proposal.decision) {
    out.conflict = `La décision est déjà enregistrée pour ce ménage : ${COMMISSION_DECISION_LABELS[proposal.decision].toLowerCase()}${proposal.decidedOn ? ` le ${formatDate(proposal.decidedOn)}` : ''}.`;
    return out;
  }
  const allocating = isAllocating(input.decision);
  const given = context.siblings.find((s) => s.decision === 'allocation' || s.decision === 'conditional');
  if (allocating && given)
    out.conflict = `Le logement est déjà attribué au ménage proposé au rang ${given.rank}.`;

  const answer = effectiveAnswer(proposal.answer, proposal.answerDue, context.today);
  if (allocating && answer === 'refused')
    out.inconsistent = 'Le ménage a refusé la proposition : le logement ne peut pas lui être attribué.';
  if (allocating && answer === 'silence')
    out.inconsistent =
      'Le ménage n’a pas répondu dans le délai, ce qui vaut refus : le logement ne peut pas lui être attribué.';

  const f = out.fields;
  if (input.decidedOn > context.today) f.decidedOn = 'La décision ne peut pas être datée d’un jour à venir.';
  else if (input.decidedOn < proposal.proposedOn)
    f.decidedOn = `La décision ne peut pas précéder la désignation du ménage, le ${formatDate(proposal.proposedOn)}.`;

  if (input.decision === 'allocation_by_rank') {
    if (input.decisionRank === null || input.decisionRank < 1)
      f.decisionRank = 'Indiquez le rang donné par la commission (1 ou plus).';
    else if (context.siblings.some((s) => s.decisionRank === input.decisionRank))
      f.decisionRank = `Le rang ${input.decisionRank} est déjà donné à un autre ménage pour ce logement.`;
  } else if (input.decisionRank !== null)
    f.decisionRank = 'Un rang ne se donne qu’avec une attribution par classement.';

  if (input.decision === 'conditional') {
    if (!input.condition) f.condition = 'Indiquez la condition suspensive (la pièce ou le fait attendu).';
    if (!input.conditionDue) f.conditionDue = 'Indiquez la date limite pour lever la condition.';
    else if (input.conditionDue <= input.decidedOn)
      f.conditionDue = 'La date limite pour lever la condition suit la date de la décision.';
  } else {
    if (input.condition) f.condition = 'Une condition ne s’indique qu’avec une attribution sous condition.';
    if (input.conditionDue)
      f.conditionDue = 'Une date limite ne s’indique qu’avec une attribution sous condition.';
  }

  if (!allocating && !input.reason) f.reason = 'Indiquez le motif de la décision.';
  if (allocating && input.reason) f.reason = 'Un motif ne s’indique que pour un refus.';
  return out;
}

/** The proposal's state in words, for the landlord, the referents and the household's history. */
export function proposalStateWords(
  p: ProposalFacts & { conditionDue?: string | null },
  today: string,
): string {
  if (p.decision) {
    const on = p.decidedOn ? ` le ${formatDate(p.decidedOn)}` : '';
    const label = COMMISSION_DECISION_LABELS[p.decision];
    if (p.decision === 'allocation_by_rank' && p.decisionRank)
      return `${label} (rang ${p.decisionRank})${on}`;
    if (p.decision === 'conditional' && p.conditionDue)
      return `${label}${on}, condition à lever avant le ${formatDate(p.conditionDue)}`;
    if (!isAllocating(p.decision) && p.decisionReason)
      return `${label}${on} : ${REFUSAL_REASON_LABELS[p.decisionReason].toLowerCase()}`;
    return `${label}${on}`;
  }
  const answer = effectiveAnswer(p.answer, p.answerDue, today);
  switch (answer) {
    case 'accepted':
      return `Acceptée par le ménage${p.answeredOn ? ` le ${formatDate(p.answeredOn)}` : ''}, en attente de la décision de la commission`;
    case 'refused':
      return `Refusée par le ménage${p.answeredOn ? ` le ${formatDate(p.answeredOn)}` : ''}${p.answerReason ? ` : ${REFUSAL_REASON_LABELS[p.answerReason].toLowerCase()}` : ''}`;
    case 'silence':
      return `Sans réponse du ménage au ${formatDate(p.answerDue)} : vaut refus`;
    case null:
      return `En attente de la réponse du ménage, au plus tard le ${formatDate(p.answerDue)}`;
  }
}
