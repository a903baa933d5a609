import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { insertDwelling } from '../../src/modules/dwellings/index.ts';
import { occupancyContracts } from '../../src/modules/leases/schema.ts';
import { runAlerts } from '../../src/modules/alerts/index.ts';
import { alertSettings } from '../../src/modules/alerts/schema.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import type { TAid, TAidList } from '../../src/shared/contracts/housing-aids.ts';

describe('housing aids', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let caseworkerId: string;
  let landlord: TestSession;
  let otherLandlord: TestSession;
  let stranger: TestSession;
  let landlordId: string;
  let associationId: string;
  let householdId: string;
  let contractId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    associationId = association.org.id;
    caseworker = association.members.caseworker!.session;
    caseworkerId = association.members.caseworker!.user.id;
    const social = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    landlordId = social.org.id;
    landlord = social.members.landlord_rental_manager!.session;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager'])).members
      .landlord_rental_manager!.session;
    stranger = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!.session;
    householdId = await createHouseholdAs(t, caseworker, sampleHousehold());
    await consentToLandlord(t, caseworker, householdId, landlordId);
    const dwellingId = await insertDwelling(
      t.deps.db,
      {
        address: '4 rue des Tilleuls, 38000 Grenoble',
        landlordOrganisationId: landlordId,
      },
      NOW,
    );
    const [contract] = await t.deps.db
      .insert(occupancyContracts)
      .values({
        dwellingId,
        kind: 'bail_glissant',
        householdId,
        lessorOrganisationId: landlordId,
        lessorKind: 'legal_person',
        intermediaryOrganisationId: associationId,
        status: 'active',
        startOn: '2025-09-01',
      })
      .returning();
    contractId = contract!.id;
    // The association collects the rent of the bail glissant: it keeps the contract's account.
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/contracts/${contractId}/account`,
      headers: caseworker.headers,
      payload: { on: '2025-09-01' },
    });
    if (opened.statusCode !== 201) throw new Error(`account: ${opened.statusCode} ${opened.body}`);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, session = caseworker) =>
    t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/aids${url}`,
      headers: session.headers,
      payload,
    });
  const list = (session = caseworker) =>
    t.app.inject({ method: 'GET', url: `/api/households/${householdId}/aids`, headers: session.headers });
  const request = async (body: object) => {
    const res = await post('', {
      kind: 'fsl_maintien',
      form: 'grant',
      funderName: 'Conseil départemental de l’Isère (FSL)',
      payee: 'landlord',
      payeeOrganisationId: landlordId,
      requestedOn: '2026-02-20',
      amountRequestedCents: 80_000,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TAid>();
  };

  it('follows an FSL maintien from request to grant and two payments, each step dated and audited', async () => {
    const aid = await request({});
    expect(aid).toMatchObject({ status: 'requested', amountPaidCents: 0, payeeName: expect.any(String) });
    const decided = await post(`/${aid.id}/decision`, {
      outcome: 'granted',
      decidedOn: '2026-03-02',
      amountGrantedCents: 60_000,
      rowVersion: aid.rowVersion,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const granted = decided.json<TAid>();
    expect(granted).toMatchObject({ status: 'granted', amountGrantedCents: 60_000, decidedOn: '2026-03-02' });

    const first = (
      await post(`/${aid.id}/payments`, {
        paidOn: '2026-03-05',
        amountCents: 20_000,
        rowVersion: granted.rowVersion,
      })
    ).json<TAid>();
    expect(first).toMatchObject({ status: 'paid', amountPaidCents: 20_000 });
    const tooMuch = await post(`/${aid.id}/payments`, {
      paidOn: TODAY,
      amountCents: 40_001,
      rowVersion: first.rowVersion,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.fields).toEqual({
      amountCents: 'Le total versé ne peut pas dépasser le montant accordé.',
    });
    const second = (
      await post(`/${aid.id}/payments`, { paidOn: TODAY, amountCents: 40_000, rowVersion: first.rowVersion })
    ).json<TAid>();
    expect(second).toMatchObject({ amountPaidCents: 60_000, lastPaidOn: TODAY });
    expect(second.events.map((e) => [e.status, e.occurredOn, e.amountCents])).toEqual([
      ['requested', '2026-02-20', 80_000],
      ['granted', '2026-03-02', 60_000],
      ['paid', '2026-03-05', 20_000],
      ['paid', TODAY, 40_000],
    ]);
    // Paid to the landlord: nothing posted to the household's rent account.
    const postings = await t.app.inject({
      method: 'GET',
      url: `/api/contracts/${contractId}/account/postings`,
      headers: caseworker.headers,
    });
    expect(postings.json().items).toEqual([]);
    const entries = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, aid.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(
      ['housing_aid.grant', 'housing_aid.pay', 'housing_aid.pay', 'housing_aid.request'].sort(),
    );
  });

  it('refuses in French a payment before the grant, a second decision, a stale version', async () => {
    const aid = await request({ kind: 'small_grant', funderName: 'Fondation locale' });
    const early = await post(`/${aid.id}/payments`, {
      paidOn: TODAY,
      amountCents: 100,
      rowVersion: aid.rowVersion,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({
      amountCents: 'Une aide ne peut pas être versée avant d’avoir été accordée.',
    });
    const refused = await post(`/${aid.id}/decision`, {
      outcome: 'refused',
      decidedOn: TODAY,
      reason: 'Ressources au-dessus du plafond.',
      rowVersion: aid.rowVersion,
    });
    expect(refused.json()).toMatchObject({
      status: 'refused',
      refusalReason: 'Ressources au-dessus du plafond.',
    });
    const again = await post(`/${aid.id}/decision`, {
      outcome: 'granted',
      decidedOn: TODAY,
      amountGrantedCents: 100,
      rowVersion: refused.json().rowVersion,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.outcome).toMatch(/déjà reçu sa décision/);
    const onRefused = await post(`/${aid.id}/payments`, {
      paidOn: TODAY,
      amountCents: 100,
      rowVersion: aid.rowVersion,
    });
    expect(onRefused.json().error.fields).toEqual({
      amountCents: 'Une aide refusée ne peut pas être versée.',
    });
    // Two payments recorded from the same reading: the second answers the version conflict.
    const other = await request({});
    const granted = (
      await post(`/${other.id}/decision`, {
        outcome: 'granted',
        decidedOn: TODAY,
        amountGrantedCents: 1_000,
        rowVersion: other.rowVersion,
      })
    ).json<TAid>();
    const payment = { paidOn: TODAY, amountCents: 100, rowVersion: granted.rowVersion };
    expect((await post(`/${other.id}/payments`, payment)).statusCode).toBe(200);
    const stale = await post(`/${other.id}/payments`, payment);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const badForm = await post('', {
      kind: 'visale',
      form: 'grant',
      funderName: 'Action Logement',
      payee: 'landlord',
      requestedOn: TODAY,
      amountRequestedCents: 100,
    });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().error.fields).toEqual({ form: 'Cette forme n’existe pas pour ce type d’aide.' });
  });

  it('renews an aide sur quittance once and refuses a second renewal', async () => {
    const quittance = {
      kind: 'aide_sur_quittance',
      form: 'grant',
      funderName: 'Caisse d’Épargne (mécénat)',
      months: 3,
    };
    const outside = await post('', {
      ...quittance,
      months: 4,
      payee: 'landlord',
      requestedOn: TODAY,
      amountRequestedCents: 30_000,
    });
    expect(outside.json().error.fields).toEqual({
      months: 'Une aide sur quittance couvre de 1 à 3 mois de loyer.',
    });
    const first = await request({ ...quittance });
    const granted = (
      await post(`/${first.id}/decision`, {
        outcome: 'granted',
        decidedOn: TODAY,
        amountGrantedCents: 30_000,
        rowVersion: first.rowVersion,
      })
    ).json<TAid>();
    const renewal = await request({ ...quittance, months: 2, renewsAidId: granted.id, requestedOn: TODAY });
    expect(renewal.renewsAidId).toBe(first.id);
    const decidedRenewal = (
      await post(`/${renewal.id}/decision`, {
        outcome: 'granted',
        decidedOn: TODAY,
        amountGrantedCents: 20_000,
        rowVersion: renewal.rowVersion,
      })
    ).json<TAid>();
    for (const renewsAidId of [first.id, decidedRenewal.id]) {
      const res = await post('', {
        ...quittance,
        payee: 'landlord',
        renewsAidId,
        requestedOn: TODAY,
        amountRequestedCents: 10_000,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.renewsAidId).toMatch(/renouvelable qu’une fois/);
    }
    const read = (await list()).json<TAidList>();
    expect(read.items.find((a) => a.id === first.id)?.renewedByAidId).toBe(renewal.id);
  });

  it('posts a payment to the rent account as an aid, its collector being the association', async () => {
    const contracts = (await list()).json<TAidList>().contracts;
    expect(contracts).toEqual([
      { id: contractId, label: 'Bail glissant — 4 rue des Tilleuls, 38000 Grenoble' },
    ]);
    const aid = await request({
      payee: 'rent_account',
      payeeOrganisationId: null,
      contractId,
      funderName: 'FSL de l’Isère',
    });
    expect(aid).toMatchObject({ payeeOrganisationId: associationId, contractLabel: contracts[0]!.label });
    const granted = (
      await post(`/${aid.id}/decision`, {
        outcome: 'granted',
        decidedOn: TODAY,
        amountGrantedCents: 45_000,
        rowVersion: aid.rowVersion,
      })
    ).json<TAid>();
    const paid = await post(`/${aid.id}/payments`, {
      paidOn: TODAY,
      amountCents: 45_000,
      rowVersion: granted.rowVersion,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const account = await t.app.inject({
      method: 'GET',
      url: `/api/contracts/${contractId}/account/postings`,
      headers: caseworker.headers,
    });
    expect(account.json().items).toMatchObject([
      {
        kind: 'aid_credit',
        amountCents: -45_000,
        postedOn: TODAY,
        label: 'FSL maintien (subvention) — FSL de l’Isère',
      },
    ]);
    const unknown = await post('', {
      payee: 'rent_account',
      contractId: householdId,
      kind: 'fsl_maintien',
      form: 'grant',
      funderName: 'FSL',
      requestedOn: TODAY,
      amountRequestedCents: 100,
    });
    expect(unknown.json().error.fields).toEqual({
      contractId: 'Ce contrat n’est pas un contrat en cours du ménage.',
    });
  });

  it('shows a landlord only the aids paid to it, and lets only the social workers manage them', async () => {
    const all = (await list()).json<TAidList>();
    expect(all.canManage).toBe(true);
    const seen = await list(landlord);
    expect(seen.statusCode).toBe(200);
    const landlordView = seen.json<TAidList>();
    expect(landlordView.canManage).toBe(false);
    expect(landlordView.contracts).toEqual([]);
    expect(landlordView.items.length).toBeGreaterThan(0);
    expect(landlordView.items.every((a) => a.payeeOrganisationId === landlordId)).toBe(true);
    expect(landlordView.items.length).toBeLessThan(all.items.length);
    const write = await post(
      '',
      {
        kind: 'small_grant',
        form: 'grant',
        funderName: 'x',
        payee: 'household',
        requestedOn: TODAY,
        amountRequestedCents: 100,
      },
      landlord,
    );
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/travailleurs sociaux/);
    expect((await list(otherLandlord)).statusCode).toBe(404);
    expect((await list(stranger)).statusCode).toBe(404);
  });

  /** The alert tasks of an aid (of one rule): key, status, owner and title. */
  const aidTasks = (aidId: string, rule = 'aid_undecided') =>
    t.deps.db
      .select({ key: tasks.alertKey, status: tasks.status, owner: tasks.ownerUserId, title: tasks.title })
      .from(tasks)
      .where(and(eq(tasks.sourceId, aidId), like(tasks.alertKey, `${rule}:%`)));

  it('raises a task when an aid waits for its decision past the organisation’s delay, closed by the decision', async () => {
    // Asked on 5 January: 64 days without a decision, past the default 60.
    const late = await request({ requestedOn: '2026-01-05' });
    expect(await aidTasks(late.id)).toEqual([
      {
        key: `aid_undecided:${late.id}`,
        status: 'open',
        owner: caseworkerId,
        title:
          'FSL maintien (Conseil départemental de l’Isère (FSL)) demandée le 05/01/2026 toujours sans décision : relancer le financeur',
      },
    ]);
    // Asked 18 days ago: nothing, until the association waits only 15 days.
    const recent = await request({ requestedOn: '2026-02-20' });
    expect(await aidTasks(recent.id)).toEqual([]);
    await t.deps.db.insert(alertSettings).values({
      organisationId: associationId,
      noContactDays: 30,
      measureEndingDays: 30,
      renewalLimitDays: 90,
      referralUnansweredDays: 8,
      contractUnsignedDays: 15,
      aidDecisionDays: 15,
    });
    await runAlerts(t.deps);
    expect((await aidTasks(recent.id)).map((a) => a.status)).toEqual(['open']);
    // The decision recorded closes the task at once.
    const refused = await post(`/${late.id}/decision`, {
      outcome: 'refused',
      decidedOn: TODAY,
      reason: 'Ressources au-dessus du barème.',
      rowVersion: late.rowVersion,
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await aidTasks(late.id)).map((a) => a.status)).toEqual(['done']);
  });

  it('follows a loan’s repayments on its schedule: a missed instalment raises a task, caught up it closes', async () => {
    const asked = await request({ form: 'loan', requestedOn: '2026-02-20', amountRequestedCents: 30_000 });
    const granted = (
      await post(`/${asked.id}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-03-02',
        amountGrantedCents: 30_000,
        repaymentSchedule: { firstInstalmentOn: '2026-03-05', monthlyCents: 10_000, months: 3 },
        rowVersion: asked.rowVersion,
      })
    ).json<TAid>();
    const early = await post(`/${asked.id}/repayments`, { paidOn: '2026-03-04', amountCents: 1_000 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({ amountCents: 'Un prêt se rembourse une fois versé.' });
    const paid = (
      await post(`/${asked.id}/payments`, {
        paidOn: '2026-03-03',
        amountCents: 30_000,
        rowVersion: granted.rowVersion,
      })
    ).json<TAid>();
    // The first instalment fell due on 5 March, today is the 10th: missed.
    expect(paid.instalments.map((i) => [i.dueOn, i.status])).toEqual([
      ['2026-03-05', 'missed'],
      ['2026-04-05', 'upcoming'],
      ['2026-05-05', 'upcoming'],
    ]);
    expect((await aidTasks(asked.id, 'aid_repayment_missed')).map((a) => [a.key, a.status])).toEqual([
      [`aid_repayment_missed:${asked.id}:2026-03-05`, 'open'],
    ]);

    const repaid = await post(`/${asked.id}/repayments`, { paidOn: '2026-03-08', amountCents: 10_000 });
    expect(repaid.statusCode, repaid.body).toBe(201);
    expect(repaid.json<TAid>()).toMatchObject({
      repaidCents: 10_000,
      repayments: [{ paidOn: '2026-03-08', amountCents: 10_000, recordedByName: expect.any(String) }],
    });
    expect(repaid.json<TAid>().instalments.map((i) => i.status)).toEqual(['repaid', 'upcoming', 'upcoming']);
    expect((await aidTasks(asked.id, 'aid_repayment_missed')).map((a) => a.status)).toEqual(['done']);
    const tooMuch = await post(`/${asked.id}/repayments`, { paidOn: TODAY, amountCents: 20_001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.fields).toEqual({
      amountCents: 'Le total remboursé ne peut pas dépasser le montant prêté.',
    });

    // April's instalment unpaid on the 6th: a new task for it.
    t.setNow(new Date('2026-04-06T10:00:00Z'));
    try {
      await runAlerts(t.deps);
      expect((await aidTasks(asked.id, 'aid_repayment_missed')).map((a) => [a.key, a.status]).sort()).toEqual(
        [
          [`aid_repayment_missed:${asked.id}:2026-03-05`, 'done'],
          [`aid_repayment_missed:${asked.id}:2026-04-05`, 'open'],
        ],
      );
    } finally {
      t.setNow(NOW);
    }
    const entries = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, asked.id), eq(auditLog.action, 'housing_aid.repay')));
    expect(entries).toHaveLength(1);
  });
});
