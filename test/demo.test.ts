import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { verify } from 'otplib';
import { verify as verifyPassword } from '@node-rs/argon2';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { databaseIsEmpty, demoIsLoaded, loadDemo } from '../src/demo/load-demo.ts';
import { stableId } from '../src/demo/ids.ts';
import { DEMO_PASSWORD, demoAccounts, demoTotpCode, formatDemoAccounts } from '../src/demo/accounts.ts';
import { managementUnits, organisations } from '../src/modules/organisations/schema.ts';
import { memberships, users } from '../src/modules/identity/schema.ts';
import {
  householdConsents,
  householdMembers,
  householdNotes,
  householdParties,
  households,
} from '../src/modules/households/schema.ts';
import { referralContactAttempts, referralEvents, referrals } from '../src/modules/referrals/schema.ts';
import { notifications } from '../src/modules/notifications/schema.ts';
import { ROLES } from '../src/shared/contracts/roles.ts';
import { REFERRAL_STATUSES } from '../src/shared/contracts/referral-enums.ts';
import { roleNeedsSecondFactor } from '../src/shared/access/household-access.ts';
import { canReceiveReferral, REFERRAL_KINDS_SENT_BY } from '../src/shared/access/referral-policy.ts';
import { activeParties } from '../src/modules/households/index.ts';
import { normaliseForSearch } from '../src/shared/households/search.ts';
import { capacityAssessments, diagnosticShares, diagnostics } from '../src/modules/diagnostics/schema.ts';
import { budgetScenarios } from '../src/modules/budget/schema.ts';
import { tasks } from '../src/modules/tasks/schema.ts';
import { occupancyContracts, referralContracts } from '../src/modules/leases/schema.ts';
import type { TFlaggedTenants } from '../src/shared/contracts/dwellings.ts';
import type { TEvictionPrevention } from '../src/shared/contracts/eviction-prevention.ts';
import { OCCUPANCY_KINDS } from '../src/shared/contracts/housing-stock.ts';
import { overlappingContract } from '../src/shared/leases/contract-rules.ts';
import { conventionAmendments, conventionDwellings } from '../src/modules/partnerships/schema.ts';
import { housingAids } from '../src/modules/housing-aids/schema.ts';
import { housingProjects } from '../src/modules/housing-pool/schema.ts';
import { vacancies } from '../src/modules/vacancies/schema.ts';
import { designations, vacancyProposals } from '../src/modules/matching/schema.ts';
import { COMMISSION_DECISIONS } from '../src/shared/contracts/designations.ts';
import type { TFairnessView } from '../src/shared/contracts/fairness.ts';
import type { TCandidateExplanation } from '../src/shared/contracts/matching.ts';
import { AID_STATUSES } from '../src/shared/contracts/housing-aids.ts';
import { checkSignaturePng } from '../src/modules/diagnostics/signature.ts';
import {
  ZDiagnosticContent,
  ZPartnerVersion,
  ZSectionAuthorship,
} from '../src/shared/contracts/diagnostics.ts';
import { ZScenarioCreate } from '../src/shared/contracts/budget.ts';
import { deriveReadiness } from '../src/shared/diagnostics/capacity.ts';
import { missingForPresentation } from '../src/shared/diagnostics/completeness.ts';
import { audienceMaySee, derivePartnerVersion } from '../src/shared/access/diagnostic-sharing.ts';
import { householdId } from '../src/demo/ids.ts';
import { measures } from '../src/modules/measures/schema.ts';
import { MEASURE_STATUSES } from '../src/shared/contracts/measures.ts';
import { appointmentParticipants, appointments } from '../src/modules/agenda/schema.ts';
import { organisationId } from '../src/demo/territory.ts';
import { addDays } from '../src/shared/time.ts';
import { journalEntries } from '../src/modules/journal/schema.ts';
import { evaluations, evaluationShares, monthlyPoints } from '../src/modules/evaluations/schema.ts';
import { latestMonthlyPoints } from '../src/modules/evaluations/index.ts';
import { monthOf } from '../src/shared/evaluations/monthly-point.ts';
import { futureActivityBreak } from '../src/shared/journal/rules.ts';
import { addMonths } from '../src/shared/measures/scheme-rules.ts';
import { watchVisitDueOn } from '../src/shared/watch/rules.ts';
import type { TEvaluationList, TMonthlyPoints } from '../src/shared/contracts/evaluations.ts';
import { parisDate } from '../src/shared/time.ts';
import { runAlerts } from '../src/modules/alerts/index.ts';
import { permanenceVisits } from '../src/modules/permanences/schema.ts';
import { visitOccurrence } from '../src/shared/permanences/rules.ts';
import type { TSlot, TWeek } from '../src/shared/contracts/permanences.ts';

let t: TestApp;

const TABLES = {
  organisations,
  managementUnits,
  users,
  memberships,
  households,
  householdMembers,
  householdNotes,
  householdConsents,
  householdParties,
  referrals,
  referralContactAttempts,
  referralEvents,
  notifications,
  diagnostics,
  diagnosticShares,
  capacityAssessments,
  budgetScenarios,
  monthlyPoints,
  evaluations,
  evaluationShares,
  vacancies,
  designations,
  vacancyProposals,
};

/** Leaf paths of a content, arrays as `[]` (the sharing classification's notation). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((row) => leafPaths(row, `${prefix}[]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

// A TOTP code is accepted once: one session per account for the whole file.
const sessions = new Map<string, { cookie: string; 'x-csrf-token': string }>();
async function signIn(email: string) {
  const known = sessions.get(email);
  if (known) return known;
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
  if (login.json().secondFactor === 'required') {
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers,
      payload: { code: await demoTotpCode(email, t.deps.clock()) },
    });
    expect(verified.statusCode).toBe(204);
  }
  sessions.set(email, headers);
  return headers;
}

async function counts() {
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await t.deps.db.select({ n: count() }).from(table);
    result[name] = row!.n;
  }
  return result;
}

beforeAll(async () => {
  t = await createTestApp();
  expect(await databaseIsEmpty(t.deps.db)).toBe(true);
  expect(await demoIsLoaded(t.deps.db)).toBe(false);
  await loadDemo(t.deps.db, { now: t.deps.clock() });
});
afterAll(async () => t?.close());

describe('demo territory', () => {
  it('loads once: a second load changes nothing', async () => {
    expect(await databaseIsEmpty(t.deps.db)).toBe(false);
    expect(await demoIsLoaded(t.deps.db)).toBe(true);
    const before = await counts();
    await loadDemo(t.deps.db, { now: new Date(t.deps.clock().getTime() + 86_400_000) });
    expect(await counts()).toEqual(before);
  });

  it('has a partnership convention with dwellings made available, and aids in every state', async () => {
    const placed = await t.deps.db.select().from(conventionDwellings);
    expect(placed.length).toBeGreaterThanOrEqual(3);
    expect(placed.some((d) => d.gla)).toBe(true);
    const [amendment] = await t.deps.db.select().from(conventionAmendments);
    expect(amendment).toMatchObject({
      number: 1,
      changes: { fee: { after: { perDwellingYearCents: 33_000 } } },
    });
    const aids = await t.deps.db.select({ status: housingAids.status }).from(housingAids);
    expect(new Set(aids.map((a) => a.status))).toEqual(new Set(AID_STATUSES));
  });

  it('has a pool of households ready to leave across three holders, and open vacancies to show them', async () => {
    const projects = await t.deps.db.select().from(housingProjects);
    expect(projects.length).toBeGreaterThanOrEqual(15);
    expect(new Set(projects.map((p) => p.poolOrganisationId)).size).toBe(3);
    expect(projects.some((p) => p.consentGivenOn === null)).toBe(true);
    expect(projects.some((p) => p.consentWithdrawnOn !== null)).toBe(true);
    const open = await t.deps.db.select().from(vacancies).where(eq(vacancies.status, 'open'));
    expect(open).toHaveLength(3);
    const siao = await signIn('lucie.faure@siao-vb.example');
    const pool = await t.app.inject({ method: 'GET', url: '/api/housing-pool', headers: siao });
    expect(pool.statusCode).toBe(200);
    expect(pool.json().items.length).toBeGreaterThanOrEqual(4);
    const listed = await t.app.inject({ method: 'GET', url: '/api/vacancies', headers: siao });
    expect(listed.json().items).toHaveLength(3);
  });

  it('has past designations with every answer and several decisions, seen on the fairness view and a household’s project', async () => {
    const today = parisDate(t.deps.clock());
    const proposals = await t.deps.db.select().from(vacancyProposals);
    expect(proposals.length).toBeGreaterThanOrEqual(20);
    const answers = new Set(proposals.map((p) => p.answer));
    expect(answers).toEqual(new Set(['accepted', 'refused', 'silence', null]));
    const decisions = new Set(proposals.map((p) => p.decision).filter((d) => d !== null));
    expect(decisions.size).toBeGreaterThanOrEqual(5);
    for (const d of decisions) expect(COMMISSION_DECISIONS).toContain(d);
    // The rules of a decision hold: no dwelling given to a household that refused, one per vacancy.
    for (const p of proposals) {
      if (p.answer === 'refused') expect(p.answerReason).not.toBeNull();
      if (p.answer === 'refused' || p.answer === 'silence')
        expect(['allocation', 'allocation_by_rank', 'conditional']).not.toContain(p.decision);
      expect(p.answerDue >= addDays(p.notifiedOn, 10)).toBe(true);
      expect((p.explanation as { filters: { passed: boolean }[] }).filters.every((f) => f.passed)).toBe(true);
    }
    const given = proposals.filter((p) => p.decision === 'allocation' || p.decision === 'conditional');
    expect(new Set(given.map((p) => p.vacancyId)).size).toBe(given.length);
    // Every past vacancy has ended; the one still open has its answers awaited.
    const ended = await t.deps.db
      .select()
      .from(vacancies)
      .where(sql`${vacancies.status} <> 'open'`);
    expect(ended.length).toBeGreaterThanOrEqual(8);
    const awaited = proposals.filter((p) => p.answer === null && p.answerDue >= today);
    expect(awaited.length).toBeGreaterThanOrEqual(2);
    const [live] = await t.deps.db.select().from(vacancies).where(eq(vacancies.id, awaited[0]!.vacancyId));
    expect(live!.status).toBe('open');

    const siao = await signIn('lucie.faure@siao-vb.example');
    const landlord = await signIn('gestion.locative@habitat-brenne.example');
    const onVacancy = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies/${live!.id}/proposals`,
      headers: landlord,
    });
    expect(onVacancy.statusCode).toBe(200);
    const items = onVacancy.json().items as { answer: string | null; answerDue: string; state: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((p) => p.answer === null && p.answerDue >= today)).toBe(true);
    expect(items[0]!.state).toMatch(/^En attente de la réponse du ménage/);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId('h24')}/proposals`,
      headers: siao,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.length).toBeGreaterThanOrEqual(4);

    // A T1 refused forty days ago keeps its household off today's T1 for the policy's cool-off.
    const passage = await signIn('camille.roussel@le-passage.example');
    const t1 = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies/${stableId('vacancy:HB-0021')}/candidates?pageSize=100`,
      headers: passage,
    });
    expect(t1.statusCode).toBe(200);
    const h33 = (t1.json().excluded as { householdId: string; explanation: TCandidateExplanation }[]).find(
      (c) => c.householdId === householdId('h33'),
    );
    expect(h33?.explanation.filters.find((f) => !f.passed)?.code).toBe('cool_off');

    const from = addDays(today, -365);
    const fairness = await t.app.inject({
      method: 'GET',
      url: `/api/matching/fairness?from=${from}&to=${today}`,
      headers: siao,
    });
    expect(fairness.statusCode).toBe(200);
    const view = fairness.json() as TFairnessView;
    expect(view.total.counts.proposals).toBe(proposals.length);
    expect(view.total.counts.householdRefusals).toBeGreaterThanOrEqual(5);
    // The dwellings given went to households of the SIAO's own pool: shown to it whole.
    expect(view.total.counts.allocations).toBeGreaterThan(0);
    expect(view.total.medianDaysToAllocation).not.toBeNull();
    const shown = view.tables.flatMap((table) => table.rows.map((r) => r.counts.proposals ?? 0));
    expect(shown.some((n) => n >= 5)).toBe(true);
  });

  it('has the organisations of one département and a user for every role', async () => {
    const byType = await t.deps.db
      .select({ type: organisations.type, n: count() })
      .from(organisations)
      .groupBy(organisations.type);
    const n = Object.fromEntries(byType.map((r) => [r.type, r.n]));
    expect(n).toMatchObject({ landlord: 1, association: 2, siao: 1, ccapex: 1, funder: 2 });

    const [landlord] = await t.deps.db.select().from(organisations).where(eq(organisations.type, 'landlord'));
    const units = await t.deps.db
      .select()
      .from(managementUnits)
      .where(eq(managementUnits.organisationId, landlord!.id));
    expect(units).toHaveLength(3);

    const roles = new Set(
      (await t.deps.db.select({ role: memberships.role }).from(memberships)).map((r) => r.role),
    );
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });

  it('has at least 40 households, each with a reference person and a current party', async () => {
    const all = await t.deps.db.select({ id: households.id }).from(households);
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const { id } of all) {
      const refs = await t.deps.db
        .select({ n: count() })
        .from(householdMembers)
        .where(and(eq(householdMembers.householdId, id), eq(householdMembers.isReferencePerson, true)));
      expect(refs[0]!.n).toBe(1);
      expect((await activeParties(t.deps.db, id, t.deps.clock())).length).toBeGreaterThan(0);
    }
  });

  it('keeps the search text as the households module computes it', async () => {
    const [h] = await t.deps.db
      .select({ searchText: households.searchText, fileNumber: households.fileNumber, id: households.id })
      .from(households)
      .limit(1);
    const [ref] = await t.deps.db
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, h!.id), eq(householdMembers.isReferencePerson, true)));
    expect(h!.searchText).toContain(normaliseForSearch(`${ref!.firstName} ${ref!.lastName}`));
    expect(h!.searchText).toContain(`m-${String(h!.fileNumber).padStart(6, '0')}`);
  });

  it('has notes of every sensitivity and caseworker-only fields on some files', async () => {
    const sens = await t.deps.db.selectDistinct({ s: householdNotes.sensitivity }).from(householdNotes);
    expect(sens.map((r) => r.s).sort()).toEqual(['confidential', 'landlord_visible', 'shared']);
    for (const column of [households.healthNotes, households.justiceNotes, households.familyConflictNotes]) {
      const [row] = await t.deps.db.select({ n: count() }).from(households).where(isNotNull(column));
      expect(row!.n).toBeGreaterThan(0);
    }
  });

  it('gives every account that needs a second factor a confirmed TOTP secret matching the printed one', async () => {
    const rows = await t.deps.db
      .select({
        email: users.email,
        role: memberships.role,
        secret: users.totpSecret,
        confirmed: users.totpConfirmedAt,
        hash: users.passwordHash,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id));
    const printed = new Map(demoAccounts().map((a) => [a.email, a]));
    for (const row of rows) {
      if (roleNeedsSecondFactor(row.role)) {
        expect(row.secret).toBeTruthy();
        expect(row.confirmed).not.toBeNull();
        expect(printed.get(row.email)!.totpSecret).toBe(row.secret);
        const code = await demoTotpCode(row.email, t.deps.clock());
        const epoch = Math.floor(t.deps.clock().getTime() / 1000);
        expect((await verify({ secret: row.secret!, token: code!, epoch })).valid).toBe(true);
      } else {
        expect(row.secret).toBeNull();
        expect(printed.get(row.email)!.totpSecret).toBeNull();
      }
    }
    expect(await verifyPassword(rows[0]!.hash!, DEMO_PASSWORD)).toBe(true);
    const table = formatDemoAccounts('http://localhost:3000');
    for (const a of demoAccounts()) expect(table).toContain(a.email);
  });

  it('has referrals of both kinds in every status, with their timeline', async () => {
    const rows = await t.deps.db
      .select({ kind: referrals.kind, status: referrals.status, n: count() })
      .from(referrals)
      .groupBy(referrals.kind, referrals.status);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['maintenance', 'access']));
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(15);

    // Each referral goes the way the referral rule allows, and the SIAO and the CCAPEX both send some.
    const sender = alias(organisations, 'sender');
    const routes = await t.deps.db
      .selectDistinct({ from: sender.type, kind: referrals.kind, to: organisations.type })
      .from(referrals)
      .innerJoin(sender, eq(sender.id, referrals.fromOrganisationId))
      .innerJoin(organisations, eq(organisations.id, referrals.toOrganisationId));
    for (const r of routes) {
      expect(REFERRAL_KINDS_SENT_BY[r.from], JSON.stringify(r)).toContain(r.kind);
      expect(canReceiveReferral(r.kind, r.to), JSON.stringify(r)).toBe(true);
    }
    expect(routes.map((r) => r.from)).toEqual(expect.arrayContaining(['siao', 'ccapex']));

    const [withoutSent] = await t.deps.db
      .select({ n: count() })
      .from(referrals)
      .where(
        sql`not exists (select 1 from ${referralEvents} where ${referralEvents.referralId} = ${referrals.id} and ${referralEvents.type} = 'sent')`,
      );
    expect(withoutSent!.n).toBe(0);
    const [attempts] = await t.deps.db.select({ n: count() }).from(referralContactAttempts);
    expect(attempts!.n).toBeGreaterThan(0);
    const [unread] = await t.deps.db
      .select({ n: count() })
      .from(notifications)
      .where(isNull(notifications.readAt));
    expect(unread!.n).toBeGreaterThan(0);
  });

  it('lets anyone sign in with a printed account, its password and its current TOTP code', async () => {
    const headers = await signIn('camille.roussel@le-passage.example');
    const list = await t.app.inject({ method: 'GET', url: '/api/households?page=1&pageSize=100', headers });
    expect(list.statusCode).toBe(200);
    // Camille follows some households with their consent and others through accepted referrals.
    expect(list.json().total).toBeGreaterThanOrEqual(8);
  });

  it('has diagnostics in every lifecycle state, one household with two versions', async () => {
    const rows = await t.deps.db
      .select({ status: diagnostics.status, n: count() })
      .from(diagnostics)
      .groupBy(diagnostics.status);
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({
      draft: 4,
      presented: 1,
      approved: 2,
      disagreed: 1,
      shared: 3,
    });
    const history = await t.deps.db
      .select()
      .from(diagnostics)
      .where(eq(diagnostics.householdId, householdId('h11')))
      .orderBy(diagnostics.version);
    expect(history.map((d) => [d.version, d.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    expect(history[1]!.previousId).toBe(history[0]!.id);
  });

  it('stores contents that parse, complete once presented, with authors and approvals', async () => {
    const all = await t.deps.db.select().from(diagnostics);
    const methods = new Set<string>();
    for (const d of all) {
      expect(ZDiagnosticContent.safeParse(d.content).success).toBe(true);
      expect(ZSectionAuthorship.safeParse(d.authorship).success).toBe(true);
      for (const section of Object.keys(d.content)) {
        expect(d.authorship[section as keyof typeof d.authorship]).toBeDefined();
      }
      if (d.content.needsAndExpectations) expect(d.authorship.needsAndExpectations!.voice).toBe('household');
      if (d.status === 'draft') {
        expect(d.presentation).toBeNull();
        continue;
      }
      expect(missingForPresentation(d.content)).toEqual({});
      expect(d.presentation!.explanation.length).toBeGreaterThan(10);
      if (d.status === 'disagreed') expect(d.disagreement!.inHouseholdWords.length).toBeGreaterThan(10);
      if (d.status === 'approved' || d.status === 'shared') {
        expect(d.approvedAt).not.toBeNull();
        methods.add(d.approval!.method);
        if (d.approval!.method === 'signature') {
          expect(checkSignaturePng(d.approval!.signaturePng!)).toBe(d.approval!.signaturePng);
        } else {
          const [ref] = await t.deps.db
            .select()
            .from(householdMembers)
            .where(
              and(
                eq(householdMembers.householdId, d.householdId),
                eq(householdMembers.isReferencePerson, true),
              ),
            );
          expect(d.approval!.typedName).toBe(`${ref!.firstName} ${ref!.lastName}`);
        }
      }
    }
    expect([...methods].sort()).toEqual(['signature', 'typed_name']);
  });

  it('keeps the diagnostics’ urgent actions as tasks of their households, done, overdue or ahead', async () => {
    const actions = await t.deps.db
      .select({ task: tasks, diagnosticHousehold: diagnostics.householdId })
      .from(tasks)
      .innerJoin(diagnostics, eq(diagnostics.id, tasks.sourceId))
      .where(eq(tasks.source, 'diagnostic'));
    // Every diagnostic task has its diagnostic (the others are the sliding reviews of the leases).
    expect(actions.length).toBe(
      (await t.deps.db.select({ n: count() }).from(tasks).where(eq(tasks.source, 'diagnostic')))[0]!.n,
    );
    const today = t.deps.clock().toISOString().slice(0, 10);
    for (const { task, diagnosticHousehold } of actions) {
      expect(task.householdId).toBe(diagnosticHousehold);
      expect(task.status === 'open').toBe(task.closedAt === null);
    }
    const open = actions.map((a) => a.task).filter((a) => a.status === 'open');
    expect(actions.some((a) => a.task.status === 'done')).toBe(true);
    expect(open.some((a) => a.dueOn! < today)).toBe(true);
    expect(open.some((a) => a.dueOn! > today)).toBe(true);
  });

  it('records the diagnostics’ eviction steps on the household’s procedure, a frozen version showing its own', async () => {
    const headers = await signIn('camille.roussel@le-passage.example');
    const detailOf = async (household: string, version: number) => {
      const base = `/api/households/${householdId(household)}/diagnostics`;
      const list = (await t.app.inject({ method: 'GET', url: base, headers })).json();
      const { id } = list.items.find((d: { version: number }) => d.version === version);
      return (await t.app.inject({ method: 'GET', url: `${base}/${id}`, headers })).json();
    };
    // h07: the step the diagnostic added sits beside those of the referral's procedure.
    const h07 = await detailOf('h07', 1);
    expect(h07.evictionProcedureAsOf).not.toBeNull();
    const h07Steps = h07.evictionProcedure.steps.map((s: { step: string }) => s.step);
    expect(h07Steps).toEqual(expect.arrayContaining(['order_to_leave', 'ccapex_referral']));
    const [share] = await t.deps.db
      .select({ snapshot: diagnosticShares.snapshot })
      .from(diagnosticShares)
      .where(eq(diagnosticShares.householdId, householdId('h07')));
    expect(share!.snapshot.evictionSteps.map((s) => s.step)).toEqual(h07Steps);
    expect(JSON.stringify(share!.snapshot)).not.toContain('CCAPEX par Le Passage');
    // h11: the draft opened the procedure; the version approved months before knew none.
    const [h11v1, h11v2] = [await detailOf('h11', 1), await detailOf('h11', 2)];
    expect(h11v1.evictionProcedure).toBeNull();
    expect(h11v2.evictionProcedureAsOf).toBeNull();
    expect(h11v2.evictionProcedure.steps.map((s: { step: string }) => s.step)).toEqual([
      'first_unpaid_rent',
      'caf_signal',
    ]);
  });

  it('shares only the derived partner version, without any caseworker-only field', async () => {
    const shares = await t.deps.db
      .select({ share: diagnosticShares, content: diagnostics.content, orgType: organisations.type })
      .from(diagnosticShares)
      .innerJoin(diagnostics, eq(diagnostics.id, diagnosticShares.diagnosticId))
      .innerJoin(organisations, eq(organisations.id, diagnosticShares.organisationId));
    expect(new Set(shares.map((s) => s.share.audience))).toEqual(new Set(['landlord', 'committee']));
    let hiddenFields = 0;
    for (const { share, content, orgType } of shares) {
      const snapshot = ZPartnerVersion.parse(share.snapshot);
      expect(snapshot.content).toEqual(derivePartnerVersion(content, share.audience));
      for (const path of leafPaths(snapshot.content)) expect(audienceMaySee(share.audience, path)).toBe(true);
      hiddenFields += leafPaths(content).filter((p) => !audienceMaySee(share.audience, p)).length;
      expect(JSON.stringify(snapshot)).not.toMatch(/familyConflictNotes|justiceNotes|health|urgentActions/);
      if (share.audience === 'committee') {
        expect(orgType).not.toBe('landlord');
        expect(snapshot.capacity).not.toBeNull();
      } else {
        expect(snapshot.capacity).toBeNull();
      }
    }
    expect(hiddenFields).toBeGreaterThan(0);
  });

  it('has dated capacity grids whose derived opinion is the rule’s, one overridden with a reason', async () => {
    const grids = await t.deps.db.select().from(capacityAssessments);
    // Six from the diagnostics' stories, eleven confirmed ready for the pool of households ready to leave.
    expect(new Set(grids.map((g) => g.householdId)).size).toBe(17);
    for (const g of grids) {
      expect(g.derivedOpinion).toBe(deriveReadiness(g.scores));
      if (g.opinion === g.derivedOpinion) expect(g.overrideReason).toBeNull();
      else expect(g.overrideReason!.length).toBeGreaterThanOrEqual(10);
    }
    expect(grids.filter((g) => g.opinion !== g.derivedOpinion)).toHaveLength(1);
    const [progress] = await t.deps.db
      .select({ opinion: capacityAssessments.opinion })
      .from(capacityAssessments)
      .where(eq(capacityAssessments.householdId, householdId('h20')))
      .orderBy(capacityAssessments.assessedOn);
    expect(progress!.opinion).toBe('not_yet');
  });

  it('has target dwellings for five households, charges given or estimated', async () => {
    const scenarios = await t.deps.db.select().from(budgetScenarios);
    expect(new Set(scenarios.map((s) => s.householdId)).size).toBe(5);
    for (const s of scenarios) expect(ZScenarioCreate.safeParse(s).success).toBe(true);
    expect(scenarios.some((s) => s.monthlyChargesCents === null)).toBe(true);
    expect(scenarios.some((s) => s.monthlyChargesCents !== null)).toBe(true);
  });

  it('has the baux glissants of Le Passage with their rent accounts, one in arrears on a plan', async () => {
    const headers = await signIn('camille.roussel@le-passage.example');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/contracts/${stableId('occupancy-contract:h18')}/account`,
      headers,
    });
    expect(res.statusCode).toBe(200);
    const account = res.json();
    expect(account.balanceCents).toBeGreaterThan(0);
    expect(account.balanceCents).toBe(account.callsCents - account.paymentsCents - account.aidsCents);
    expect(account.plans).toHaveLength(1);
  });

  it('shows a caseworker her diagnostics, overdue urgent actions and budgets through the API', async () => {
    const headers = await signIn('camille.roussel@le-passage.example');
    const mine = await t.app.inject({ method: 'GET', url: '/api/tasks/mine', headers });
    expect(mine.statusCode).toBe(200);
    const today = t.deps.clock().toISOString().slice(0, 10);
    const items = mine.json().items as { dueOn: string | null }[];
    expect(items.some((a) => a.dueOn !== null && a.dueOn < today)).toBe(true);

    const h07 = householdId('h07');
    const list = await t.app.inject({ method: 'GET', url: `/api/households/${h07}/diagnostics`, headers });
    expect(list.statusCode).toBe(200);
    const [diagnostic] = list.json().items as { id: string; status: string }[];
    expect(diagnostic!.status).toBe('shared');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/households/${h07}/diagnostics/${diagnostic!.id}`,
      headers,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().missingForPresentation).toEqual({});

    const budget = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId('h31')}/budget`,
      headers,
    });
    expect(budget.statusCode).toBe(200);
    const [scenario] = budget.json().scenarios as { evaluation: { charges: { source: string } } }[];
    expect(scenario!.evaluation.charges.source).toBe('estimated');
  });

  it('has schemes, measures at every stage and a committee whose decisions led to them, through the API', async () => {
    const officer = await signIn('patrick.vidal@cd-valdebrenne.example');
    const home = await t.app.inject({ method: 'GET', url: '/api/funder/home', headers: officer });
    expect(home.statusCode).toBe(200);
    const funder = home.json() as {
      pending: { items: unknown[]; total: number };
      referrals: { fromOrganisationName: string }[];
      funded: { active: number }[];
      programmes: { measures: number; monthsConsumed: number; centsCommitted: number }[];
    };
    expect(funder.pending.items.length).toBeGreaterThan(0);
    expect(funder.pending.total).toBeGreaterThanOrEqual(funder.pending.items.length);
    expect(funder.referrals.length).toBeGreaterThan(0);
    expect(funder.funded.some((f) => f.active > 0)).toBe(true);
    expect(
      funder.programmes.some((p) => p.measures > 0 && p.monthsConsumed > 0 && p.centsCommitted > 0),
    ).toBe(true);

    const schemes = await t.app.inject({ method: 'GET', url: '/api/measure-schemes', headers: officer });
    expect((schemes.json().items as { code: string }[]).map((s) => s.code)).toEqual(
      expect.arrayContaining(['avdl', 'fsl-acces', 'fsl-maintien', 'gla']),
    );

    const manager = await signIn('cheffe.service@le-passage.example');
    const loads = await t.app.inject({ method: 'GET', url: '/api/caseloads', headers: manager });
    expect(
      (loads.json().items as { accessHouseholds: number; maintenanceHouseholds: number }[]).some(
        (l) => l.accessHouseholds + l.maintenanceHouseholds > 0,
      ),
    ).toBe(true);

    const coordinator = await signIn('coordination@habitat-brenne.example');
    const committeeList = await t.app.inject({ method: 'GET', url: '/api/committees', headers: coordinator });
    const [committee] = committeeList.json().items as {
      territoryName: string | null;
      meetings: { id: string; items: number }[];
      people: { fullName: string; hasAccount: boolean; isReader: boolean }[];
    }[];
    expect(committee!.territoryName).toBe('Val-de-Brenne');
    expect(committee!.people.filter((p) => p.hasAccount).length).toBeGreaterThanOrEqual(3);
    expect(committee!.people.some((p) => !p.hasAccount)).toBe(true);
    expect(committee!.people.filter((p) => p.isReader)).toHaveLength(1);
    expect(committee!.meetings).toHaveLength(2);
    const [past, next] = committee!.meetings;
    const meeting = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${past!.id}`,
      headers: coordinator,
    });
    const items = meeting.json().items as { decision: { summary: string } | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.decision?.summary.startsWith('Orientation : '))).toBe(true);
    expect(next!.items).toBeGreaterThan(0);

    const statuses = await t.deps.db.selectDistinct({ status: measures.status }).from(measures);
    expect(statuses.map((s) => s.status).sort()).toEqual([...MEASURE_STATUSES].sort());
  });

  it('fills the caseworkers’ current and next weeks with appointments, a partner seeing its own without the note', async () => {
    const headers = await signIn('camille.roussel@le-passage.example');
    const week = async (day?: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/agenda/week${day ? `?day=${day}` : ''}`, headers })
      ).json() as { monday: string; appointments: { householdId: string | null; status: string }[] };
    const current = await week();
    const next = await week(addDays(current.monday, 7));
    for (const w of [current, next]) {
      expect(w.appointments.length).toBeGreaterThanOrEqual(5);
      expect(w.appointments.some((a) => a.householdId === null)).toBe(true);
    }
    expect(next.appointments.every((a) => a.status === 'planned')).toBe(true);
    // Habitat Brenne takes part in the partner meetings and some office meetings: it reads them without notes.
    const [withHabitat] = await t.deps.db
      .select({ householdId: appointments.householdId })
      .from(appointments)
      .innerJoin(appointmentParticipants, eq(appointmentParticipants.appointmentId, appointments.id))
      .where(
        and(
          eq(appointmentParticipants.organisationId, organisationId('habitat')),
          isNotNull(appointments.householdId),
        ),
      );
    expect(withHabitat).toBeDefined();
    const landlord = await signIn('conseillere.sociale@habitat-brenne.example');
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/households/${withHabitat!.householdId}/appointments`,
      headers: landlord,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.length).toBeGreaterThan(0);
    for (const item of seen.json().items) expect(item).not.toHaveProperty('note');
  });

  it('has a journal for the measures under way: months of visits, calls and partner contacts', async () => {
    const rows = await t.deps.db
      .select({
        kind: journalEntries.kind,
        sensitivity: journalEntries.sensitivity,
        occurredAt: journalEntries.occurredAt,
        status: journalEntries.status,
        measureStart: measures.startOn,
      })
      .from(journalEntries)
      .innerJoin(measures, eq(measures.id, journalEntries.measureId));
    expect(rows.length).toBeGreaterThan(50);
    for (const kind of ['home_visit', 'phone_call', 'partner_contact', 'office_meeting'])
      expect(rows.map((r) => r.kind)).toContain(kind);
    expect(new Set(rows.map((r) => r.sensitivity))).toEqual(new Set(['ordinary', 'confidential']));
    expect(rows.map((r) => r.status)).toContain('cancelled');
    const now = t.deps.clock();
    for (const r of rows) {
      expect(futureActivityBreak(r.occurredAt, now)).toBeNull();
      expect(parisDate(r.occurredAt) >= r.measureStart!).toBe(true);
    }
  });

  it('has Le Passage’s workshops: two held with their attendance in the journals, one to come with its invitations', async () => {
    const camille = await signIn('camille.roussel@le-passage.example');
    const list = await t.app.inject({ method: 'GET', url: '/api/workshops', headers: camille });
    const items = list.json().items as {
      id: string;
      startsAt: string;
      presentCount: number;
      invitedCount: number;
    }[];
    const now = t.deps.clock().getTime();
    const held = items.filter((w) => Date.parse(w.startsAt) < now);
    const next = items.filter((w) => Date.parse(w.startsAt) > now);
    expect(held).toHaveLength(2);
    expect(held.every((w) => w.presentCount > 0)).toBe(true);
    expect(next.map((w) => [w.presentCount, w.invitedCount > 0])).toEqual([[0, true]]);
    const entries = await t.deps.db.select().from(journalEntries).where(eq(journalEntries.kind, 'workshop'));
    expect(entries).toHaveLength(held.reduce((n, w) => n + w.presentCount, 0));
    for (const e of entries) expect(futureActivityBreak(e.occurredAt, t.deps.clock())).toBeNull();
  });

  it('has Le Passage’s weekly permanence with the walk-ins of its last sessions, one anonymous', async () => {
    const camille = await signIn('camille.roussel@le-passage.example');
    const slots = await t.app.inject({ method: 'GET', url: '/api/permanences/slots', headers: camille });
    const [slot, ...others] = slots.json().items as TSlot[];
    expect(others).toEqual([]);
    expect(slot).toMatchObject({ weekday: 2, everyWeeks: 1, status: 'open' });
    const visits = await t.deps.db.select().from(permanenceVisits);
    expect(visits).toHaveLength(4);
    for (const v of visits) {
      const rule = visitOccurrence({ ...slot!, untilDate: null }, v.occurredAt, t.deps.clock());
      expect('occurrence' in rule && rule.occurrence.date).toBe(v.occurrenceDate);
    }
    const anonymous = visits.filter((v) => v.consent === 'refused');
    expect(anonymous.map((v) => [v.firstName, v.phone, v.advice, v.steps])).toEqual([[null, null, null, []]]);
    const week = await t.app.inject({
      method: 'GET',
      url: `/api/permanences/week?date=${visits[0]!.occurrenceDate}`,
      headers: camille,
    });
    const shown = (week.json() as TWeek).occurrences.flatMap((o) => o.visits.map((v) => v.id));
    expect(shown).toContain(visits[0]!.id);
  });

  it('has households under watch: one past its first yearly visit, one whose visit falls due soon', async () => {
    const watched = await t.deps.db
      .select({ id: measures.id, endedOn: measures.endedOn, watchMonths: measures.watchMonths })
      .from(measures)
      .where(eq(measures.orientation, 'watch'));
    const today = parisDate(t.deps.clock());
    const visits = await t.deps.db
      .select({ measureId: journalEntries.measureId, occurredAt: journalEntries.occurredAt })
      .from(journalEntries)
      .where(eq(journalEntries.kind, 'home_visit'));
    const lastVisit = (measureId: string) =>
      visits
        .filter((v) => v.measureId === measureId)
        .map((v) => parisDate(v.occurredAt))
        .sort()
        .at(-1) ?? null;
    const due = watched.map((m) => watchVisitDueOn({ ...m, nextStartOn: null }, lastVisit(m.id)));
    // Past its first yearly visit: the next one is the second anniversary, about a year away.
    expect(due.some((d) => d !== null && d > addMonths(today, 9))).toBe(true);
    // Due within the 30 days of the alert.
    expect(due.some((d) => d !== null && d >= today && d <= addMonths(today, 1))).toBe(true);
  });

  it('has monthly points for the last months of the measures under way, validated or in draft', async () => {
    const rows = await t.deps.db
      .select({ point: monthlyPoints, measureStatus: measures.status })
      .from(monthlyPoints)
      .innerJoin(measures, eq(measures.id, monthlyPoints.measureId));
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.point.status))).toEqual(new Set(['draft', 'validated']));
    const current = monthOf(t.deps.clock());
    for (const { point, measureStatus } of rows) {
      expect(measureStatus).toBe('active');
      expect(point.month < current).toBe(true);
      expect(point.report).toMatch(/\S/);
    }
    // The validated figures are the reports’: most months had activity.
    const latest = await latestMonthlyPoints(t.deps.db, [...new Set(rows.map((r) => r.point.measureId))]);
    expect(latest.size).toBeGreaterThan(5);
    expect([...latest.values()].some((p) => p.activities > 0 && p.minutes > 0)).toBe(true);
    // The référent reads them on the file, the journal's figures beside them.
    const [measure] = await t.deps.db
      .select({ householdId: measures.householdId, caseworker: users.email })
      .from(measures)
      .innerJoin(users, eq(users.id, measures.caseworkerUserId))
      .where(eq(measures.id, rows[0]!.point.measureId));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/households/${measure!.householdId}/monthly-points`,
      headers: await signIn(measure!.caseworker),
    });
    expect(res.statusCode).toBe(200);
    const months = (res.json() as TMonthlyPoints).measures.flatMap((m) => m.months);
    expect(months.some((m) => m.point?.status === 'validated')).toBe(true);
  });

  it('has a validated interim evaluation shared with the landlord, its version without the caseworker’s comments', async () => {
    const [row] = await t.deps.db.select().from(evaluations);
    expect(row).toMatchObject({ kind: 'interim', status: 'shared' });
    const [measure] = await t.deps.db.select().from(measures).where(eq(measures.id, row!.measureId));
    expect(measure).toMatchObject({ status: 'active', operatorOrganisationId: organisationId('passage') });
    const shares = await t.deps.db.select().from(evaluationShares);
    expect(shares.map((s) => [s.audience, s.organisationId])).toEqual([
      ['landlord', organisationId('habitat')],
    ]);
    // The landlord's adviser reads it on the file: the housing objectives, never a comment.
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/households/${row!.householdId}/evaluations`,
      headers: await signIn('conseillere.sociale@habitat-brenne.example'),
    });
    expect(res.statusCode).toBe(200);
    const { shared, evaluations: full } = res.json() as TEvaluationList;
    expect(full).toEqual([]);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.version).toMatchObject({ audience: 'landlord', kind: 'interim' });
    for (const o of row!.content.objectives) expect(res.body).not.toContain(o.comment);
    expect(res.body).not.toContain(row!.content.notes);
    expect(res.body).not.toContain('centre social');
  });

  it('has occupancy contracts of every kind, a bail glissant near its review, never two of a dwelling on one day', async () => {
    const rows = await t.deps.db.select().from(occupancyContracts);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(OCCUPANCY_KINDS));
    for (const r of rows)
      expect(
        overlappingContract(
          r,
          rows.filter((o) => o.dwellingId === r.dwellingId),
        ),
      ).toBeNull();
    const today = parisDate(t.deps.clock());
    const near = rows.find(
      (r) => r.kind === 'bail_glissant' && r.status === 'active' && r.slidingReviewOn! <= addDays(today, 30),
    );
    expect(near).toBeDefined();
    const slid = rows.find((r) => r.previousContractId !== null)!;
    const sublease = rows.find((r) => r.id === slid.previousContractId)!;
    expect(slid.startOn).toBe(addDays(sublease.endOn!, 1));
    const camille = await signIn('camille.roussel@le-passage.example');
    const contract = await t.app.inject({ method: 'GET', url: `/api/leases/${near!.id}`, headers: camille });
    expect(contract.json().evaluations).toHaveLength(2);
  });

  it('has a tenant Habitat Brenne referred from its arrears file, whose eviction panel reads that file', async () => {
    const h08 = householdId('h08');
    const landlord = await signIn('conseillere.sociale@habitat-brenne.example');
    const flagged = (
      await t.app.inject({ method: 'GET', url: '/api/stock-imports/arrears/flagged', headers: landlord })
    ).json() as TFlaggedTenants;
    const [contract] = await t.deps.db
      .select()
      .from(occupancyContracts)
      .where(eq(occupancyContracts.householdId, h08));
    const tenant = flagged.items.find((f) => f.contractId === contract!.id);
    expect(tenant).toMatchObject({ balanceCents: 190_000 });
    expect(
      await t.deps.db.select().from(referralContracts).where(eq(referralContracts.contractId, contract!.id)),
    ).toHaveLength(1);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/households/${h08}/eviction-prevention`,
      headers: await signIn('thomas.lefevre@le-passage.example'),
    });
    const prevention = res.json() as TEvictionPrevention;
    expect(prevention.debtSource).toBe('landlord_file');
    expect(prevention.landlordFile).toMatchObject({ asOf: tenant!.asOf });
    expect(prevention.landlordFile!.landlordName).toMatch(/^Habitat Brenne/);
    // Four monthly files, the debt grown to the referral's amount; the deadlines computed from them.
    expect(prevention.landlordFile!.balances).toHaveLength(4);
    expect(prevention.landlordFile!.balances.at(-1)).toMatchObject({ amountCents: 190_000, months: 7 });
    expect(prevention.timelineProblem).toBeNull();
    expect(prevention.deadlines.length).toBeGreaterThan(0);
  });

  it('has alerts once the alerts job ran, as it does at start, on the référents’ home lists', async () => {
    await runAlerts(t.deps);
    const rules = await t.deps.db
      .selectDistinct({ rule: sql<string>`split_part(${tasks.alertKey}, ':', 1)` })
      .from(tasks)
      .where(and(eq(tasks.source, 'alert'), eq(tasks.status, 'open')));
    expect(rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['referral_unanswered', 'committee_review', 'watch_visit_due']),
    );
    const camille = await signIn('camille.roussel@le-passage.example');
    const mine = await t.app.inject({ method: 'GET', url: '/api/tasks/mine', headers: camille });
    const alerts = (mine.json().items as { source: string; alertRule: string | null }[]).filter(
      (i) => i.source === 'alert',
    );
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.alertRule !== null)).toBe(true);

    const escale = await signIn('admin@escale-brennoise.example');
    const settings = await t.app.inject({ method: 'GET', url: '/api/alerts/settings', headers: escale });
    expect(settings.json()).toMatchObject({
      referralUnansweredDays: 5,
      measureEndingDays: 45,
      isDefault: false,
    });
  });
});
