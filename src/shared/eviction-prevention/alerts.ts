import type { Alert } from '../alerts/rules.ts';
import { addDays } from '../time.ts';
import { formatDate } from '../format.ts';
import type { EvictionStep } from '../contracts/household-enums.ts';
import {
  calculatorSteps,
  IMPAYE_REGIME_SWITCH,
  procedureTimeline,
  type DatedBalance,
  type ProcedureFacts,
  type RecordedStep,
} from './timeline.ts';

/** An open eviction procedure followed by someone, with what its deadlines are computed from. */
export interface EvictionFact {
  procedureId: string;
  householdId: string;
  openedOn: string;
  ownerUserId: string;
  ownerOrganisationId: string;
  facts: ProcedureFacts;
  steps: RecordedStep[];
  balances: DatedBalance[];
}

/** How many days ahead a deadline becomes a task, and how long it stays one after its date. */
export const EVICTION_LEAD_DAYS = 30;
export const EVICTION_GRACE_DAYS = 15;

interface DeadlineTask {
  /** The task's date and the day its window opens. */
  dueOn: string;
  opensOn: string;
  /** The steps whose record makes the task pointless. */
  doneBy: readonly EvictionStep[];
  title: string;
}

/** The deadlines the support worker acts on, as tasks: signalling, commandement, DSF, expulsion and truce. */
function deadlineTasks(f: EvictionFact): Record<string, DeadlineTask> {
  const timeline = procedureTimeline(f.facts, f.steps, f.balances);
  const date = (code: string) => timeline.deadlines.find((d) => d.code === code) ?? null;
  const tasks: Record<string, DeadlineTask> = {};
  const at = (due: string, lead = EVICTION_LEAD_DAYS) => ({ dueOn: due, opensOn: addDays(due, -lead) });
  const signalling = date('signallingDueBy')?.date;
  if (signalling)
    tasks.signalling = {
      ...at(signalling),
      doneBy: ['caf_signal', 'ccapex_referral', 'payment_order', 'summons'],
      title: `Impayé constitué : vérifier son signalement à la CAF ou à la MSA avant le ${formatDate(signalling)}`,
    };
  const commandement = date('commandementDelayEndsOn')?.date;
  if (commandement)
    tasks.commandement = {
      ...at(commandement),
      doneBy: ['summons', 'hearing', 'judgment'],
      title: `Le délai du commandement de payer finit le ${formatDate(commandement)} : aider le ménage à payer, demander le FSL ou un échéancier`,
    };
  const hearing = calculatorSteps(f.steps, f.facts.hearingScheduledOn).hearingOn;
  if (hearing)
    tasks.dsf = {
      // The DSF is asked for when the préfet receives the assignation, 6 weeks before the hearing at least.
      ...at(hearing, 42),
      doneBy: ['hearing', 'judgment'],
      title: `Diagnostic social et financier à faire avant l’audience du ${formatDate(hearing)}`,
    };
  const expulsion = date('earliestExpulsionOn');
  if (expulsion?.date)
    tasks.expulsion = {
      ...at(expulsion.date),
      doneBy: ['eviction_executed'],
      title: expulsion.rule?.includes('L412-6')
        ? `Fin de la trêve hivernale : expulsion possible à partir du ${formatDate(expulsion.date)} (relogement, protocole, délais du juge de l’exécution)`
        : `Expulsion possible à partir du ${formatDate(expulsion.date)} (relogement, protocole, délais du juge de l’exécution)`,
    };
  return tasks;
}

/**
 * The tasks of the open procedures' legal deadlines: each opens ahead of its date, stays until the step
 * that answers it is recorded or a little after its date, and is the follower's. A procedure opened
 * before the 2027 definition of the impayé applies gets one task to re-examine it under the new rule.
 */
export function evictionAlerts(facts: readonly EvictionFact[], today: string): Alert[] {
  return facts.flatMap((f) => {
    const owner = {
      ownerUserId: f.ownerUserId,
      ownerOrganisationId: null,
      householdId: f.householdId,
      sourceId: f.procedureId,
    };
    const recorded = new Set(f.steps.map((s) => s.step));
    const alerts: Alert[] = Object.entries(deadlineTasks(f)).flatMap(([code, t]) =>
      today >= t.opensOn &&
      today <= addDays(t.dueOn, EVICTION_GRACE_DAYS) &&
      !t.doneBy.some((s) => recorded.has(s))
        ? [
            {
              key: `eviction_deadline:${f.procedureId}:${code}:${t.dueOn}`,
              rule: 'eviction_deadline' as const,
              dueOn: t.dueOn,
              title: t.title,
              ...owner,
            },
          ]
        : [],
    );
    if (f.openedOn < IMPAYE_REGIME_SWITCH && today >= IMPAYE_REGIME_SWITCH)
      alerts.push({
        key: `eviction_regime_switch:${f.procedureId}`,
        rule: 'eviction_regime_switch',
        dueOn: IMPAYE_REGIME_SWITCH,
        title: `Réexaminer l’impayé selon la définition en vigueur depuis le ${formatDate(IMPAYE_REGIME_SWITCH)} (dette de plus de 450 € ou impayé depuis 3 mois)`,
        ...owner,
      });
    return alerts;
  });
}
