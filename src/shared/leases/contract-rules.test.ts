import { describe, expect, it } from 'vitest';
import { OCCUPANCY_KINDS } from '../contracts/housing-stock.ts';
import {
  CONTRACT_EVENTS,
  CONTRACT_EVENT_LABELS,
  END_OUTCOMES,
  END_OUTCOME_LABELS,
  actionRefusal,
  defaultSlidingReview,
  draftProblems,
  endOutcomesFor,
  endProblems,
  overlappingContract,
  recordableEvents,
  renewalReview,
  slideDayProblem,
  slidLeaseStart,
  spansOverlap,
  type ContractDraft,
} from './contract-rules.ts';

const ASSO = '00000000-0000-4000-8000-00000000000a';
const LANDLORD = '00000000-0000-4000-8000-00000000000b';
const draft = (over: Partial<ContractDraft>): ContractDraft => ({
  kind: 'direct_lease',
  householdId: 'h',
  tenantName: null,
  lessorOrganisationId: LANDLORD,
  lessorName: null,
  intermediaryOrganisationId: null,
  signedOn: '2026-01-10',
  startOn: '2026-01-15',
  endOn: null,
  slidingReviewOn: null,
  ...over,
});

describe('parties per kind', () => {
  it.each([
    ['direct_lease', null, {}],
    ['direct_lease', ASSO, { intermediaryOrganisationId: expect.stringContaining('sans association') }],
    ['bail_accompagne', null, {}],
    ['bail_accompagne', ASSO, {}],
    ['sublease', null, { intermediaryOrganisationId: expect.stringContaining('bail principal') }],
    ['bail_glissant', ASSO, {}],
    ['transit', ASSO, {}],
    ['transit_glissant', null, { intermediaryOrganisationId: expect.any(String) }],
    ['bail_sauvegarde', ASSO, {}],
    [
      'management_mandate',
      null,
      { intermediaryOrganisationId: expect.stringContaining('mandat de gestion') },
    ],
    ['management_mandate', ASSO, {}],
  ] as const)('%s with intermediary %s', (kind, intermediary, problems) => {
    expect(draftProblems(draft({ kind, intermediaryOrganisationId: intermediary }))).toEqual(problems);
  });

  it('needs an occupant and exactly one lessor, not the intermediary itself', () => {
    expect(
      draftProblems(
        draft({
          householdId: null,
          lessorOrganisationId: null,
          kind: 'sublease',
          intermediaryOrganisationId: ASSO,
        }),
      ),
    ).toEqual({ householdId: expect.any(String), lessorName: expect.any(String) });
    expect(draftProblems(draft({ lessorName: 'M. Martin' })).lessorName).toContain('pas les deux');
    expect(
      draftProblems(draft({ kind: 'sublease', intermediaryOrganisationId: LANDLORD }))
        .intermediaryOrganisationId,
    ).toContain('ne peut pas être le bailleur');
    expect(draftProblems(draft({ householdId: null, tenantName: 'Mme Durand' }))).toEqual({});
  });
});

describe('dates', () => {
  it('refuses a signature after the start and an end before it', () => {
    expect(draftProblems(draft({ signedOn: '2026-01-16', endOn: '2026-01-14' }))).toEqual({
      signedOn: expect.any(String),
      endOn: expect.any(String),
    });
    expect(draftProblems(draft({ endOn: '2026-01-15' }))).toEqual({});
  });

  it('puts the sliding review 12 months after the start, clamped to the end of a shorter month', () => {
    expect(defaultSlidingReview('2026-03-15')).toBe('2027-03-15');
    expect(defaultSlidingReview('2024-02-29')).toBe('2025-02-28');
    expect(defaultSlidingReview('2027-02-28')).toBe('2028-02-28');
  });

  it('refuses a sliding date on or before the sublease start, or on a kind that does not slide', () => {
    const glissant = { kind: 'bail_glissant', intermediaryOrganisationId: ASSO } as const;
    expect(draftProblems(draft({ ...glissant, slidingReviewOn: '2026-01-14' })).slidingReviewOn).toContain(
      'doit suivre le début',
    );
    expect(
      draftProblems(draft({ ...glissant, slidingReviewOn: '2026-01-15' })).slidingReviewOn,
    ).toBeDefined();
    expect(draftProblems(draft({ ...glissant, slidingReviewOn: '2026-01-16' }))).toEqual({});
    expect(
      draftProblems(draft({ ...glissant, slidingReviewOn: '2027-02-01', endOn: '2026-12-31' }))
        .slidingReviewOn,
    ).toContain('précéder la fin');
    expect(draftProblems(draft({ slidingReviewOn: '2027-01-15' })).slidingReviewOn).toContain('Seuls');
  });
});

describe('overlap', () => {
  const a = { id: 'a', startOn: '2026-01-01', endOn: '2026-06-30' };
  it('lets a contract start the day after the last day of another, not on it', () => {
    expect(spansOverlap(a, { startOn: '2026-07-01', endOn: null })).toBe(false);
    expect(spansOverlap(a, { startOn: '2026-06-30', endOn: null })).toBe(true);
    expect(spansOverlap(a, { startOn: '2025-01-01', endOn: '2025-12-31' })).toBe(false);
    expect(spansOverlap(a, { startOn: '2025-01-01', endOn: '2026-01-01' })).toBe(true);
    expect(spansOverlap({ startOn: '2020-01-01', endOn: null }, { startOn: '2030-01-01', endOn: null })).toBe(
      true,
    );
  });
  it('finds the first other contract sharing a day, ignoring the candidate itself', () => {
    expect(overlappingContract(a, [a])).toBeNull();
    const b = { id: 'b', startOn: '2026-03-01', endOn: null };
    expect(overlappingContract(a, [a, b])).toBe(b);
  });
});

describe('events, states and ends', () => {
  it('labels every event and outcome in French', () => {
    for (const e of CONTRACT_EVENTS) expect(CONTRACT_EVENT_LABELS[e]).toMatch(/^[A-ZÉ]/);
    for (const o of END_OUTCOMES) expect(END_OUTCOME_LABELS[o]).toMatch(/^[A-ZÉ]/);
  });

  it('offers the CCAPEX validation and the suspension to a bail de sauvegarde only', () => {
    for (const kind of OCCUPANCY_KINDS) {
      const events = recordableEvents(kind);
      expect(events.includes('ccapex_validated')).toBe(kind === 'bail_sauvegarde');
      expect(events.includes('eviction_suspended')).toBe(kind === 'bail_sauvegarde');
      expect(events.includes('tripartite_convention_signed')).toBe(
        ['bail_glissant', 'transit_glissant', 'bail_sauvegarde'].includes(kind),
      );
    }
  });

  it('moves draft → active → ended', () => {
    const c = (status: 'draft' | 'active' | 'ended', kind = 'bail_glissant' as const) => ({ kind, status });
    expect(actionRefusal(c('draft'), 'activate')).toBeNull();
    expect(actionRefusal(c('draft'), 'end')).not.toBeNull();
    expect(actionRefusal(c('active'), 'activate')).not.toBeNull();
    expect(actionRefusal(c('active'), 'end')).toBeNull();
    expect(actionRefusal(c('active'), 'slide')).toBeNull();
    expect(actionRefusal({ kind: 'sublease', status: 'active' }, 'slide')).toContain('glissants');
    for (const a of ['activate', 'record_event', 'renew', 'end', 'slide', 'evaluate'] as const)
      expect(actionRefusal(c('ended'), a)).toBe('Ce contrat est terminé.');
  });

  it('ends a bail de sauvegarde by its own outcomes, a denunciation with its party and reason', () => {
    expect(endOutcomesFor('bail_sauvegarde')).toEqual([
      'new_lease',
      'standard_protocol',
      'transfer',
      'denounced',
    ]);
    const sauvegarde = { kind: 'bail_sauvegarde' as const, startOn: '2026-01-01' };
    expect(
      endProblems(sauvegarde, { endOn: '2026-05-31', outcome: 'term', reason: null, party: null }),
    ).toEqual({
      outcome: expect.stringContaining('nouveau bail'),
    });
    expect(
      endProblems(sauvegarde, { endOn: '2026-05-31', outcome: 'denounced', reason: null, party: null }),
    ).toEqual({
      party: expect.any(String),
      reason: expect.any(String),
    });
    expect(
      endProblems(sauvegarde, {
        endOn: '2026-05-31',
        outcome: 'denounced',
        reason: 'Impayés',
        party: 'landlord',
      }),
    ).toEqual({});
    expect(
      endProblems(
        { kind: 'direct_lease', startOn: '2026-01-01' },
        { endOn: '2025-12-31', outcome: 'term', reason: null, party: null },
      ),
    ).toEqual({ endOn: expect.any(String) });
    expect(endOutcomesFor('bail_glissant')).not.toContain('slid');
  });
});

describe('sliding', () => {
  it('starts the direct lease the day after the sublease’s last day, across month and year ends', () => {
    expect(slidLeaseStart('2026-12-31')).toBe('2027-01-01');
    expect(slidLeaseStart('2028-02-28')).toBe('2028-02-29');
  });
  it('slides within the sublease only', () => {
    const c = { startOn: '2026-01-15', endOn: '2027-01-14' };
    expect(slideDayProblem('2026-01-14', c)).toContain('précéder le début');
    expect(slideDayProblem('2026-01-15', c)).toBeNull();
    expect(slideDayProblem('2027-01-15', c)).toContain('suivre la fin');
  });
  it('moves the review 12 months on at a renewal, or to a later date given', () => {
    const c = { startOn: '2026-01-31', slidingReviewOn: '2027-01-31' };
    expect(renewalReview(c, '2027-01-20', null)).toEqual({ reviewOn: '2028-01-31', problem: null });
    expect(renewalReview(c, '2027-01-20', '2027-07-31')).toEqual({ reviewOn: '2027-07-31', problem: null });
    expect(renewalReview(c, '2027-01-20', '2027-01-31').problem).not.toBeNull();
    expect(renewalReview(c, '2027-08-01', '2027-07-31').problem).not.toBeNull();
  });
});
