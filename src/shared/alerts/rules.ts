/**
 * The alert rules: each takes a snapshot of what the database holds, today's date in Paris and the
 * organisations' settings, and returns the alerts it wants open. Pure: the daily run and the
 * per-household recompute load the snapshot, these functions decide, the tasks module reconciles.
 * Days are calendar days (YYYY-MM-DD) in Europe/Paris; an instant is turned into its Paris day
 * first, so a run at 00:30 in Paris on a daylight-saving Sunday counts the right day.
 */
import type { AlertRule, TAlertSettings } from '../contracts/alerts.ts';
import type { EvaluationKind } from '../contracts/evaluations.ts';
import type { SchemeKind } from '../contracts/measures.ts';
import { formatDate, formatMonth } from '../format.ts';
import { addMonths, renewalBreak, type SchemeRules } from '../measures/scheme-rules.ts';
import { monthOf } from '../evaluations/monthly-point.ts';
import { parisDate } from '../time.ts';
import {
  underWatch,
  watchEndsOn,
  watchVisitDueOn,
  WATCH_VISIT_LEAD_DAYS,
  type WatchFacts,
} from '../watch/rules.ts';
import { evictionAlerts, type EvictionFact } from '../eviction-prevention/alerts.ts';
import { aidUndecidedAlerts, loanRepaymentMissedAlerts, type AidFact } from './aid-rules.ts';

/** An alert as a rule wants it open: one task per stable key. */
export interface Alert {
  /** Rule, record and period: the same situation always has the same key. */
  key: string;
  rule: AlertRule;
  householdId: string;
  /** The record it is about (measure, referral, contract version; the caseworker for a caseload). */
  sourceId: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  dueOn: string;
  title: string;
}

export interface MeasureFact {
  id: string;
  householdId: string;
  schemeName: string;
  schemeKind: SchemeKind;
  status: string;
  startOn: string | null;
  plannedEndOn: string | null;
  renewals: number;
  totalMonths: number;
  rules: SchemeRules;
  caseworkerUserId: string | null;
  operatorOrganisationId: string;
}

/** A measure a committee should decide on at its next meeting (the committee's own agenda rule). */
export interface CommitteeReviewFact {
  measure: MeasureFact;
  committeeName: string;
  meetingDay: string;
}

export interface CaseloadFact {
  organisationId: string;
  userId: string;
  kind: 'access' | 'maintenance';
  households: number;
  capacity: number;
  /** The household of the caseworker's latest measure of that kind: where the task is filed. */
  anchorHouseholdId: string;
}

export interface ReferralFact {
  id: string;
  label: string;
  householdId: string;
  toOrganisationId: string;
  sentAt: Date;
}

export interface ContractFact {
  versionId: string;
  householdId: string;
  since: Date;
  measure: Pick<MeasureFact, 'schemeName' | 'caseworkerUserId' | 'operatorOrganisationId'>;
}

/**
 * What the journal holds of a household for one organisation: the Paris days of its latest contact
 * (an entry of a contact kind, not cancelled) and of its latest home visit; null: none yet.
 */
export interface JournalFact {
  householdId: string;
  organisationId: string;
  lastContactOn: string | null;
  lastHomeVisitOn: string | null;
}

/** A measure that ended with a watch, and the next start of another measure of its household. */
export interface WatchFact extends WatchFacts {
  measure: Pick<
    MeasureFact,
    'id' | 'householdId' | 'schemeName' | 'caseworkerUserId' | 'operatorOrganisationId'
  >;
}

/** A running measure's monthly point of a month, validated (a version of it at least). */
export interface MonthlyPointFact {
  measureId: string;
  month: string;
}

/**
 * A running measure's evaluations over its period under way: when they fall due (shared/evaluations/
 * due.ts) and the kinds already validated for the period.
 */
export interface EvaluationDueFact {
  measure: Pick<
    MeasureFact,
    'id' | 'householdId' | 'schemeName' | 'caseworkerUserId' | 'operatorOrganisationId'
  >;
  periodStart: string;
  interimDueOn: string;
  finalFrom: string;
  finalDueOn: string;
  written: readonly EvaluationKind[];
}

/**
 * Everything the rules read, loaded by the alerts module's `loadSnapshot`; a new rule adds its facts
 * here and its pure function to
 * `alertsFor`.
 */
export interface AlertSnapshot {
  measures: MeasureFact[];
  committeeReviews: CommitteeReviewFact[];
  caseloads: CaseloadFact[];
  referrals: ReferralFact[];
  contracts: ContractFact[];
  journal: JournalFact[];
  watches: WatchFact[];
  /** The validated points of the running measures for the month before the Paris day's month. */
  validatedPoints: MonthlyPointFact[];
  evaluations: EvaluationDueFact[];
  /** The open eviction procedures someone follows, with what their deadlines are computed from. */
  evictions: EvictionFact[];
  /** The aids waiting for a decision, and the loans paid out with a schedule (aid-rules.ts). */
  aids: AidFact[];
}

/** The settings of an organisation (its own, else the defaults). */
export type SettingsOf = (organisationId: string) => TAlertSettings;

const DAY_MS = 86_400_000;
const utc = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY_MS);

/** The calendar day `days` after `isoDate`. */
export const addDays = (isoDate: string, days: number): string =>
  new Date(utc(isoDate) + days * DAY_MS).toISOString().slice(0, 10);

/** Paris days from an instant to another: how long a referral or a contract has been waiting. */
export const daysWaiting = (since: Date, now: Date): number => daysBetween(parisDate(since), parisDate(now));

/** The measure's référent, else its operator. */
const measureOwner = (m: Pick<MeasureFact, 'caseworkerUserId' | 'operatorOrganisationId'>) => ({
  ownerUserId: m.caseworkerUserId,
  ownerOrganisationId: m.caseworkerUserId ? null : m.operatorOrganisationId,
});

/** A measure's alert for one period (a latest contact, a due date): its référent's, else its operator's. */
const measureAlert = (
  rule: AlertRule,
  m: Pick<MeasureFact, 'id' | 'householdId' | 'caseworkerUserId' | 'operatorOrganisationId'>,
  period: string,
  dueOn: string,
  title: string,
): Alert => ({
  key: `${rule}:${m.id}:${period}`,
  rule,
  householdId: m.householdId,
  sourceId: m.id,
  ...measureOwner(m),
  dueOn,
  title,
});

const canRenew = (m: MeasureFact) =>
  renewalBreak(m.rules, { renewals: m.renewals, months: m.totalMonths }) === null;

/**
 * The alerts of running measures whose planned end is at most the organisation's `window` days
 * away (or already passed), among the renewable ones or the others: one key per planned end.
 */
function measureEndAlerts(
  rule: 'measure_ending' | 'renewal_limit',
  measures: MeasureFact[],
  today: string,
  settings: SettingsOf,
  window: (settings: TAlertSettings) => number,
  title: (m: MeasureFact, end: string) => string,
): Alert[] {
  return measures.flatMap((m) => {
    const end = m.plannedEndOn;
    if (m.status !== 'active' || end === null) return [];
    if (daysBetween(today, end) > window(settings(m.operatorOrganisationId))) return [];
    if (canRenew(m) !== (rule === 'measure_ending')) return [];
    const alert: Alert = {
      key: `${rule}:${m.id}:${end}`,
      rule,
      householdId: m.householdId,
      sourceId: m.id,
      ...measureOwner(m),
      dueOn: end,
      title: title(m, end),
    };
    return [alert];
  });
}

/** A renewable measure ends within the organisation's window: renew it or prepare its end. */
export const measureEndingAlerts = (measures: MeasureFact[], today: string, settings: SettingsOf): Alert[] =>
  measureEndAlerts(
    'measure_ending',
    measures,
    today,
    settings,
    (s) => s.measureEndingDays,
    (m, end) =>
      `Fin prévue le ${formatDate(end)} de la mesure ${m.schemeName} : préparer le renouvellement ou la fin`,
  );

/**
 * A measure that the scheme no longer lets renew (renewals or total length used up) ends within
 * the organisation's longer window: prepare the exit or a relay.
 */
export const renewalLimitAlerts = (measures: MeasureFact[], today: string, settings: SettingsOf): Alert[] =>
  measureEndAlerts(
    'renewal_limit',
    measures,
    today,
    settings,
    (s) => s.renewalLimitDays,
    (m, end) =>
      `La mesure ${m.schemeName} ne peut plus être renouvelée et finit le ${formatDate(end)} : préparer la sortie ou un relais`,
  );

/** A running measure the committee's next meeting should review: put it on the agenda. */
export function committeeReviewAlerts(reviews: CommitteeReviewFact[], today: string): Alert[] {
  return reviews
    .filter((r) => r.meetingDay >= today && r.measure.status === 'active')
    .map(({ measure: m, committeeName, meetingDay }) => ({
      key: `committee_review:${m.id}:${meetingDay}`,
      rule: 'committee_review',
      householdId: m.householdId,
      sourceId: m.id,
      ...measureOwner(m),
      dueOn: meetingDay,
      title: `Présenter la mesure ${m.schemeName} (fin prévue le ${formatDate(m.plannedEndOn)}) au comité « ${committeeName} » du ${formatDate(meetingDay)}`,
    }));
}

const KIND_WORDS = { access: 'd’accès', maintenance: 'de maintien' } as const;

/** A caseworker follows more households than their capacity on a kind of measure, this month. */
export function caseloadAlerts(loads: CaseloadFact[], today: string): Alert[] {
  return loads
    .filter((l) => l.households > l.capacity)
    .map((l) => ({
      key: `caseload_over_capacity:${l.userId}:${l.kind}:${today.slice(0, 7)}`,
      rule: 'caseload_over_capacity',
      householdId: l.anchorHouseholdId,
      sourceId: l.userId,
      ownerUserId: l.userId,
      ownerOrganisationId: null,
      dueOn: today,
      title: `File active au-delà de la capacité : ${l.households} ménages suivis sur des mesures ${KIND_WORDS[l.kind]} pour une capacité de ${l.capacity} — à revoir avec votre responsable`,
    }));
}

/** A referral waits for the receiving organisation's answer for its number of days or more. */
export function referralUnansweredAlerts(
  referrals: ReferralFact[],
  today: string,
  settings: SettingsOf,
): Alert[] {
  return referrals.flatMap((r) => {
    const sent = parisDate(r.sentAt);
    const limit = settings(r.toOrganisationId).referralUnansweredDays;
    if (daysBetween(sent, today) < limit) return [];
    return [
      {
        key: `referral_unanswered:${r.id}`,
        rule: 'referral_unanswered' as const,
        householdId: r.householdId,
        sourceId: r.id,
        ownerUserId: null,
        ownerOrganisationId: r.toOrganisationId,
        dueOn: addDays(sent, limit),
        title: `Saisine ${r.label} reçue le ${formatDate(sent)} toujours sans réponse : l’accepter, la refuser ou la réorienter`,
      },
    ];
  });
}

/** A support contract version waits for its signatures for the operator's number of days or more. */
export function contractUnsignedAlerts(
  contracts: ContractFact[],
  today: string,
  settings: SettingsOf,
): Alert[] {
  return contracts.flatMap((c) => {
    const since = parisDate(c.since);
    const limit = settings(c.measure.operatorOrganisationId).contractUnsignedDays;
    if (daysBetween(since, today) < limit) return [];
    return [
      {
        key: `contract_unsigned:${c.versionId}`,
        rule: 'contract_unsigned' as const,
        householdId: c.householdId,
        sourceId: c.versionId,
        ...measureOwner(c.measure),
        dueOn: addDays(since, limit),
        title: `Contrat d’accompagnement de la mesure ${c.measure.schemeName} préparé le ${formatDate(since)} et pas encore signé de tous`,
      },
    ];
  });
}

/** The journal's facts of the household for the organisation (none yet: nulls). */
const journalOf = (journal: JournalFact[], householdId: string, organisationId: string): JournalFact =>
  journal.find((j) => j.householdId === householdId && j.organisationId === organisationId) ?? {
    householdId,
    organisationId,
    lastContactOn: null,
    lastHomeVisitOn: null,
  };

/** The later of two days, either possibly missing. */
const later = (a: string | null, b: string | null): string | null =>
  a === null || (b !== null && b > a) ? b : a;

/**
 * A running measure whose household its operator has not met, called or accompanied (a contact in
 * the journal) for the organisation's number of days or more, counted from the latest contact, or
 * from the measure's start without one: one key per latest contact, so a new contact closes it.
 */
export function noContactAlerts(
  measures: MeasureFact[],
  journal: JournalFact[],
  today: string,
  settings: SettingsOf,
): Alert[] {
  return measures.flatMap((m) => {
    if (m.status !== 'active' || m.startOn === null) return [];
    const { lastContactOn } = journalOf(journal, m.householdId, m.operatorOrganisationId);
    const since = later(m.startOn, lastContactOn)!;
    const limit = settings(m.operatorOrganisationId).noContactDays;
    if (daysBetween(since, today) < limit) return [];
    const title = lastContactOn
      ? `Aucun contact avec le ménage depuis le ${formatDate(lastContactOn)} (mesure ${m.schemeName}) : prendre des nouvelles`
      : `Aucun contact avec le ménage depuis le début de la mesure ${m.schemeName} le ${formatDate(m.startOn)} : prendre des nouvelles`;
    return [measureAlert('no_contact', m, since, addDays(since, limit), title)];
  });
}

/** How many days before a home visit's yearly due date its task opens (GLA measures). */
export const HOME_VISIT_LEAD_DAYS = 30;

/**
 * At least one home visit a year (brique 3.2): the next is due twelve months after the operator's
 * latest home visit, or after the measure's start without one. A GLA measure (gestion locative
 * adaptée) is alerted 30 days ahead, from its first year; any other running measure once it is past
 * its first twelve months, i.e. from the due date itself. One key per due date.
 */
export function homeVisitMissingAlerts(
  measures: MeasureFact[],
  journal: JournalFact[],
  today: string,
): Alert[] {
  return measures.flatMap((m) => {
    if (m.status !== 'active' || m.startOn === null) return [];
    const { lastHomeVisitOn } = journalOf(journal, m.householdId, m.operatorOrganisationId);
    const dueOn = addMonths(later(m.startOn, lastHomeVisitOn)!, 12);
    const lead = m.schemeKind === 'rental_management' ? HOME_VISIT_LEAD_DAYS : 0;
    if (daysBetween(today, dueOn) > lead) return [];
    const title = lastHomeVisitOn
      ? `Visite à domicile annuelle de la mesure ${m.schemeName} à faire d’ici le ${formatDate(dueOn)} (dernière le ${formatDate(lastHomeVisitOn)})`
      : `Visite à domicile annuelle de la mesure ${m.schemeName} à faire d’ici le ${formatDate(dueOn)} (aucune depuis le début)`;
    return [measureAlert('home_visit_missing', m, dueOn, dueOn, title)];
  });
}

/**
 * A household under watch whose yearly visit (a home visit by the operator in each year of the
 * watch) falls due within 30 days or is overdue, while the watch lasts: one key per anniversary.
 * The visit due on the watch's last day (a watch of whole years) is also the end's stock-taking.
 */
export function watchVisitDueAlerts(watches: WatchFact[], journal: JournalFact[], today: string): Alert[] {
  return watches.flatMap((w) => {
    const m = w.measure;
    if (!underWatch(w, today)) return [];
    const { lastHomeVisitOn } = journalOf(journal, m.householdId, m.operatorOrganisationId);
    const dueOn = watchVisitDueOn(w, lastHomeVisitOn);
    if (dueOn === null || daysBetween(today, dueOn) > WATCH_VISIT_LEAD_DAYS) return [];
    const title =
      dueOn === watchEndsOn(w)
        ? `Visite de fin de veille après la mesure ${m.schemeName} à faire d’ici le ${formatDate(dueOn)} : faire le point avec le ménage (clore le suivi ou rouvrir un accompagnement)`
        : `Visite annuelle de veille après la mesure ${m.schemeName} à faire d’ici le ${formatDate(dueOn)}`;
    return [measureAlert('watch_visit_due', m, dueOn, dueOn, title)];
  });
}

/** How many days before the watch's last day its end opens a task. */
export const WATCH_ENDING_LEAD_DAYS = 30;

/**
 * The end of the watch: from 30 days before its last day to that day, while the household is under
 * watch, the watch's référent (else its operator) takes stock with the household — close the
 * follow-up or reopen a case. One key per watch end; a new measure started ends the watch and so
 * closes it. When a yearly visit is due on that very day (a watch of whole years whose last year has
 * had no home visit yet), that visit's alert is the end's task and this one is not opened: one task,
 * not two, for the same day and household.
 */
export function watchEndingAlerts(watches: WatchFact[], journal: JournalFact[], today: string): Alert[] {
  return watches.flatMap((w) => {
    const end = watchEndsOn(w);
    if (end === null || !underWatch(w, today) || daysBetween(today, end) > WATCH_ENDING_LEAD_DAYS) return [];
    const m = w.measure;
    const { lastHomeVisitOn } = journalOf(journal, m.householdId, m.operatorOrganisationId);
    if (watchVisitDueOn(w, lastHomeVisitOn) === end) return [];
    const title = `Fin de la veille sociale le ${formatDate(end)} après la mesure ${m.schemeName} : faire le point avec le ménage (clore le suivi ou rouvrir un accompagnement)`;
    return [measureAlert('watch_ending', m, end, end, title)];
  });
}

/**
 * The day of the month by which last month's monthly point must be validated. The 10th: the
 * point is held with the household at the turn of the month and its figures come from the whole
 * month's journal, so the first days of the month are for activities recorded late (a visit written
 * up after the week-end, a device sending its outbox); ten days leave two working weeks at most
 * before the operator's monthly report to the funders, which reads the validated points.
 */
export const MONTHLY_POINT_DUE_DAY = 10;

/** The month before a month (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * A running measure whose previous Paris month's point is not validated by the 10th of the month:
 * a task for its référent (else its operator) from the 11th, due the 10th, one per measure and
 * month, closed when a version of that point is validated. A measure owes a point from the month it
 * started, that month included (see shared/evaluations: a measure begun on the 20th owes that
 * month's point); a measure started this month owes none yet.
 */
export function monthlyPointMissingAlerts(
  measures: MeasureFact[],
  validated: MonthlyPointFact[],
  today: string,
): Alert[] {
  if (Number(today.slice(8, 10)) <= MONTHLY_POINT_DUE_DAY) return [];
  const month = previousMonth(monthOf(today));
  const done = new Set(validated.filter((v) => v.month === month).map((v) => v.measureId));
  const dueOn = `${monthOf(today)}-${String(MONTHLY_POINT_DUE_DAY).padStart(2, '0')}`;
  return measures.flatMap((m) => {
    if (m.status !== 'active' || m.startOn === null || monthOf(m.startOn) > month || done.has(m.id))
      return [];
    const title = `Point mensuel de ${formatMonth(month)} de la mesure ${m.schemeName} à valider (attendu le ${formatDate(dueOn)})`;
    return [measureAlert('monthly_point_missing', m, month, dueOn, title)];
  });
}

/**
 * « Évaluation à rédiger » (brique 2.7): from the interim due date (mid-period) while no interim
 * evaluation is validated for the period, and from the day the final one may be written (a month
 * before the planned end) while no final one is; a validated final evaluation also ends the wait
 * for the interim one. A task of the measure's référent, one key per measure, kind and period.
 */
export function evaluationDueAlerts(facts: EvaluationDueFact[], today: string): Alert[] {
  return facts.flatMap((f) => {
    const m = f.measure;
    const alerts: Alert[] = [];
    const finalWritten = f.written.includes('final');
    if (!finalWritten && !f.written.includes('interim') && today >= f.interimDueOn)
      alerts.push(
        measureAlert(
          'evaluation_due',
          m,
          `interim:${f.periodStart}`,
          f.interimDueOn,
          `Bilan d’étape de la mesure ${m.schemeName} à rédiger (dû le ${formatDate(f.interimDueOn)})`,
        ),
      );
    if (!finalWritten && today >= f.finalFrom)
      alerts.push(
        measureAlert(
          'evaluation_due',
          m,
          `final:${f.periodStart}`,
          f.finalDueOn,
          `Évaluation finale de la mesure ${m.schemeName} à rédiger d’ici le ${formatDate(f.finalDueOn)}`,
        ),
      );
    return alerts;
  });
}

/** Every alert the snapshot calls for on the Paris day of `now`. */
export function alertsFor(snapshot: AlertSnapshot, now: Date, settings: SettingsOf): Alert[] {
  const today = parisDate(now);
  return [
    ...measureEndingAlerts(snapshot.measures, today, settings),
    ...renewalLimitAlerts(snapshot.measures, today, settings),
    ...committeeReviewAlerts(snapshot.committeeReviews, today),
    ...caseloadAlerts(snapshot.caseloads, today),
    ...referralUnansweredAlerts(snapshot.referrals, today, settings),
    ...contractUnsignedAlerts(snapshot.contracts, today, settings),
    ...noContactAlerts(snapshot.measures, snapshot.journal, today, settings),
    ...homeVisitMissingAlerts(snapshot.measures, snapshot.journal, today),
    ...watchVisitDueAlerts(snapshot.watches, snapshot.journal, today),
    ...watchEndingAlerts(snapshot.watches, snapshot.journal, today),
    ...monthlyPointMissingAlerts(snapshot.measures, snapshot.validatedPoints, today),
    ...evaluationDueAlerts(snapshot.evaluations, today),
    ...evictionAlerts(snapshot.evictions, today),
    ...aidUndecidedAlerts(snapshot.aids, today, settings),
    ...loanRepaymentMissedAlerts(snapshot.aids, today),
  ];
}
