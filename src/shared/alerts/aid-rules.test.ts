import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../contracts/alerts.ts';
import { aidUndecidedAlerts, loanRepaymentMissedAlerts, type AidFact } from './aid-rules.ts';
import type { SettingsOf } from './rules.ts';

const aid = (over: Partial<AidFact> = {}): AidFact => ({
  id: 'a1',
  householdId: 'h1',
  kind: 'fsl_maintien',
  funderName: 'FSL de l’Isère',
  status: 'requested',
  requestedOn: '2026-01-05',
  requestedByUserId: 'u1',
  requestedByOrganisationId: 'o1',
  repaymentSchedule: null,
  amountPaidCents: 0,
  repaidCents: 0,
  ...over,
});
/** o2 waits 30 days; everyone else keeps the default 60. */
const settings: SettingsOf = (organisationId) =>
  organisationId === 'o2' ? { ...DEFAULT_ALERT_SETTINGS, aidDecisionDays: 30 } : DEFAULT_ALERT_SETTINGS;

describe('an aid still waiting for its decision', () => {
  it.each([
    // why, aid, today, the alert's due day (null: none)
    ['day 59 of the default 60', aid(), '2026-03-05', null],
    ['day 60: the task opens', aid(), '2026-03-06', '2026-03-06'],
    ['long overdue: still the same task', aid(), '2026-09-01', '2026-03-06'],
    ['day 29 of its organisation’s 30', aid({ requestedByOrganisationId: 'o2' }), '2026-02-03', null],
    ['day 30 of its organisation’s 30', aid({ requestedByOrganisationId: 'o2' }), '2026-02-04', '2026-02-04'],
    ['across a leap February', aid({ requestedOn: '2027-12-31' }), '2028-02-29', '2028-02-29'],
    ['granted: the decision closes it', aid({ status: 'granted' }), '2026-09-01', null],
    ['refused: closed too', aid({ status: 'refused' }), '2026-09-01', null],
    ['paid', aid({ status: 'paid' }), '2026-09-01', null],
    ['nobody to tell', aid({ requestedByUserId: null, requestedByOrganisationId: null }), '2026-09-01', null],
  ])('%s', (_why, fact, today, dueOn) => {
    const alerts = aidUndecidedAlerts([fact], today, settings);
    expect(alerts.map((a) => a.dueOn)).toEqual(dueOn ? [dueOn] : []);
  });

  it('is the asking worker’s task, in French, one key per aid', () => {
    expect(aidUndecidedAlerts([aid()], '2026-03-10', settings)).toEqual([
      {
        key: 'aid_undecided:a1',
        rule: 'aid_undecided',
        householdId: 'h1',
        sourceId: 'a1',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        dueOn: '2026-03-06',
        title:
          'FSL maintien (FSL de l’Isère) demandée le 05/01/2026 toujours sans décision : relancer le financeur',
      },
    ]);
    expect(aidUndecidedAlerts([aid({ requestedByUserId: null })], '2026-03-10', settings)[0]).toMatchObject({
      ownerUserId: null,
      ownerOrganisationId: 'o1',
    });
  });
});

describe('a loan’s missed repayment', () => {
  // 900 € lent, 100 € a month from 31 January: due 31/01, 28/02, 31/03… (month ends kept).
  const loan = (over: Partial<AidFact> = {}) =>
    aid({
      status: 'paid',
      repaymentSchedule: { firstInstalmentOn: '2026-01-31', monthlyCents: 10_000, months: 9 },
      amountPaidCents: 90_000,
      ...over,
    });

  it.each([
    // repaid, today, the alert's key suffix (the missed instalment's day) or null
    [0, '2026-01-31', null, 'due today: not missed yet'],
    [0, '2026-02-01', '2026-01-31', 'the day after: missed'],
    [10_000, '2026-03-01', '2026-02-28', 'January repaid, February (28th) missed'],
    [20_000, '2026-03-01', null, 'both repaid'],
    [25_000, '2026-04-01', '2026-03-31', 'a surplus counts forward, March short by 50 €'],
    [90_000, '2027-01-01', null, 'all repaid'],
    [80_000, '2027-01-01', '2026-09-30', 'the last instalment missed'],
  ])('repaid %i on %s → %s (%s)', (repaidCents, today, missedOn, _why) => {
    const alerts = loanRepaymentMissedAlerts([loan({ repaidCents })], today);
    expect(alerts.map((a) => a.key)).toEqual(missedOn ? [`aid_repayment_missed:a1:${missedOn}`] : []);
  });

  it('says the instalment and what is late, for the worker who asked', () => {
    const [alert] = loanRepaymentMissedAlerts([loan({ repaidCents: 5_000 })], '2026-03-05');
    expect(alert).toMatchObject({
      rule: 'aid_repayment_missed',
      ownerUserId: 'u1',
      dueOn: '2026-01-31',
      title:
        'Prêt FSL maintien (FSL de l’Isère) : échéance du 31/01/2026 non remboursée (150,00\u00a0€ en retard) — voir avec le ménage',
    });
  });

  it.each([
    ['not paid out yet', loan({ status: 'granted' })],
    ['without a schedule', loan({ repaymentSchedule: null })],
  ])('stays silent for a loan %s', (_why, fact) => {
    expect(loanRepaymentMissedAlerts([fact], '2027-01-01')).toEqual([]);
  });
});
