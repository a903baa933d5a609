import {
  DEADLINE_LABELS,
  EVICTION_RULES,
  PROCEDURE_STAGES,
  STAGE_GUIDANCE,
  evictionTimeline,
  ruleOn,
  type ProcedureStage,
} from '../calculators/eviction-timeline.ts';
import { DEADLINE_CODES, type DeadlineCode, type ProcedureStep } from '../contracts/calculators.ts';
import type { EvictionStep } from '../contracts/household-enums.ts';
import type { BenefitPayee } from '../contracts/eviction-prevention.ts';
import type { LessorKind } from '../contracts/housing-stock.ts';

/**
 * A household's eviction procedure as the public calculator sees it: its recorded steps, the lease and
 * rent facts the support worker gave, the debt's balances — turned into the calculator's input, so the
 * file's deadlines are the public calculator's, to the day.
 */
export interface ProcedureFacts {
  leaseSignedOn: string | null;
  lessorKind: LessorKind | null;
  monthlyRentCents: number | null;
  monthlyChargesCents: number | null;
  monthlyBenefitCents: number | null;
  benefitPaidTo: BenefitPayee;
  hearingScheduledOn: string | null;
}

export interface RecordedStep {
  step: EvictionStep;
  occurredOn: string;
}

export interface DatedBalance {
  on: string;
  amountCents: number;
}

/** The record's step that gives each of the calculator's steps (its latest occurrence: the one running). */
const CALCULATOR_STEP: Partial<Record<EvictionStep, ProcedureStep>> = {
  caf_signal: 'cafSignalledOn',
  ccapex_referral: 'ccapexReferredOn',
  payment_order: 'commandementServedOn',
  summons: 'assignationServedOn',
  hearing: 'hearingOn',
  order_to_leave: 'cqlServedOn',
  police_assistance_request: 'cfpRequestedOn',
};

export interface ProcedureDeadline {
  code: DeadlineCode;
  label: string;
  date: string | null;
  rule: string | null;
}

export type ProcedureTimeline =
  | { ok: true; deadlines: ProcedureDeadline[] }
  | { ok: false; problem: string; deadlines: ProcedureDeadline[] };

const euros = (cents: number | null) => (cents ?? 0) / 100;
const none = (): ProcedureDeadline[] =>
  DEADLINE_CODES.map((code) => ({ code, label: DEADLINE_LABELS[code], date: null, rule: null }));

/** The steps the calculator reads, from the record (a hearing still ahead comes from the facts). */
export function calculatorSteps(
  steps: readonly RecordedStep[],
  hearingScheduledOn: string | null,
): Partial<Record<ProcedureStep, string>> {
  const out: Partial<Record<ProcedureStep, string>> = {};
  for (const s of steps) {
    const key = CALCULATOR_STEP[s.step];
    if (key && (!out[key] || s.occurredOn > out[key])) out[key] = s.occurredOn;
  }
  if (!out.hearingOn && hearingScheduledOn) out.hearingOn = hearingScheduledOn;
  return out;
}

/**
 * The procedure's deadlines. Without the lease's date and the lessor's kind none can be computed;
 * without the rent, the impayé and its signalling stay unknown (a null rent is not a zero rent).
 */
export function procedureTimeline(
  facts: ProcedureFacts,
  steps: readonly RecordedStep[],
  balances: readonly DatedBalance[],
): ProcedureTimeline {
  if (!facts.leaseSignedOn || !facts.lessorKind)
    return {
      ok: false,
      problem: 'Indiquez la date de signature du bail et le type de bailleur pour calculer les délais.',
      deadlines: none(),
    };
  const rentKnown = facts.monthlyRentCents !== null;
  const outcome = evictionTimeline({
    lease: { signedOn: facts.leaseSignedOn, landlord: facts.lessorKind },
    rent: {
      monthlyRent: euros(facts.monthlyRentCents),
      monthlyCharges: euros(facts.monthlyChargesCents),
      monthlyHousingBenefit: euros(facts.monthlyBenefitCents),
      benefitPaidTo: facts.benefitPaidTo,
    },
    balances: rentKnown
      ? [...balances]
          .sort((a, b) => a.on.localeCompare(b.on))
          .map((b) => ({ on: b.on, amount: euros(b.amountCents) }))
      : [],
    steps: calculatorSteps(steps, facts.hearingScheduledOn),
  });
  if (!outcome.ok) return { ok: false, problem: Object.values(outcome.fields).join(' '), deadlines: none() };
  return {
    ok: true,
    deadlines: DEADLINE_CODES.map((code) => {
      const d = outcome.result.deadlines[code];
      return { code, label: DEADLINE_LABELS[code], date: d?.date ?? null, rule: d?.rule ?? null };
    }),
  };
}

/** The record's steps that show a stage reached (the impayé also by its computed date). */
const STAGE_STEPS: Record<ProcedureStage, readonly EvictionStep[]> = {
  first_unpaid: ['first_unpaid_rent'],
  impaye: ['caf_signal'],
  ccapex: ['ccapex_referral'],
  commandement: ['payment_order'],
  assignation: ['summons'],
  dsf: ['summons'],
  hearing: ['hearing', 'judgment'],
  cql: ['order_to_leave'],
  cfp: ['police_assistance_request', 'police_assistance_granted'],
  winter_truce: [],
  expulsion: ['eviction_executed'],
};

export interface StageView {
  stage: ProcedureStage;
  label: string;
  actions: string;
  reached: boolean;
  current: boolean;
}

/** A day in the winter truce, as the rules in force that day define it. */
export function inWinterTruce(day: string): boolean {
  const truce = ruleOn(EVICTION_RULES.winterTruce, day);
  const monthDay = day.slice(5);
  return monthDay >= truce.first || monthDay <= truce.last;
}

/**
 * Every stage of the procedure with what the support worker can do then; the stages reached by the
 * record (or, for the impayé, by its computed date), the latest of them marked current. The winter
 * truce is a stage only once the commandement de quitter les lieux is served and while it runs.
 */
export function procedureStages(
  steps: readonly RecordedStep[],
  balances: readonly DatedBalance[],
  deadlines: readonly ProcedureDeadline[],
  today: string,
): StageView[] {
  const recorded = new Set(steps.map((s) => s.step));
  const impaye = deadlines.find((d) => d.code === 'impayeConstitutedOn')?.date ?? null;
  const reached = (stage: ProcedureStage): boolean => {
    if (STAGE_STEPS[stage].some((s) => recorded.has(s))) return true;
    if (stage === 'first_unpaid') return balances.some((b) => b.amountCents > 0);
    if (stage === 'impaye') return impaye !== null && impaye <= today;
    if (stage === 'winter_truce') return recorded.has('order_to_leave') && inWinterTruce(today);
    return false;
  };
  const flags = PROCEDURE_STAGES.map(reached);
  const current = flags.lastIndexOf(true);
  return PROCEDURE_STAGES.map((stage, i) => ({
    stage,
    ...STAGE_GUIDANCE[stage],
    reached: flags[i]!,
    current: i === current,
  }));
}

/** The day the 2027 definition of the impayé applies from (the last change of the rule). */
export const IMPAYE_REGIME_SWITCH = EVICTION_RULES.impaye[EVICTION_RULES.impaye.length - 1]!.from;
