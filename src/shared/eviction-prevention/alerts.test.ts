import { describe, expect, it } from 'vitest';
import { evictionAlerts, type EvictionFact } from './alerts.ts';

/** The worked calendar of eviction-and-aids.md §2.1, followed by u1, before any step but the first. */
const fact = (over: Partial<EvictionFact> = {}): EvictionFact => ({
  procedureId: 'p1',
  householdId: 'h1',
  openedOn: '2026-01-05',
  ownerUserId: 'u1',
  ownerOrganisationId: 'o1',
  facts: {
    leaseSignedOn: '2024-03-01',
    lessorKind: 'legal_person',
    monthlyRentCents: 40_000,
    monthlyChargesCents: 5_000,
    monthlyBenefitCents: 30_000,
    benefitPaidTo: 'landlord',
    hearingScheduledOn: null,
  },
  steps: [{ step: 'first_unpaid_rent', occurredOn: '2026-01-05' }],
  balances: [
    { on: '2026-01-05', amountCents: 15_000 },
    { on: '2026-02-05', amountCents: 30_000 },
  ],
  ...over,
});
const keys = (facts: EvictionFact[], today: string) => evictionAlerts(facts, today).map((a) => a.key);

describe('the tasks of an eviction procedure’s deadlines', () => {
  it('open the signalling 30 days before it is due, for the follower, and keep it 15 days past', () => {
    expect(keys([fact()], '2026-03-05')).toEqual([]);
    expect(keys([fact()], '2026-03-06')).toEqual(['eviction_deadline:p1:signalling:2026-04-05']);
    const [task] = evictionAlerts([fact()], '2026-04-20');
    expect(task).toMatchObject({
      ownerUserId: 'u1',
      householdId: 'h1',
      dueOn: '2026-04-05',
      rule: 'eviction_deadline',
    });
    expect(task?.title).toMatch(/signalement à la CAF.*05\/04\/2026/);
    expect(keys([fact()], '2026-04-21')).toEqual([]);
  });

  it('close the signalling once the CAF signal is recorded, and follow the commandement’s delay', () => {
    const steps = [
      { step: 'first_unpaid_rent', occurredOn: '2026-01-05' },
      { step: 'payment_order', occurredOn: '2026-02-10' },
      { step: 'caf_signal', occurredOn: '2026-02-15' },
    ] as const;
    expect(keys([fact({ steps: [...steps] })], '2026-03-10')).toEqual([
      'eviction_deadline:p1:commandement:2026-03-24',
    ]);
    const summoned = [...steps, { step: 'summons', occurredOn: '2026-04-15' } as const];
    expect(keys([fact({ steps: summoned })], '2026-03-10')).toEqual([]);
  });

  it('ask for the DSF from six weeks before the hearing until it is held', () => {
    const f = fact({ facts: { ...fact().facts, hearingScheduledOn: '2026-09-15' }, balances: [] });
    expect(keys([f], '2026-08-03')).toEqual([]);
    expect(keys([f], '2026-08-04')).toEqual(['eviction_deadline:p1:dsf:2026-09-15']);
    const held = fact({ ...f, steps: [...f.steps, { step: 'hearing', occurredOn: '2026-09-15' }] });
    expect(keys([held], '2026-09-16')).toEqual([]);
  });

  it('warn of the winter truce’s end when the order to leave’s two months fall in it', () => {
    const f = fact({ steps: [{ step: 'order_to_leave', occurredOn: '2026-10-10' }], balances: [] });
    const [task] = evictionAlerts([f], '2027-03-05');
    expect(task?.key).toBe('eviction_deadline:p1:expulsion:2027-04-01');
    expect(task?.title).toMatch(/trêve hivernale/);
    expect(keys([f], '2027-03-01')).not.toContain('eviction_deadline:p1:expulsion:2027-04-01');
  });

  it('ask once to re-examine a procedure opened before 2027 under the new impayé rule', () => {
    const f = fact({ balances: [] });
    expect(keys([f], '2026-12-31')).toEqual([]);
    expect(keys([f], '2027-01-01')).toEqual(['eviction_regime_switch:p1']);
    expect(keys([fact({ openedOn: '2027-01-02', balances: [] })], '2027-01-05')).toEqual([]);
  });

  it('raise nothing while the deadlines cannot be computed', () => {
    expect(keys([fact({ facts: { ...fact().facts, leaseSignedOn: null } })], '2026-04-01')).toEqual([]);
  });
});
