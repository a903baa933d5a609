import { and, desc, eq, gte, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.ts';
import { DEFAULT_ALERT_SETTINGS, type TAlertSettings } from '../../shared/contracts/alerts.ts';
import { formatReferralNumber } from '../../shared/contracts/referrals.ts';
import type {
  AlertSnapshot,
  CaseloadFact,
  JournalFact,
  MeasureFact,
  SettingsOf,
  WatchFact,
} from '../../shared/alerts/rules.ts';
import { CONTACT_KINDS } from '../../shared/contracts/journal.ts';
import { parisDate } from '../../shared/time.ts';
import { previousMonth } from '../../shared/alerts/rules.ts';
import { monthOf } from '../../shared/evaluations/monthly-point.ts';
import { measuresDueAtNextMeetings } from '../committees/index.ts';
import { validatedMonthlyPoints } from '../evaluations/index.ts';
import { evictionAlertFacts } from '../eviction-prevention/index.ts';
import { aidAlertFacts } from '../housing-aids/index.ts';
import { evaluationsDue } from '../evaluations/index.ts';
import { memberships, users } from '../identity/schema.ts';
import { journalEntries } from '../journal/schema.ts';
import { accessKinds, caseloads, HOLDING_STATUSES } from '../measures/index.ts';
import { measureSchemes, measureSchemeVersions, measures } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { referrals } from '../referrals/schema.ts';
import { supportContracts, supportContractVersions } from '../support-contracts/schema.ts';
import { alertDigestOptOuts, alertDigests, alertSettings } from './schema.ts';

/** Only that household's records when one is given (the recompute after a change). */
const ofHousehold = (column: Parameters<typeof eq>[0], householdId: string | undefined): SQL | undefined =>
  householdId ? eq(column, householdId) : undefined;

async function runningMeasures(q: Queryable, householdId?: string): Promise<MeasureFact[]> {
  return q
    .select({
      id: measures.id,
      householdId: measures.householdId,
      schemeName: measureSchemes.name,
      schemeKind: measureSchemes.kind,
      status: measures.status,
      startOn: measures.startOn,
      plannedEndOn: measures.plannedEndOn,
      renewals: measures.renewals,
      totalMonths: measures.totalMonths,
      rules: measureSchemeVersions.rules,
      caseworkerUserId: measures.caseworkerUserId,
      operatorOrganisationId: measures.operatorOrganisationId,
    })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .innerJoin(measureSchemeVersions, eq(measureSchemeVersions.id, measures.schemeVersionId))
    .where(and(eq(measures.status, 'active'), ofHousehold(measures.householdId, householdId)));
}

/**
 * The caseworkers' loads against their capacity, for the operators of the given measures; each
 * filed on the household of the caseworker's latest measure of that kind.
 */
async function overloads(q: Queryable, householdId?: string): Promise<CaseloadFact[]> {
  const latest = await q
    .selectDistinctOn([measures.caseworkerUserId, accessKinds], {
      userId: measures.caseworkerUserId,
      organisationId: measures.operatorOrganisationId,
      access: accessKinds,
      householdId: measures.householdId,
    })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .where(and(inArray(measures.status, HOLDING_STATUSES), isNotNull(measures.caseworkerUserId)))
    .orderBy(measures.caseworkerUserId, accessKinds, desc(measures.createdAt), desc(measures.id));
  const anchored = householdId ? latest.filter((l) => l.householdId === householdId) : latest;
  const facts: CaseloadFact[] = [];
  for (const organisationId of new Set(anchored.map((l) => l.organisationId))) {
    const loads = await caseloads(q, organisationId);
    for (const a of anchored.filter((l) => l.organisationId === organisationId)) {
      const load = loads.find((l) => l.userId === a.userId);
      if (!load) continue;
      facts.push({
        organisationId,
        userId: load.userId,
        kind: a.access ? 'access' : 'maintenance',
        households: a.access ? load.accessHouseholds : load.maintenanceHouseholds,
        capacity: a.access ? load.accessCapacity : load.maintenanceCapacity,
        anchorHouseholdId: a.householdId,
      });
    }
  }
  return facts;
}

/**
 * Each organisation's latest contact and home visit with each household, from the journal's
 * recorded (not cancelled) entries, as Paris days.
 */
async function journalFacts(q: Queryable, householdId?: string): Promise<JournalFact[]> {
  const latest = (kinds: SQL) =>
    sql<Date | null>`max(${journalEntries.occurredAt}) filter (where ${kinds})`.mapWith(
      journalEntries.occurredAt,
    );
  const rows = await q
    .select({
      householdId: journalEntries.householdId,
      organisationId: journalEntries.authorOrganisationId,
      lastContactAt: latest(inArray(journalEntries.kind, [...CONTACT_KINDS])),
      lastHomeVisitAt: latest(eq(journalEntries.kind, 'home_visit')),
    })
    .from(journalEntries)
    .where(and(eq(journalEntries.status, 'recorded'), ofHousehold(journalEntries.householdId, householdId)))
    .groupBy(journalEntries.householdId, journalEntries.authorOrganisationId);
  return rows.map((r) => ({
    householdId: r.householdId,
    organisationId: r.organisationId,
    lastContactOn: r.lastContactAt ? parisDate(r.lastContactAt) : null,
    lastHomeVisitOn: r.lastHomeVisitAt ? parisDate(r.lastHomeVisitAt) : null,
  }));
}

const laterMeasure = alias(measures, 'later_measure');

/**
 * The measures ended with a watch whose planned watch has not passed on `today`, with the first
 * start of another measure of their household since their end (which ends the watch early).
 */
async function watchFacts(q: Queryable, today: string, householdId?: string): Promise<WatchFact[]> {
  const rows = await q
    .select({
      id: measures.id,
      householdId: measures.householdId,
      schemeName: measureSchemes.name,
      caseworkerUserId: measures.caseworkerUserId,
      operatorOrganisationId: measures.operatorOrganisationId,
      endedOn: measures.endedOn,
      watchMonths: measures.watchMonths,
      nextStartOn: sql<string | null>`(${q
        .select({ on: sql`min(${laterMeasure.startOn})` })
        .from(laterMeasure)
        .where(
          and(
            eq(laterMeasure.householdId, measures.householdId),
            ne(laterMeasure.id, measures.id),
            gte(laterMeasure.startOn, measures.endedOn),
          ),
        )})::text`,
    })
    .from(measures)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .where(
      and(
        eq(measures.status, 'ended'),
        eq(measures.orientation, 'watch'),
        isNotNull(measures.watchMonths),
        sql`(${measures.endedOn} + make_interval(months => ${measures.watchMonths}))::date >= ${today}::date`,
        ofHousehold(measures.householdId, householdId),
      ),
    );
  return rows.map(({ endedOn, watchMonths, nextStartOn, ...measure }) => ({
    measure,
    endedOn,
    watchMonths,
    nextStartOn,
  }));
}

/** Everything the alert rules read, for the whole database or one household. */
export async function loadSnapshot(q: Queryable, at: Date, householdId?: string): Promise<AlertSnapshot> {
  const running = await runningMeasures(q, householdId);
  const byId = new Map(running.map((m) => [m.id, m]));
  const reviews = (await measuresDueAtNextMeetings(q, at)).flatMap((r) => {
    const measure = byId.get(r.measureId);
    return measure ? [{ measure, committeeName: r.committeeName, meetingDay: r.meetingDay }] : [];
  });
  const waiting = await q
    .select({
      id: referrals.id,
      number: referrals.number,
      householdId: referrals.householdId,
      toOrganisationId: referrals.toOrganisationId,
      sentAt: referrals.createdAt,
    })
    .from(referrals)
    .where(and(eq(referrals.status, 'sent'), ofHousehold(referrals.householdId, householdId)));
  const unsigned = await q
    .select({
      versionId: supportContractVersions.id,
      householdId: supportContracts.householdId,
      since: supportContractVersions.createdAt,
      schemeName: measureSchemes.name,
      caseworkerUserId: measures.caseworkerUserId,
      operatorOrganisationId: measures.operatorOrganisationId,
    })
    .from(supportContractVersions)
    .innerJoin(supportContracts, eq(supportContracts.id, supportContractVersions.contractId))
    .innerJoin(measures, eq(measures.id, supportContracts.measureId))
    .innerJoin(measureSchemes, eq(measureSchemes.id, measures.schemeId))
    .where(
      and(
        inArray(supportContractVersions.status, ['draft', 'signing']),
        inArray(measures.status, HOLDING_STATUSES),
        ofHousehold(supportContracts.householdId, householdId),
      ),
    );
  return {
    measures: running,
    committeeReviews: reviews,
    caseloads: await overloads(q, householdId),
    referrals: waiting.map((r) => ({
      id: r.id,
      label: formatReferralNumber(r.number),
      householdId: r.householdId,
      toOrganisationId: r.toOrganisationId,
      sentAt: r.sentAt,
    })),
    contracts: unsigned.map(({ versionId, householdId: h, since, ...measure }) => ({
      versionId,
      householdId: h,
      since,
      measure,
    })),
    journal: await journalFacts(q, householdId),
    watches: await watchFacts(q, parisDate(at), householdId),
    validatedPoints: await validatedMonthlyPoints(
      q,
      running.map((m) => m.id),
      previousMonth(monthOf(parisDate(at))),
    ),
    evaluations: [
      ...(
        await evaluationsDue(
          q,
          running.map((m) => m.id),
        )
      ).entries(),
    ].flatMap(([id, due]) => {
      const measure = byId.get(id);
      return measure ? [{ measure, ...due }] : [];
    }),
    evictions: await evictionAlertFacts(q, parisDate(at), householdId),
    aids: await aidAlertFacts(q, householdId),
  };
}

const settingColumns = {
  noContactDays: alertSettings.noContactDays,
  measureEndingDays: alertSettings.measureEndingDays,
  renewalLimitDays: alertSettings.renewalLimitDays,
  referralUnansweredDays: alertSettings.referralUnansweredDays,
  contractUnsignedDays: alertSettings.contractUnsignedDays,
  aidDecisionDays: alertSettings.aidDecisionDays,
};

/** Every organisation's own settings, the defaults for the others. */
export async function allSettings(q: Queryable): Promise<SettingsOf> {
  const rows = await q
    .select({ organisationId: alertSettings.organisationId, ...settingColumns })
    .from(alertSettings);
  const own = new Map(rows.map(({ organisationId, ...s }) => [organisationId, s]));
  return (organisationId) => own.get(organisationId) ?? DEFAULT_ALERT_SETTINGS;
}

export async function findSettings(q: Queryable, organisationId: string) {
  const [row] = await q
    .select({ ...settingColumns, rowVersion: alertSettings.rowVersion })
    .from(alertSettings)
    .where(eq(alertSettings.organisationId, organisationId));
  return row ?? null;
}

/**
 * Writes the organisation's settings at the version read (0: it kept the defaults); false when
 * someone saved them in between.
 */
export async function saveSettings(
  q: Queryable,
  input: { organisationId: string; rowVersion: number; userId: string; at: Date; settings: TAlertSettings },
): Promise<boolean> {
  const values = { ...input.settings, updatedByUserId: input.userId, updatedAt: input.at };
  if (input.rowVersion === 0) {
    const rows = await q
      .insert(alertSettings)
      .values({ organisationId: input.organisationId, ...values })
      .onConflictDoNothing()
      .returning({ id: alertSettings.organisationId });
    return rows.length > 0;
  }
  const rows = await q
    .update(alertSettings)
    .set({ ...values, rowVersion: input.rowVersion + 1 })
    .where(
      and(
        eq(alertSettings.organisationId, input.organisationId),
        eq(alertSettings.rowVersion, input.rowVersion),
      ),
    )
    .returning({ id: alertSettings.organisationId });
  return rows.length > 0;
}

/**
 * Who may receive the daily email: the active social workers of associations and other
 * organisations (the only ones tasks are for), with each organisation they work in, unless they
 * opted out.
 */
export function digestRecipients(q: Queryable) {
  return q
    .selectDistinct({ userId: users.id, email: users.email, organisationId: memberships.organisationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(memberships.role, ['caseworker', 'team_manager']),
        inArray(organisations.type, ['association', 'other']),
        sql`not exists (select 1 from ${alertDigestOptOuts} where ${alertDigestOptOuts.userId} = ${users.id})`,
      ),
    );
}

/** Records the user's digest of the day; false when one was recorded already (a second run). */
export async function claimDigest(q: Queryable, input: { userId: string; day: string; taskCount: number }) {
  const rows = await q
    .insert(alertDigests)
    .values(input)
    .onConflictDoNothing()
    .returning({ id: alertDigests.id });
  return rows.length > 0;
}

export async function hasOptedOut(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q
    .select({ userId: alertDigestOptOuts.userId })
    .from(alertDigestOptOuts)
    .where(eq(alertDigestOptOuts.userId, userId));
  return row !== undefined;
}

export async function setOptOut(q: Queryable, input: { userId: string; optedOut: boolean }): Promise<void> {
  if (input.optedOut)
    await q.insert(alertDigestOptOuts).values({ userId: input.userId }).onConflictDoNothing();
  else await q.delete(alertDigestOptOuts).where(eq(alertDigestOptOuts.userId, input.userId));
}
