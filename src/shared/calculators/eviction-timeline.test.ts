import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ZEvictionTimelineInput,
  type TEvictionTimelineInput,
  type TEvictionTimelineRequest,
} from '../contracts/calculators.ts';
import { addMonths } from '../measures/scheme-rules.ts';
import { addDays } from '../time.ts';
import { checkEvictionTimeline, EVICTION_RULES, evictionTimeline, ruleOn } from './eviction-timeline.ts';

type Overrides = {
  lease?: Partial<TEvictionTimelineInput['lease']>;
  rent?: Partial<TEvictionTimelineInput['rent']>;
  balances?: TEvictionTimelineInput['balances'];
  steps?: TEvictionTimelineInput['steps'];
};

/** A lease of 2024 with a legal-person landlord, 420 € + 80 € with no aid, and no debt. */
function request(o: Overrides = {}): TEvictionTimelineRequest {
  return ZEvictionTimelineInput.parse({
    lease: { signedOn: '2024-03-01', landlord: 'legal_person', ...o.lease },
    rent: { monthlyRent: 420, monthlyCharges: 80, benefitPaidTo: 'none', ...o.rent },
    balances: o.balances ?? [],
    steps: o.steps ?? {},
  });
}

function deadlines(o: Overrides = {}) {
  const outcome = evictionTimeline(request(o));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fields));
  return outcome.result.deadlines;
}

const dateOf = (o: Overrides, code: keyof ReturnType<typeof deadlines>) => deadlines(o)[code]?.date ?? null;

describe('the worked calendar of eviction-and-aids.md §2.1', () => {
  it('gives every date of the HLM lease of 2024 with the aid paid to the landlord', () => {
    const d = deadlines({
      rent: { monthlyRent: 420, monthlyCharges: 80, monthlyHousingBenefit: 350, benefitPaidTo: 'landlord' },
      balances: [
        { on: '2026-01-05', amount: 150 },
        { on: '2026-02-05', amount: 300 },
      ],
      steps: {
        cafSignalledOn: '2026-02-15',
        commandementServedOn: '2026-02-10',
        assignationServedOn: '2026-04-15',
        hearingOn: '2026-05-27',
      },
    });
    expect(d).toEqual({
      impayeConstitutedOn: { date: '2026-02-05', rule: 'CCH R824-1' },
      signallingDueBy: { date: '2026-04-05', rule: 'CCH R824-4' },
      commandementDelayEndsOn: { date: '2026-03-24', rule: 'loi n° 89-462 art. 24 I (loi n° 2023-668)' },
      earliestAssignationOn: { date: '2026-04-15', rule: 'loi n° 89-462 art. 24 II' },
      prefetNoticeLatestOn: { date: '2026-04-15', rule: 'loi n° 89-462 art. 24 III (loi n° 2023-668)' },
      earliestExpulsionOn: null,
      cfpImplicitRefusalOn: null,
    });
  });
});

describe('impayé constituted until 31 December 2026 (R824-1)', () => {
  const debt = (amount: number, benefitPaidTo: 'landlord' | 'tenant' | 'none') =>
    dateOf(
      {
        rent: { monthlyRent: 420, monthlyCharges: 80, monthlyHousingBenefit: 250, benefitPaidTo },
        balances: [
          { on: '2026-01-05', amount: 100 },
          { on: '2026-03-05', amount },
        ],
      },
      'impayeConstitutedOn',
    );

  it('counts twice the rent and charges, aid deducted only when it is paid to the landlord', () => {
    // Below the threshold the debt reaches no day of 2026: the 2027 rule takes it on 1 January.
    expect(debt(500, 'landlord')).toBe('2026-03-05'); // 2 × (420 + 80 − 250)
    expect(debt(499.99, 'landlord')).toBe('2027-01-01');
    expect(debt(1000, 'tenant')).toBe('2026-03-05'); // 2 × (420 + 80)
    expect(debt(999.99, 'tenant')).toBe('2027-01-01');
    expect(debt(1000, 'none')).toBe('2026-03-05');
    expect(debt(999.99, 'none')).toBe('2027-01-01');
  });

  it('holds on the first balance date when the first debt already reaches it', () => {
    expect(dateOf({ balances: [{ on: '2026-06-01', amount: 1000 }] }, 'impayeConstitutedOn')).toBe(
      '2026-06-01',
    );
  });

  it('is null without balances, and signalling with it', () => {
    const d = deadlines();
    expect(d.impayeConstitutedOn).toBeNull();
    expect(d.signallingDueBy).toBeNull();
  });
});

describe('impayé constituted from 1 January 2027 (décret n° 2026-84)', () => {
  const rule2027 = 'CCH R824-1 (décret n° 2026-84)';

  it('holds the day the debt exceeds 450 €, not at 450 €', () => {
    expect(deadlines({ balances: [{ on: '2027-02-01', amount: 450.01 }] }).impayeConstitutedOn).toEqual({
      date: '2027-02-01',
      rule: rule2027,
    });
    expect(dateOf({ balances: [{ on: '2027-02-01', amount: 450 }] }, 'impayeConstitutedOn')).toBe(
      '2027-05-01',
    );
  });

  it('holds 3 months after a first default while the debt stays, whatever its amount', () => {
    expect(dateOf({ balances: [{ on: '2027-01-10', amount: 0.01 }] }, 'impayeConstitutedOn')).toBe(
      '2027-04-10',
    );
    // 30 November + 3 months: the end of February, 29 days in 2028.
    expect(dateOf({ balances: [{ on: '2027-11-30', amount: 20 }] }, 'impayeConstitutedOn')).toBe(
      '2028-02-29',
    );
  });

  it('starts the 3 months again when the debt was paid off, or turned into a credit, meanwhile', () => {
    const paidOff = [
      { on: '2027-01-10', amount: 100 },
      { on: '2027-03-01', amount: 0 },
      { on: '2027-03-05', amount: 100 },
    ];
    expect(dateOf({ balances: paidOff }, 'impayeConstitutedOn')).toBe('2027-06-05');
    const credit = [
      { on: '2027-01-10', amount: 100 },
      { on: '2027-03-01', amount: -20 },
      { on: '2027-03-05', amount: 100 },
    ];
    expect(dateOf({ balances: credit }, 'impayeConstitutedOn')).toBe('2027-06-05');
    // A debt that changes but stays > 0 keeps its first default.
    const changing = [
      { on: '2027-01-10', amount: 100 },
      { on: '2027-02-01', amount: 30 },
      { on: '2027-03-05', amount: 200 },
    ];
    expect(dateOf({ balances: changing }, 'impayeConstitutedOn')).toBe('2027-04-10');
  });

  it('never holds for a debt paid off before its 3 months', () => {
    const balances = [
      { on: '2027-01-10', amount: 100 },
      { on: '2027-04-09', amount: 0 },
    ];
    expect(deadlines({ balances }).impayeConstitutedOn).toBeNull();
  });
});

describe('impayé crossing from 2026 into 2027', () => {
  it('counts a default of 2026 for the 3 months of 2027', () => {
    // 200 € is below 2 × 500 € in 2026; in 2027 the default of 15 October reaches its 3 months.
    expect(deadlines({ balances: [{ on: '2026-10-15', amount: 200 }] }).impayeConstitutedOn).toEqual({
      date: '2027-01-15',
      rule: 'CCH R824-1 (décret n° 2026-84)',
    });
    // A default older than 3 months on 1 January 2027 makes it that day.
    expect(dateOf({ balances: [{ on: '2026-09-01', amount: 200 }] }, 'impayeConstitutedOn')).toBe(
      '2027-01-01',
    );
  });

  it('switches on 1 January 2027 for a debt above 450 € below the old threshold', () => {
    expect(dateOf({ balances: [{ on: '2026-12-31', amount: 500 }] }, 'impayeConstitutedOn')).toBe(
      '2027-01-01',
    );
  });

  it('keeps the 2026 rule on 31 December 2026', () => {
    expect(deadlines({ balances: [{ on: '2026-12-31', amount: 1000 }] })).toMatchObject({
      impayeConstitutedOn: { date: '2026-12-31', rule: 'CCH R824-1' },
      signallingDueBy: { date: '2027-02-28', rule: 'CCH R824-4' },
    });
  });

  it('uses the rule in force on each later day when the debt appears after the first entry', () => {
    const balances = [
      { on: '2026-05-01', amount: 0 },
      { on: '2026-12-20', amount: 300 },
    ];
    expect(dateOf({ balances }, 'impayeConstitutedOn')).toBe('2027-03-20');
  });
});

describe('commandement de payer (loi n° 89-462 art. 24 I)', () => {
  const ends = (signedOn: string, commandementServedOn: string) =>
    deadlines({ lease: { signedOn }, steps: { commandementServedOn } }).commandementDelayEndsOn;

  it('gives 2 months to a lease signed before 29 July 2023, 42 days from that day', () => {
    expect(ends('2023-07-28', '2026-02-10')).toEqual({ date: '2026-04-10', rule: 'loi n° 89-462 art. 24 I' });
    expect(ends('2023-07-29', '2026-02-10')).toEqual({
      date: '2026-03-24',
      rule: 'loi n° 89-462 art. 24 I (loi n° 2023-668)',
    });
  });

  it('counts months to the end of a shorter month, leap years included', () => {
    expect(ends('2020-01-01', '2025-12-31')?.date).toBe('2026-02-28');
    expect(ends('2020-01-01', '2027-12-31')?.date).toBe('2028-02-29');
    expect(ends('2020-01-01', '2026-08-31')?.date).toBe('2026-10-31');
  });

  it('is null without a commandement', () => {
    expect(deadlines().commandementDelayEndsOn).toBeNull();
  });
});

describe('earliest assignation', () => {
  const steps = { commandementServedOn: '2026-02-10' };

  it('is the end of the commandement delay for a natural-person landlord', () => {
    expect(deadlines({ lease: { landlord: 'natural_person' }, steps }).earliestAssignationOn).toEqual({
      date: '2026-03-24',
      rule: 'loi n° 89-462 art. 24 I (loi n° 2023-668)',
    });
  });

  it('waits 2 months after the earlier of the CCAPEX referral and the CAF signal for a legal person', () => {
    const at = (more: Overrides['steps']) =>
      deadlines({ steps: { ...steps, ...more } }).earliestAssignationOn;
    expect(at({ ccapexReferredOn: '2026-03-01', cafSignalledOn: '2026-02-20' })).toEqual({
      date: '2026-04-20',
      rule: 'loi n° 89-462 art. 24 II',
    });
    expect(at({ ccapexReferredOn: '2026-02-18', cafSignalledOn: '2026-02-20' })?.date).toBe('2026-04-18');
    // A referral long before: the commandement's delay decides.
    expect(at({ ccapexReferredOn: '2025-10-01' })).toEqual({
      date: '2026-03-24',
      rule: 'loi n° 89-462 art. 24 I (loi n° 2023-668)',
    });
  });

  it('is null for a legal person with neither referral nor signal, or without a commandement', () => {
    expect(deadlines({ steps }).earliestAssignationOn).toBeNull();
    expect(deadlines({ steps: { cafSignalledOn: '2026-02-15' } }).earliestAssignationOn).toBeNull();
  });
});

describe('notice to the préfet before the hearing (loi n° 89-462 art. 24 III)', () => {
  const notice = (s: Overrides['steps']) =>
    deadlines({ lease: { signedOn: '2020-01-01' }, steps: s }).prefetNoticeLatestOn;

  it('is 42 days before the hearing for an assignation served from 29 July 2023, 2 months before', () => {
    expect(notice({ assignationServedOn: '2023-07-29', hearingOn: '2023-12-01' })).toEqual({
      date: '2023-10-20',
      rule: 'loi n° 89-462 art. 24 III (loi n° 2023-668)',
    });
    expect(notice({ assignationServedOn: '2023-07-28', hearingOn: '2023-12-01' })).toEqual({
      date: '2023-10-01',
      rule: 'loi n° 89-462 art. 24 III',
    });
  });

  it('lets the hearing decide without an assignation date', () => {
    expect(notice({ hearingOn: '2023-07-28' })?.date).toBe('2023-05-28');
    expect(notice({ hearingOn: '2023-07-29' })?.date).toBe('2023-06-17');
  });

  it('counts months backwards to the end of a shorter month', () => {
    expect(notice({ assignationServedOn: '2022-01-10', hearingOn: '2022-03-31' })?.date).toBe('2022-01-31');
    expect(notice({ assignationServedOn: '2022-01-10', hearingOn: '2022-04-30' })?.date).toBe('2022-02-28');
    expect(notice({ assignationServedOn: '2023-01-05', hearingOn: '2024-04-30' })?.date).toBe('2024-02-29');
  });
});

describe('earliest expulsion and the winter truce (CPCE L412-1, L412-6)', () => {
  const expulsion = (cqlServedOn: string) => deadlines({ steps: { cqlServedOn } }).earliestExpulsionOn;

  it('is 2 months after the CQL outside the truce', () => {
    expect(expulsion('2026-08-31')).toEqual({ date: '2026-10-31', rule: 'CPCE L412-1' });
    expect(expulsion('2027-02-01')).toEqual({ date: '2027-04-01', rule: 'CPCE L412-1' });
  });

  it('moves to the next 1 April from 1 November to 31 March inclusive', () => {
    expect(expulsion('2026-09-01')).toEqual({ date: '2027-04-01', rule: 'CPCE L412-1, CPCE L412-6' });
    expect(expulsion('2026-10-31')).toEqual({ date: '2027-04-01', rule: 'CPCE L412-1, CPCE L412-6' });
    expect(expulsion('2027-01-31')).toEqual({ date: '2027-04-01', rule: 'CPCE L412-1, CPCE L412-6' });
    expect(expulsion('2027-12-29')?.date).toBe('2028-04-01');
  });
});

describe('CFP implicit refusal (CPCE R153-1)', () => {
  it('is 2 months after the request', () => {
    expect(deadlines({ steps: { cfpRequestedOn: '2026-12-31' } }).cfpImplicitRefusalOn).toEqual({
      date: '2027-02-28',
      rule: 'CPCE R153-1',
    });
  });
});

describe('inconsistent requests (422)', () => {
  const fields = (o: Overrides) => {
    const check = checkEvictionTimeline(request(o));
    return check.ok ? {} : check.fields;
  };

  it('refuses balances not in strictly ascending order', () => {
    const same = fields({
      balances: [
        { on: '2026-01-05', amount: 100 },
        { on: '2026-01-05', amount: 200 },
      ],
    });
    expect(same['balances.1.on']).toBe(
      'Les dates des soldes doivent être strictement croissantes : celle-ci suit le 5 janvier 2026.',
    );
    const back = fields({
      balances: [
        { on: '2026-02-05', amount: 100 },
        { on: '2026-01-05', amount: 200 },
        { on: '2026-03-05', amount: 200 },
      ],
    });
    expect(Object.keys(back)).toEqual(['balances.1.on']);
  });

  it.each([
    [
      'an assignation before the commandement',
      { commandementServedOn: '2026-02-10', assignationServedOn: '2026-02-01' },
      'steps.assignationServedOn',
      'Assignation : ne peut pas précéder commandement de payer du 10 février 2026.',
    ],
    [
      'a hearing before the assignation',
      { assignationServedOn: '2026-04-15', hearingOn: '2026-04-14' },
      'steps.hearingOn',
      'Audience : ne peut pas précéder assignation du 15 avril 2026.',
    ],
    [
      'a hearing before the commandement, no assignation given',
      { commandementServedOn: '2026-02-10', hearingOn: '2026-02-01' },
      'steps.hearingOn',
      'Audience : ne peut pas précéder commandement de payer du 10 février 2026.',
    ],
    [
      'a CQL before the hearing',
      { hearingOn: '2026-05-27', cqlServedOn: '2026-05-01' },
      'steps.cqlServedOn',
      'Commandement de quitter les lieux : ne peut pas précéder audience du 27 mai 2026.',
    ],
    [
      'a CFP request before the CQL',
      { cqlServedOn: '2026-09-01', cfpRequestedOn: '2026-08-01' },
      'steps.cfpRequestedOn',
      'Demande de concours de la force publique : ne peut pas précéder commandement de quitter les lieux du 1er septembre 2026.',
    ],
    [
      'a commandement before the lease',
      { commandementServedOn: '2024-01-01' },
      'steps.commandementServedOn',
      'Commandement de payer : ne peut pas précéder la signature du bail (1er mars 2024).',
    ],
    [
      'a CAF signal before the lease',
      { cafSignalledOn: '2024-01-01' },
      'steps.cafSignalledOn',
      'Signalement à la CAF ou à la MSA : ne peut pas précéder la signature du bail (1er mars 2024).',
    ],
  ] as const)('refuses %s', (_name, steps, field, message) => {
    expect(fields({ steps })).toEqual({ [field]: message });
    expect(evictionTimeline(request({ steps })).ok).toBe(false);
  });

  it('accepts steps on the same day and steps left out of the chain', () => {
    expect(
      fields({
        steps: { commandementServedOn: '2026-02-10', hearingOn: '2026-02-10', cfpRequestedOn: '2026-09-01' },
      }),
    ).toEqual({});
  });

  it('refuses a balance before the lease', () => {
    expect(fields({ balances: [{ on: '2024-02-01', amount: 10 }] })).toEqual({
      'balances.0.on': 'Un solde ne peut pas précéder la signature du bail (1er mars 2024).',
    });
  });
});

describe('the rules as dated data', () => {
  it('takes the entry in force on a day', () => {
    expect(ruleOn(EVICTION_RULES.impaye, '2026-12-31').rule).toBe('CCH R824-1');
    expect(ruleOn(EVICTION_RULES.impaye, '2027-01-01').rule).toBe('CCH R824-1 (décret n° 2026-84)');
  });
});

/** The definition as the issue words it, walked one day at a time up to `horizon`. */
function impayeByDay(r: TEvictionTimelineRequest, horizon: string): string | null {
  const cents = (e: number) => Math.round(e * 100);
  const gross = cents(r.rent.monthlyRent) + cents(r.rent.monthlyCharges);
  const monthly = r.rent.benefitPaidTo === 'landlord' ? gross - cents(r.rent.monthlyHousingBenefit) : gross;
  let firstDefault: string | null = null;
  let previous: number | null = null;
  for (let day = r.balances[0]?.on; day && day <= horizon; day = addDays(day, 1)) {
    const balance = cents(r.balances.filter((b) => b.on <= day!).at(-1)!.amount);
    if (balance > 0 && (previous === null || previous <= 0)) firstDefault = day;
    if (balance <= 0) firstDefault = null;
    previous = balance;
    if (balance <= 0) continue;
    if (day < '2027-01-01' ? balance >= 2 * monthly : balance > 45_000 || day >= addMonths(firstDefault!, 3))
      return day;
  }
  return null;
}

const day = (from: string, to: string) =>
  fc.integer({ min: 0, max: (Date.parse(to) - Date.parse(from)) / 86_400_000 }).map((n) => addDays(from, n));

const arbitraryRequest = fc
  .record({
    landlord: fc.constantFrom('legal_person' as const, 'natural_person' as const),
    rent: fc.integer({ min: 100, max: 900 }),
    charges: fc.integer({ min: 0, max: 200 }),
    benefit: fc.integer({ min: 0, max: 300 }),
    benefitPaidTo: fc.constantFrom('landlord' as const, 'tenant' as const, 'none' as const),
    balanceDays: fc.uniqueArray(day('2026-01-01', '2027-12-31'), { minLength: 0, maxLength: 6 }),
    amounts: fc.array(fc.integer({ min: -100, max: 1500 }), { minLength: 6, maxLength: 6 }),
    steps: fc.uniqueArray(day('2025-01-01', '2028-12-31'), { minLength: 7, maxLength: 7 }),
    present: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  })
  .map((g) => {
    const [caf, ccapex, ...chain] = g.steps;
    const sorted = [...chain].sort();
    const names = [
      'commandementServedOn',
      'assignationServedOn',
      'hearingOn',
      'cqlServedOn',
      'cfpRequestedOn',
    ];
    const steps: Record<string, string> = {};
    if (g.present[0]) steps.cafSignalledOn = caf!;
    if (g.present[1]) steps.ccapexReferredOn = ccapex!;
    names.forEach((n, i) => {
      if (g.present[i + 2]) steps[n] = sorted[i]!;
    });
    return request({
      lease: { signedOn: '2020-06-15', landlord: g.landlord },
      rent: {
        monthlyRent: g.rent,
        monthlyCharges: g.charges,
        monthlyHousingBenefit: Math.min(g.benefit, g.rent),
        benefitPaidTo: g.benefitPaidTo,
      },
      balances: [...g.balanceDays].sort().map((on, i) => ({ on, amount: g.amounts[i]! })),
      steps,
    });
  });

describe('properties', () => {
  it('finds the impayé on the same day as a day-by-day walk of the definition', () => {
    fc.assert(
      fc.property(arbitraryRequest, (r) => {
        const outcome = evictionTimeline(r);
        expect(outcome.ok).toBe(true);
        const found = outcome.ok ? (outcome.result.deadlines.impayeConstitutedOn?.date ?? null) : null;
        const horizon = '2028-06-30'; // beyond the last balance + 3 months
        expect(found !== null && found > horizon ? null : found).toBe(impayeByDay(r, horizon));
      }),
      { numRuns: 150 },
    );
  });

  it('signals 2 months after the impayé, and answers the same when an unrelated step is added', () => {
    fc.assert(
      fc.property(arbitraryRequest, (r) => {
        const outcome = evictionTimeline(r);
        if (!outcome.ok) return;
        const d = outcome.result.deadlines;
        expect(d.signallingDueBy?.date ?? null).toBe(
          d.impayeConstitutedOn ? addMonths(d.impayeConstitutedOn.date, 2) : null,
        );
        const last = [r.lease.signedOn, ...Object.values(r.steps).filter((s): s is string => !!s)]
          .sort()
          .at(-1)!;
        const more = evictionTimeline({ ...r, steps: { ...r.steps, cfpRequestedOn: addDays(last, 1) } });
        expect(more.ok).toBe(true);
        if (more.ok) {
          const { cfpImplicitRefusalOn: _a, ...others } = more.result.deadlines;
          const { cfpImplicitRefusalOn: _b, ...before } = d;
          expect(others).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});
