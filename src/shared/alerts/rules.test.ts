import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../contracts/alerts.ts';
import { evaluationsDue as dueDates } from '../evaluations/due.ts';
import {
  addDays,
  alertsFor,
  caseloadAlerts,
  committeeReviewAlerts,
  contractUnsignedAlerts,
  daysBetween,
  evaluationDueAlerts,
  homeVisitMissingAlerts,
  measureEndingAlerts,
  monthlyPointMissingAlerts,
  noContactAlerts,
  previousMonth,
  referralUnansweredAlerts,
  renewalLimitAlerts,
  watchEndingAlerts,
  watchVisitDueAlerts,
  type AlertSnapshot,
  type EvaluationDueFact,
  type JournalFact,
  type MeasureFact,
  type WatchFact,
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
  schemeKind: 'access',
  status: 'active',
  startOn: null,
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
  journal: [],
  watches: [],
  validatedPoints: [],
  evictions: [],
  aids: [],
  evaluations: [],
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

const seen = (over: Partial<JournalFact> = {}): JournalFact => ({
  householdId: 'h1',
  organisationId: 'o1',
  lastContactOn: null,
  lastHomeVisitOn: null,
  ...over,
});

describe('no contact', () => {
  const started = [measure({ startOn: '2026-01-31', plannedEndOn: '2026-12-31' })];

  it('alerts the référent from exactly the organisation’s days after the start, through February', () => {
    expect(noContactAlerts(started, [], '2026-03-01', defaults)).toHaveLength(0); // 29 days
    expect(noContactAlerts(started, [], '2026-03-02', defaults)).toEqual([
      {
        key: 'no_contact:m1:2026-01-31',
        rule: 'no_contact',
        householdId: 'h1',
        sourceId: 'm1',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        dueOn: '2026-03-02',
        title:
          'Aucun contact avec le ménage depuis le début de la mesure FSL accès le 31/01/2026 : prendre des nouvelles',
      },
    ]);
    const leap = [measure({ startOn: '2028-01-31' })];
    expect(noContactAlerts(leap, [], '2028-02-29', defaults)).toHaveLength(0); // 29 days
    expect(noContactAlerts(leap, [], '2028-03-01', defaults)).toHaveLength(1); // 30 days
  });

  it('counts from the operator’s latest contact, with a new key for each contact', () => {
    const journal = [seen({ lastContactOn: '2026-05-10' })];
    expect(noContactAlerts(started, journal, '2026-06-08', defaults)).toHaveLength(0);
    const [alert] = noContactAlerts(started, journal, '2026-06-09', defaults);
    expect(alert).toMatchObject({ key: 'no_contact:m1:2026-05-10', dueOn: '2026-06-09' });
    expect(alert!.title).toBe(
      'Aucun contact avec le ménage depuis le 10/05/2026 (mesure FSL accès) : prendre des nouvelles',
    );
    // Another organisation's contact is not the operator's.
    const other = [seen({ organisationId: 'o2', lastContactOn: '2026-06-01' })];
    expect(noContactAlerts(started, other, '2026-06-09', defaults)).toHaveLength(1);
  });

  it('follows the operator’s setting, and leaves measures not started or not running', () => {
    const week = () => ({ ...DEFAULT_ALERT_SETTINGS, noContactDays: 7 });
    expect(noContactAlerts(started, [], '2026-02-07', week)).toHaveLength(1);
    expect(noContactAlerts([measure({ startOn: null })], [], '2026-06-01', defaults)).toEqual([]);
    expect(
      noContactAlerts([measure({ status: 'ended', startOn: '2026-01-01' })], [], '2026-06-01', defaults),
    ).toEqual([]);
  });

  it('takes the Paris day at 00:30 on the daylight-saving Sundays', () => {
    const snapshot = {
      ...empty,
      measures: [measure({ startOn: '2026-02-27', plannedEndOn: '2026-12-31' })],
      validatedPoints: [{ measureId: 'm1', month: '2026-02' }],
    };
    // 29 March 2026, 00:30 Paris: 30 days after 27 February in Paris, 29 in UTC.
    const rules = alertsFor(snapshot, parisHalfPastMidnight('2026-03-29', 1), defaults).map((a) => a.rule);
    expect(rules).toEqual(['no_contact']);
  });
});

describe('home visit missing', () => {
  const gla = measure({ schemeKind: 'rental_management', startOn: '2026-01-31', plannedEndOn: '2027-12-31' });
  const avdl = measure({ schemeKind: 'access', startOn: '2026-01-31', plannedEndOn: '2027-12-31' });

  it('alerts a GLA measure 30 days before a year passes without a home visit', () => {
    expect(homeVisitMissingAlerts([gla], [], '2026-12-31')).toHaveLength(0); // 31 days
    expect(homeVisitMissingAlerts([gla], [], '2027-01-01')).toEqual([
      expect.objectContaining({
        key: 'home_visit_missing:m1:2027-01-31',
        rule: 'home_visit_missing',
        dueOn: '2027-01-31',
        title:
          'Visite à domicile annuelle de la mesure FSL accès à faire d’ici le 31/01/2027 (aucune depuis le début)',
      }),
    ]);
  });

  it('alerts any other measure once it is past twelve months without a home visit', () => {
    expect(homeVisitMissingAlerts([avdl], [], '2027-01-30')).toHaveLength(0);
    expect(homeVisitMissingAlerts([avdl], [], '2027-01-31')).toHaveLength(1);
  });

  it('counts a year from the latest home visit, to the month’s end in leap years', () => {
    const visited = [seen({ lastHomeVisitOn: '2027-02-28' })];
    const late = measure({
      schemeKind: 'rental_management',
      startOn: '2026-01-31',
      plannedEndOn: '2028-12-31',
    });
    expect(homeVisitMissingAlerts([late], visited, '2028-01-28')).toHaveLength(0); // 31 days before
    const [alert] = homeVisitMissingAlerts([late], visited, '2028-01-29');
    expect(alert).toMatchObject({ key: 'home_visit_missing:m1:2028-02-28', dueOn: '2028-02-28' });
    expect(homeVisitMissingAlerts([late], [seen({ lastHomeVisitOn: '2028-02-01' })], '2028-02-28')).toEqual(
      [],
    );
  });
});

describe('watch visit due', () => {
  const w = (over: Partial<WatchFact> = {}): WatchFact => ({
    measure: {
      id: 'm1',
      householdId: 'h1',
      schemeName: 'FSL maintien',
      caseworkerUserId: 'u1',
      operatorOrganisationId: 'o1',
    },
    endedOn: '2026-03-31',
    watchMonths: 24,
    nextStartOn: null,
    ...over,
  });

  it('opens 30 days before the anniversary of the end, and stays open while overdue', () => {
    expect(watchVisitDueAlerts([w()], [], '2027-02-28')).toHaveLength(0); // 31 days
    expect(watchVisitDueAlerts([w()], [], '2027-03-01')).toEqual([
      {
        key: 'watch_visit_due:m1:2027-03-31',
        rule: 'watch_visit_due',
        householdId: 'h1',
        sourceId: 'm1',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        dueOn: '2027-03-31',
        title: 'Visite annuelle de veille après la mesure FSL maintien à faire d’ici le 31/03/2027',
      },
    ]);
    expect(watchVisitDueAlerts([w()], [], '2027-06-01')).toHaveLength(1);
  });

  it('moves to the next anniversary after a home visit, and stops with the watch', () => {
    const visited = [seen({ lastHomeVisitOn: '2027-03-20' })];
    expect(watchVisitDueAlerts([w()], visited, '2027-03-21')).toEqual([]);
    expect(watchVisitDueAlerts([w()], visited, '2028-02-29')).toEqual([]); // 31 days
    const [next] = watchVisitDueAlerts([w()], visited, '2028-03-01');
    expect(next).toMatchObject({ key: 'watch_visit_due:m1:2028-03-31', dueOn: '2028-03-31' });
    expect(watchVisitDueAlerts([w()], [], '2028-04-01')).toEqual([]); // the watch is over
    expect(watchVisitDueAlerts([w({ nextStartOn: '2027-03-15' })], [], '2027-03-15')).toEqual([]);
  });

  it('takes the Paris day at 00:30 on the autumn daylight-saving Sunday', () => {
    const ended = w({ endedOn: '2025-11-24' }); // anniversary 24 November 2026
    const autumn = parisHalfPastMidnight('2026-10-25', 2); // 24 October in UTC: 31 days
    expect(alertsFor({ ...empty, watches: [ended] }, autumn, defaults).map((a) => a.key)).toEqual([
      'watch_visit_due:m1:2026-11-24',
    ]);
  });
});

describe('watch ending', () => {
  const w = (over: Partial<WatchFact> = {}): WatchFact => ({
    measure: {
      id: 'm1',
      householdId: 'h1',
      schemeName: 'FSL maintien',
      caseworkerUserId: null,
      operatorOrganisationId: 'o1',
    },
    endedOn: '2026-01-31',
    watchMonths: 18,
    nextStartOn: null,
    ...over,
  });

  it('opens 30 days before the watch’s last day, for the operator without a référent, until that day', () => {
    // 18 months after 31 January 2026: 31 July 2027 (no anniversary there, so no yearly visit).
    expect(watchEndingAlerts([w()], [], '2027-06-30')).toEqual([]); // 31 days
    expect(watchEndingAlerts([w()], [], '2027-07-01')).toEqual([
      {
        key: 'watch_ending:m1:2027-07-31',
        rule: 'watch_ending',
        householdId: 'h1',
        sourceId: 'm1',
        ownerUserId: null,
        ownerOrganisationId: 'o1',
        dueOn: '2027-07-31',
        title:
          'Fin de la veille sociale le 31/07/2027 après la mesure FSL maintien : faire le point avec le ménage (clore le suivi ou rouvrir un accompagnement)',
      },
    ]);
    expect(watchEndingAlerts([w()], [], '2027-07-31')).toHaveLength(1);
    expect(watchEndingAlerts([w()], [], '2027-08-01')).toEqual([]);
  });

  it('counts months as the law does (31 August + 6 months: end of February) and stops with a new measure', () => {
    const short = w({ endedOn: '2027-08-31', watchMonths: 6 });
    expect(watchEndingAlerts([short], [], '2028-01-29')).toEqual([]); // 31 days before 29 February 2028
    expect(watchEndingAlerts([short], [], '2028-01-30')).toMatchObject([{ dueOn: '2028-02-29' }]);
    expect(watchEndingAlerts([{ ...short, nextStartOn: '2028-02-01' }], [], '2028-02-01')).toEqual([]);
  });

  it('leaves a whole-year watch’s end to its last visit, unless that visit was made', () => {
    const years = w({ endedOn: '2026-03-31', watchMonths: 24 }); // ends 31 March 2028
    const firstYear = [seen({ lastHomeVisitOn: '2027-03-20' })]; // the second year's visit is due at the end
    expect(watchEndingAlerts([years], firstYear, '2028-03-15')).toEqual([]);
    const [visit] = watchVisitDueAlerts([years], firstYear, '2028-03-15');
    expect(visit!.title).toBe(
      'Visite de fin de veille après la mesure FSL maintien à faire d’ici le 31/03/2028 : faire le point avec le ménage (clore le suivi ou rouvrir un accompagnement)',
    );
    // The last year’s visit made early: no visit due any more, the end still asks for its stock-taking.
    const visited = [seen({ lastHomeVisitOn: '2028-02-01' })];
    expect(watchVisitDueAlerts([years], visited, '2028-03-15')).toEqual([]);
    expect(watchEndingAlerts([years], visited, '2028-03-15')).toMatchObject([
      { key: 'watch_ending:m1:2028-03-31', dueOn: '2028-03-31' },
    ]);
  });

  it('is in the daily run', () => {
    const at = parisHalfPastMidnight('2027-07-15', 2);
    // Beside the first year's visit, never made and overdue.
    expect(alertsFor({ ...empty, watches: [w()] }, at, defaults).map((a) => a.rule)).toEqual([
      'watch_visit_due',
      'watch_ending',
    ]);
  });
});

describe('monthly point missing', () => {
  const running = measure({ startOn: '2026-01-20', plannedEndOn: '2026-12-31' });

  it('counts the previous month across a year end', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
  });

  it('opens on the 11th for last month’s point not validated, due on the 10th, one key per month', () => {
    expect(monthlyPointMissingAlerts([running], [], '2026-03-10')).toEqual([]);
    expect(monthlyPointMissingAlerts([running], [], '2026-03-11')).toEqual([
      {
        key: 'monthly_point_missing:m1:2026-02',
        rule: 'monthly_point_missing',
        householdId: 'h1',
        sourceId: 'm1',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        dueOn: '2026-03-10',
        title: 'Point mensuel de février 2026 de la mesure FSL accès à valider (attendu le 10/03/2026)',
      },
    ]);
    expect(monthlyPointMissingAlerts([running], [], '2026-03-31')).toHaveLength(1);
    expect(monthlyPointMissingAlerts([running], [], '2027-01-11')[0]).toMatchObject({
      key: 'monthly_point_missing:m1:2026-12',
      dueOn: '2027-01-10',
    });
  });

  it('is closed by the month’s validated point, not by another month’s', () => {
    expect(
      monthlyPointMissingAlerts([running], [{ measureId: 'm1', month: '2026-02' }], '2026-03-11'),
    ).toEqual([]);
    expect(
      monthlyPointMissingAlerts([running], [{ measureId: 'm1', month: '2026-03' }], '2026-03-11'),
    ).toHaveLength(1);
    expect(
      monthlyPointMissingAlerts([running], [{ measureId: 'other', month: '2026-02' }], '2026-03-11'),
    ).toHaveLength(1);
  });

  it('asks a measure begun mid-month for that month’s point, and none of a measure begun this month', () => {
    // Begun on 20 January: January is owed (by 10 February).
    expect(monthlyPointMissingAlerts([running], [], '2026-02-11')[0]!.key).toBe(
      'monthly_point_missing:m1:2026-01',
    );
    const late = measure({ startOn: '2026-03-02' });
    expect(monthlyPointMissingAlerts([late], [], '2026-03-20')).toEqual([]);
    expect(monthlyPointMissingAlerts([measure({ startOn: null })], [], '2026-03-20')).toEqual([]);
    expect(monthlyPointMissingAlerts([measure({ ...running, status: 'ended' })], [], '2026-03-20')).toEqual(
      [],
    );
  });

  it('reads the Paris day: 00:30 on 11 March in Paris is still 10 March in UTC', () => {
    const at = parisHalfPastMidnight('2026-03-11', 1);
    const rules = alertsFor({ ...empty, measures: [running] }, at, defaults).map((a) => a.rule);
    expect(rules).toContain('monthly_point_missing');
    const before = parisHalfPastMidnight('2026-03-10', 1);
    expect(alertsFor({ ...empty, measures: [running] }, before, defaults).map((a) => a.rule)).not.toContain(
      'monthly_point_missing',
    );
  });
});

describe('evaluation due', () => {
  // A measure started on 31 August 2026, ending on 28 February 2027: shared/evaluations/due.ts gives
  // the interim on 29 November (mid-period, 90 of 181 days) and the final from 28 January.
  const fact = (over: Partial<EvaluationDueFact> = {}): EvaluationDueFact => ({
    measure: {
      id: 'm1',
      householdId: 'h1',
      schemeName: 'FSL accès',
      caseworkerUserId: 'u1',
      operatorOrganisationId: 'o1',
    },
    periodStart: '2026-08-31',
    ...dueDates({ periodStart: '2026-08-31', plannedEndOn: '2027-02-28' })!,
    written: [],
    ...over,
  });

  it('asks for the interim evaluation from its due date, not the day before', () => {
    expect(fact()).toMatchObject({ interimDueOn: '2026-11-29', finalFrom: '2027-01-28' });
    expect(evaluationDueAlerts([fact()], '2026-11-28')).toEqual([]);
    expect(evaluationDueAlerts([fact()], '2026-11-29')).toEqual([
      {
        key: 'evaluation_due:m1:interim:2026-08-31',
        rule: 'evaluation_due',
        householdId: 'h1',
        sourceId: 'm1',
        ownerUserId: 'u1',
        ownerOrganisationId: null,
        dueOn: '2026-11-29',
        title: 'Bilan d’étape de la mesure FSL accès à rédiger (dû le 29/11/2026)',
      },
    ]);
    // Over the month end and the year end the same key stays open.
    expect(evaluationDueAlerts([fact()], '2026-12-31').map((a) => a.key)).toEqual([
      'evaluation_due:m1:interim:2026-08-31',
    ]);
  });

  it('asks for the final one from a month before the planned end, both while neither is validated', () => {
    expect(evaluationDueAlerts([fact()], '2027-01-27').map((a) => a.key)).toEqual([
      'evaluation_due:m1:interim:2026-08-31',
    ]);
    const both = evaluationDueAlerts([fact()], '2027-01-28');
    expect(both.map((a) => a.key)).toEqual([
      'evaluation_due:m1:interim:2026-08-31',
      'evaluation_due:m1:final:2026-08-31',
    ]);
    expect(both[1]).toMatchObject({
      dueOn: '2027-02-28',
      title: 'Évaluation finale de la mesure FSL accès à rédiger d’ici le 28/02/2027',
    });
  });

  it('closes once the evaluation of that kind is validated; a final one closes both', () => {
    expect(evaluationDueAlerts([fact({ written: ['interim'] })], '2026-12-01')).toEqual([]);
    expect(evaluationDueAlerts([fact({ written: ['interim'] })], '2027-02-01').map((a) => a.key)).toEqual([
      'evaluation_due:m1:final:2026-08-31',
    ]);
    expect(evaluationDueAlerts([fact({ written: ['final'] })], '2027-02-01')).toEqual([]);
  });

  it('goes to the operator when the measure has no référent, and is in the daily run', () => {
    const noReferent = fact({ measure: { ...fact().measure, caseworkerUserId: null } });
    expect(evaluationDueAlerts([noReferent], '2026-11-29')[0]).toMatchObject({
      ownerUserId: null,
      ownerOrganisationId: 'o1',
    });
    const run = alertsFor(
      { ...empty, evaluations: [fact()] },
      parisHalfPastMidnight('2026-11-29', 1),
      defaults,
    );
    expect(run.map((a) => a.key)).toEqual(['evaluation_due:m1:interim:2026-08-31']);
  });
});
