import { describe, expect, it } from 'vitest';
import {
  calculatorSteps,
  inWinterTruce,
  procedureStages,
  procedureTimeline,
  type ProcedureFacts,
} from './timeline.ts';

/** The worked calendar of eviction-and-aids.md §2.1: an HLM lease of 2024, net rent + charges 150 €. */
const facts: ProcedureFacts = {
  leaseSignedOn: '2024-03-01',
  lessorKind: 'legal_person',
  monthlyRentCents: 40_000,
  monthlyChargesCents: 5_000,
  monthlyBenefitCents: 30_000,
  benefitPaidTo: 'landlord',
  hearingScheduledOn: '2026-05-27',
};
const balances = [
  { on: '2026-01-05', amountCents: 15_000 },
  { on: '2026-02-05', amountCents: 30_000 },
];
const steps = [
  { step: 'first_unpaid_rent', occurredOn: '2026-01-05' },
  { step: 'payment_order', occurredOn: '2026-02-10' },
  { step: 'caf_signal', occurredOn: '2026-02-15' },
  { step: 'summons', occurredOn: '2026-04-15' },
] as const;

const dates = (t: ReturnType<typeof procedureTimeline>) =>
  Object.fromEntries(t.deadlines.map((d) => [d.code, d.date]));

describe('a procedure record’s deadlines', () => {
  it('are the public calculator’s on the worked calendar of §2.1', () => {
    const t = procedureTimeline(facts, steps, balances);
    expect(t.ok).toBe(true);
    expect(dates(t)).toEqual({
      impayeConstitutedOn: '2026-02-05',
      signallingDueBy: '2026-04-05',
      commandementDelayEndsOn: '2026-03-24',
      earliestAssignationOn: '2026-04-15',
      prefetNoticeLatestOn: '2026-04-15',
      earliestExpulsionOn: null,
      cfpImplicitRefusalOn: null,
    });
    expect(t.deadlines.find((d) => d.code === 'signallingDueBy')?.rule).toMatch(/R824/);
  });

  it('cannot be computed without the lease’s date or the lessor’s kind, and says why in French', () => {
    const t = procedureTimeline({ ...facts, leaseSignedOn: null }, steps, balances);
    expect(t.ok).toBe(false);
    expect(t.ok ? '' : t.problem).toMatch(/date de signature du bail/);
    expect(t.deadlines.every((d) => d.date === null)).toBe(true);
  });

  it('leave the impayé unknown when the rent is unknown, and still count the commandement’s delay', () => {
    const d = dates(procedureTimeline({ ...facts, monthlyRentCents: null }, steps, balances));
    expect(d.impayeConstitutedOn).toBeNull();
    expect(d.signallingDueBy).toBeNull();
    expect(d.commandementDelayEndsOn).toBe('2026-03-24');
  });

  it('take the 2-month delay for a lease signed before 29 July 2023', () => {
    const d = dates(procedureTimeline({ ...facts, leaseSignedOn: '2023-07-28' }, steps, balances));
    expect(d.commandementDelayEndsOn).toBe('2026-04-10');
  });

  it('report inconsistent dates of the record as a problem, not as dates', () => {
    const t = procedureTimeline(facts, [...steps, { step: 'hearing', occurredOn: '2026-04-01' }], balances);
    expect(t.ok).toBe(false);
    expect(t.ok ? '' : t.problem).toMatch(/Audience/);
  });
});

describe('the calculator’s steps from the record', () => {
  it('take each step’s latest occurrence, and the scheduled hearing until one is recorded', () => {
    const s = calculatorSteps(
      [
        { step: 'payment_order', occurredOn: '2026-02-10' },
        { step: 'payment_order', occurredOn: '2026-06-02' },
        { step: 'first_unpaid_rent', occurredOn: '2026-01-05' },
      ],
      '2026-09-01',
    );
    expect(s).toEqual({ commandementServedOn: '2026-06-02', hearingOn: '2026-09-01' });
    expect(calculatorSteps([{ step: 'hearing', occurredOn: '2026-08-30' }], '2026-09-01').hearingOn).toBe(
      '2026-08-30',
    );
  });
});

describe('the stages of the procedure', () => {
  it('mark what is reached by the record, the impayé by its date, and the latest as current', () => {
    const t = procedureTimeline(facts, steps, balances);
    const stages = procedureStages(steps, balances, t.deadlines, '2026-04-20');
    const reached = stages.filter((s) => s.reached).map((s) => s.stage);
    expect(reached).toEqual(['first_unpaid', 'impaye', 'commandement', 'assignation', 'dsf']);
    expect(stages.filter((s) => s.current).map((s) => s.stage)).toEqual(['dsf']);
    expect(stages.every((s) => s.actions.length > 20)).toBe(true);
  });

  it('show the winter truce only once the order to leave is served, and while it runs', () => {
    const cql = [...steps, { step: 'order_to_leave', occurredOn: '2026-10-01' }] as const;
    const truce = (today: string) =>
      procedureStages(cql, balances, procedureTimeline(facts, cql, balances).deadlines, today).find(
        (s) => s.stage === 'winter_truce',
      )?.reached;
    expect(truce('2026-10-31')).toBe(false);
    expect(truce('2026-11-01')).toBe(true);
    expect(truce('2027-03-31')).toBe(true);
    expect(truce('2027-04-01')).toBe(false);
    expect(inWinterTruce('2028-02-29')).toBe(true);
  });
});
