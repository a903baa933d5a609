import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../contracts/alerts.ts';
import {
  addDays,
  alertsFor,
  caseloadAlerts,
  committeeReviewAlerts,
  contractUnsignedAlerts,
  daysBetween,
  measureEndingAlerts,
  referralUnansweredAlerts,
  renewalLimitAlerts,
  type AlertSnapshot,
  type MeasureFact,
} from './rules.ts';

const defaults = () => DEFAULT_ALERT_SETTINGS;
const RULES = {
  initialMonths: 6,
  renewalMonths: 6,
  maxRenewals: 1,
  maxTotalMonths: 12,
  criteria: null,
  validationAfter: null,
};
const measure = (over: Partial<MeasureFact> = {}): MeasureFact => ({
  id: 'm1',
  householdId: 'h1',
  schemeName: 'FSL accès',
  status: 'active',
  plannedEndOn: '2026-07-31',
  renewals: 0,
  totalMonths: 6,
  rules: RULES,
  caseworkerUserId: 'u1',
  operatorOrganisationId: 'o1',
  ...over,
});
const empty: AlertSnapshot = {
  measures: [],
  committeeReviews: [],
  caseloads: [],
  referrals: [],
  contracts: [],
};
/** The daily run, at 00:30 in Paris (CET in winter, CEST in summer). */
const parisHalfPastMidnight = (day: string, offsetHours: 1 | 2) =>
  new Date(Date.parse(`${day}T00:30:00Z`) - offsetHours * 3_600_000);

describe('calendar days', () => {
  it('counts days across month ends, leap days and daylight-saving changes', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2028-01-31', '2028-03-01')).toBe(30);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('measure ending', () => {
  it('alerts from exactly 30 days before the planned end, not 31', () => {
    const m = [measure({ plannedEndOn: '2026-07-31' })];
    expect(measureEndingAlerts(m, '2026-06-30', defaults)).toHaveLength(0); // 31 days
    expect(measureEndingAlerts(m, '2026-07-01', defaults)).toEqual([
      {
        key: 'measure_ending:m1:2026-07-31',
        rule: 'measure_ending',
        householdId: 'h1',
        sourceId: 'm1',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        dueOn: '2026-07-31',
        title: 'Fin prévue le 31/07/2026 de la mesure FSL accès : préparer le renouvellement ou la fin',
      },
    ]); // 30 days
    expect(measureEndingAlerts(m, '2026-07-02', defaults)).toHaveLength(1); // 29 days
    expect(measureEndingAlerts(m, '2026-08-05', defaults)).toHaveLength(1); // overdue, still running
  });

  it('counts through February in leap and common years', () => {
    const m = [measure({ plannedEndOn: '2028-03-01' })];
    expect(measureEndingAlerts(m, '2028-01-31', defaults)).toHaveLength(1); // 30 days (29 February)
    expect(measureEndingAlerts(m, '2028-01-30', defaults)).toHaveLength(0);
    const common = [measure({ plannedEndOn: '2027-03-01' })];
    expect(measureEndingAlerts(common, '2027-01-30', defaults)).toHaveLength(1); // 30 days
    expect(measureEndingAlerts(common, '2027-01-29', defaults)).toHaveLength(0);
  });

  it('owns the task to the operator when the measure has no référent, and follows its settings', () => {
    const m = [measure({ caseworkerUserId: null })];
    const [alert] = measureEndingAlerts(m, '2026-07-15', defaults);
    expect(alert).toMatchObject({ ownerUserId: null, ownerOrganisationId: 'o1' });
    const longer = () => ({ ...DEFAULT_ALERT_SETTINGS, measureEndingDays: 60 });
    expect(measureEndingAlerts(m, '2026-06-01', longer)).toHaveLength(1);
  });

  it('ignores measures not running, and leaves non-renewable ones to the renewal-limit rule', () => {
    expect(measureEndingAlerts([measure({ status: 'ended' })], '2026-07-15', defaults)).toEqual([]);
    expect(measureEndingAlerts([measure({ renewals: 1, totalMonths: 12 })], '2026-07-15', defaults)).toEqual(
      [],
    );
  });

  it('takes the Paris day at 00:30 on the daylight-saving Sundays', () => {
    const m = [measure({ plannedEndOn: '2026-04-28' })];
    // 29 March 2026, 00:30 in Paris is still 28 March in UTC: 30 days to the end in Paris, 31 in UTC.
    const spring = parisHalfPastMidnight('2026-03-29', 1);
    expect(spring.toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(alertsFor({ ...empty, measures: m }, spring, defaults)).toHaveLength(1);
    const autumn = parisHalfPastMidnight('2026-10-25', 2);
    expect(autumn.toISOString()).toBe('2026-10-24T22:30:00.000Z');
    const october = [measure({ plannedEndOn: '2026-11-24' })];
    expect(alertsFor({ ...empty, measures: october }, autumn, defaults)).toHaveLength(1);
  });
});

describe('renewal limit', () => {
  const last = measure({ renewals: 1, totalMonths: 12, plannedEndOn: '2026-12-31' });

  it('alerts 90 days before the end of a measure that can no longer be renewed, not 91', () => {
    expect(renewalLimitAlerts([last], '2026-10-01', defaults)).toEqual([]); // 91 days
    expect(renewalLimitAlerts([last], '2026-10-02', defaults)).toEqual([
      expect.objectContaining({
        key: 'renewal_limit:m1:2026-12-31',
        dueOn: '2026-12-31',
        title:
          'La mesure FSL accès ne peut plus être renouvelée et finit le 31/12/2026 : préparer la sortie ou un relais',
      }),
    ]);
    expect(renewalLimitAlerts([last], '2026-10-03', defaults)).toHaveLength(1);
  });

  it('counts the total length as well as the number of renewals', () => {
    const long = measure({ rules: { ...RULES, maxRenewals: null }, renewals: 3, totalMonths: 12 });
    expect(renewalLimitAlerts([long], '2026-07-01', defaults)).toHaveLength(1);
    expect(renewalLimitAlerts([measure()], '2026-07-01', defaults)).toEqual([]);
  });
});

describe('committee review', () => {
  it('asks to present the measure at the next meeting, until the meeting day', () => {
    const reviews = [{ measure: measure(), committeeName: 'Comité FSL', meetingDay: '2026-06-30' }];
    expect(committeeReviewAlerts(reviews, '2026-06-30')).toEqual([
      expect.objectContaining({
        key: 'committee_review:m1:2026-06-30',
        dueOn: '2026-06-30',
        ownerUserId: 'u1',
        title:
          'Présenter la mesure FSL accès (fin prévue le 31/07/2026) au comité « Comité FSL » du 30/06/2026',
      }),
    ]);
    expect(committeeReviewAlerts(reviews, '2026-07-01')).toEqual([]);
  });
});

describe('caseload over capacity', () => {
  const load = {
    organisationId: 'o1',
    userId: 'u1',
    kind: 'access' as const,
    capacity: 20,
    anchorHouseholdId: 'h9',
  };

  it('alerts above the capacity only, once a month', () => {
    expect(caseloadAlerts([{ ...load, households: 20 }], '2026-02-28')).toEqual([]);
    const [alert] = caseloadAlerts([{ ...load, households: 21 }], '2026-02-28');
    expect(alert).toMatchObject({
      key: 'caseload_over_capacity:u1:access:2026-02',
      householdId: 'h9',
      ownerUserId: 'u1',
    });
    expect(caseloadAlerts([{ ...load, households: 21 }], '2026-03-01')[0]!.key).toBe(
      'caseload_over_capacity:u1:access:2026-03',
    );
  });
});

describe('referral unanswered', () => {
  const referral = (sentAt: string) => ({
    id: 'r1',
    label: 'S-000012',
    householdId: 'h1',
    toOrganisationId: 'o2',
    sentAt: new Date(sentAt),
  });

  it('alerts the receiving organisation after its number of days, counted in Paris', () => {
    // Sent on 31 January at 23:30 in Paris (22:30 UTC): day 0 is 31 January.
    const late = [referral('2026-01-31T22:30:00Z')];
    expect(referralUnansweredAlerts(late, '2026-02-07', defaults)).toEqual([]); // 7 days
    expect(referralUnansweredAlerts(late, '2026-02-08', defaults)).toEqual([
      {
        key: 'referral_unanswered:r1',
        rule: 'referral_unanswered',
        householdId: 'h1',
        sourceId: 'r1',
        ownerUserId: null,
        ownerOrganisationId: 'o2',
        dueOn: '2026-02-08',
        title:
          'Saisine S-000012 reçue le 31/01/2026 toujours sans réponse : l’accepter, la refuser ou la réorienter',
      },
    ]);
    const stricter = () => ({ ...DEFAULT_ALERT_SETTINGS, referralUnansweredDays: 3 });
    expect(referralUnansweredAlerts(late, '2026-02-03', stricter)).toHaveLength(1);
  });

  it('counts the spring-forward night as one day', () => {
    const sent = [referral('2026-03-21T23:30:00Z')]; // 22 March, 00:30 in Paris
    expect(
      alertsFor({ ...empty, referrals: sent }, parisHalfPastMidnight('2026-03-29', 1), defaults),
    ).toEqual([]); // 7 days in Paris
    expect(
      alertsFor({ ...empty, referrals: sent }, parisHalfPastMidnight('2026-03-30', 2), defaults),
    ).toHaveLength(1); // 8 days, across the change
  });
});

describe('contract unsigned', () => {
  it('alerts the référent from the operator’s number of days after the version was prepared', () => {
    const contracts = [
      {
        versionId: 'v1',
        householdId: 'h1',
        since: new Date('2028-02-14T10:00:00Z'),
        measure: { schemeName: 'AVDL', caseworkerUserId: 'u1', operatorOrganisationId: 'o1' },
      },
    ];
    expect(contractUnsignedAlerts(contracts, '2028-02-28', defaults)).toEqual([]); // 14 days
    expect(contractUnsignedAlerts(contracts, '2028-02-29', defaults)).toEqual([
      expect.objectContaining({ key: 'contract_unsigned:v1', dueOn: '2028-02-29', ownerUserId: 'u1' }),
    ]);
  });
});
