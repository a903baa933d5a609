/**
 * The alerts of a household's financial aids (issue 11 point 8): an aid still waiting for its
 * funder's decision after the organisation's delay, and a loan whose repayment is missed. Pure, as
 * the other rules: the alerts module loads the facts, these functions decide, the tasks module
 * reconciles (a task closes when its rule no longer wants it: the decision recorded, the
 * repayment caught up).
 */
import type { Alert, SettingsOf } from './rules.ts';
import {
  AID_KIND_LABELS,
  type AidKind,
  type AidStatus,
  type TRepaymentSchedule,
} from '../contracts/housing-aids.ts';
import { DEFAULT_ALERT_SETTINGS } from '../contracts/alerts.ts';
import { formatCents, formatDate } from '../format.ts';
import { loanStatus } from '../housing-aids/loans.ts';
import { addDays } from '../time.ts';

/** An aid as the rules read it. */
export interface AidFact {
  id: string;
  householdId: string;
  kind: AidKind;
  funderName: string;
  status: AidStatus;
  requestedOn: string;
  /** The worker who asked for it, and their organisation (whose delays apply). */
  requestedByUserId: string | null;
  requestedByOrganisationId: string | null;
  /** A loan's schedule (null for a grant, a guarantee, or a loan without one). */
  repaymentSchedule: TRepaymentSchedule | null;
  /** What was paid out (lent, for a loan) and repaid so far. */
  amountPaidCents: number;
  repaidCents: number;
}

/** The worker who asked, else their organisation; null when the aid names neither. */
const owner = (a: AidFact) =>
  a.requestedByUserId
    ? { ownerUserId: a.requestedByUserId, ownerOrganisationId: null }
    : a.requestedByOrganisationId
      ? { ownerUserId: null, ownerOrganisationId: a.requestedByOrganisationId }
      : null;

const aidInWords = (a: AidFact) => `${AID_KIND_LABELS[a.kind]} (${a.funderName})`;

/**
 * An aid requested and still without a decision after the requesting organisation's number of days
 * (default 60): relaunch the funder. One key per aid; the decision recorded closes it.
 */
export function aidUndecidedAlerts(aids: AidFact[], today: string, settings: SettingsOf): Alert[] {
  return aids.flatMap((a) => {
    const who = owner(a);
    if (a.status !== 'requested' || !who) return [];
    const limit = (
      a.requestedByOrganisationId ? settings(a.requestedByOrganisationId) : DEFAULT_ALERT_SETTINGS
    ).aidDecisionDays;
    const dueOn = addDays(a.requestedOn, limit);
    if (today < dueOn) return [];
    return [
      {
        key: `aid_undecided:${a.id}`,
        rule: 'aid_undecided' as const,
        householdId: a.householdId,
        sourceId: a.id,
        ...who,
        dueOn,
        title: `${aidInWords(a)} demandée le ${formatDate(a.requestedOn)} toujours sans décision : relancer le financeur`,
      },
    ];
  });
}

/**
 * A loan paid out whose earliest instalment not covered by the repayments is past its due day:
 * see with the household (a new schedule, an aid). One key per loan and missed instalment, so a
 * repayment that catches it up closes the task, and a later miss opens another.
 */
export function loanRepaymentMissedAlerts(aids: AidFact[], today: string): Alert[] {
  return aids.flatMap((a) => {
    const who = owner(a);
    if (a.status !== 'paid' || !a.repaymentSchedule || !who) return [];
    const instalments = loanStatus(a.repaymentSchedule, a.amountPaidCents, a.repaidCents, today);
    const missed = instalments.find((i) => i.status === 'missed');
    if (!missed) return [];
    const late = instalments.filter((i) => i.status === 'missed').reduce((s, i) => s + i.shortfallCents, 0);
    return [
      {
        key: `aid_repayment_missed:${a.id}:${missed.dueOn}`,
        rule: 'aid_repayment_missed' as const,
        householdId: a.householdId,
        sourceId: a.id,
        ...who,
        dueOn: missed.dueOn,
        title: `Prêt ${aidInWords(a)} : échéance du ${formatDate(missed.dueOn)} non remboursée (${formatCents(late)} en retard) — voir avec le ménage`,
      },
    ];
  });
}
