import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { placeIn } from '../helpers/measure-fixtures.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import type {
  TDesignation,
  THouseholdProposals,
  TProposal,
  TVacancyProposals,
} from '../../src/shared/contracts/designations.ts';
import type { TPool } from '../../src/shared/contracts/housing-pool.ts';
import type { TCandidateList } from '../../src/shared/contracts/matching.ts';
import type { TVacancyList } from '../../src/shared/contracts/vacancies.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { notifications } from '../../src/modules/notifications/schema.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';
import { committeeMeetings, committees } from '../../src/modules/committees/schema.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import { proposalSilencesJob, recordSilences } from '../../src/modules/matching/index.ts';

type Method = 'GET' | 'PUT' | 'POST';

const scores = Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3 }]));
const NAMES: [string, string][] = [
  ['Hélène', 'Dupré'],
  ['Karim', 'Benali'],
  ['Sofia', 'Marques'],
  ['Jean', 'Moreau'],
];

describe('designation of candidates on a vacancy and the commission’s outcome', () => {
  let t: TestApp;
  let communes: Awaited<ReturnType<typeof makeMetzTerritory>>;
  let siaoId: string;
  let siaoWorker: TestSession;
  let referent: TestSession;
  let referentUserId: string;
  let landlordId: string;
  let landlord: TestSession;
  let siaoUserId: string;
  let landlordUserId: string;
  let otherLandlord: TestSession;
  let stranger: TestSession;
  let designationMeetingId: string;
  let otherMeetingId: string;
  let named = 0;
  let addresses = 0;

  const call = (session: TestSession, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const ok = async <T>(res: Awaited<ReturnType<typeof call>>, what: string): Promise<T> => {
    if (res.statusCode >= 300) throw new Error(`${what} : ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };

  /**
   * A household followed by the association (its referent), the SIAO a party by consent, its grid
   * confirmed ready, its housing project opened by the SIAO (in its pool) with the consent to be proposed.
   */
  async function poolHousehold(opts: { consent?: boolean; incomeCents?: number } = {}): Promise<string> {
    const [firstName, lastName] = NAMES[named++ % NAMES.length]!;
    const id = await createHouseholdAs(
      t,
      referent,
      sampleHousehold({
        members: [
          {
            firstName,
            lastName,
            birthDate: '1985-04-12',
            relationship: 'reference_person',
            isReferencePerson: true,
          },
          {
            firstName: 'Léo',
            lastName,
            birthDate: '2015-09-01',
            relationship: 'child',
            isReferencePerson: false,
          },
        ],
      }),
    );
    await ok(
      await call(referent, 'POST', `/api/households/${id}/consents`, {
        organisationId: siaoId,
        purpose: 'support',
        validFrom: TODAY,
        method: 'signed_form',
      }),
      'accord au SIAO',
    );
    await ok(
      await call(referent, 'POST', `/api/households/${id}/capacity-assessments`, {
        assessedOn: TODAY,
        scores,
        opinion: 'ready',
      }),
      'grille',
    );
    await ok(
      await call(siaoWorker, 'PUT', `/api/households/${id}/housing-project`, {
        typologies: ['t2', 't3'],
        communeIds: [communes.metz],
        accessibilityNeed: 'none',
        supportIntensity: 'light',
        priorityCategories: ['c'],
        demandRenewalDue: '2026-09-30',
        incomes: [{ source: 'rfr_n2', year: 2024, annualCents: opts.incomeCents ?? 1_450_000 }],
      }),
      'projet',
    );
    if (opts.consent ?? true)
      await ok(
        await call(siaoWorker, 'POST', `/api/households/${id}/housing-project/consent`, {
          givenOn: TODAY,
          method: 'signed_form',
        }),
        'accord pour être proposé',
      );
    return id;
  }

  /** A free T3 in Metz, published by the landlord. */
  async function openVacancy(): Promise<string> {
    const dwelling = await ok<{ id: string }>(
      await call(landlord, 'POST', '/api/dwellings', {
        address: `${++addresses} rue Serpenoise, 57000 Metz`,
        communeId: communes.metz,
        typology: 't3',
        surfaceM2: 64,
        financing: 'plus',
        rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 48_000, monthlyChargesCents: 9_500 },
      }),
      'logement',
    );
    const vacancy = await ok<{ id: string }>(
      await call(landlord, 'POST', '/api/vacancies', {
        dwellingId: dwelling.id,
        channel: 'prefectoral',
        answerBy: '2026-04-30',
        visitDates: [],
      }),
      'vacance',
    );
    return vacancy.id;
  }

  const designation = (householdIds: string[], over: object = {}) => ({
    meetingId: null,
    designatedOn: TODAY,
    notifiedOn: TODAY,
    candidates: householdIds.map((householdId) => ({ householdId, occupancy: 'direct_lease' })),
    ...over,
  });
  const designate = (vacancyId: string, body: object, session = siaoWorker) =>
    call(session, 'POST', `/api/vacancies/${vacancyId}/designations`, body);
  const answer = (proposalId: string, body: object, session = siaoWorker) =>
    call(session, 'POST', `/api/proposals/${proposalId}/answer`, { answeredOn: TODAY, ...body });
  const decide = (proposalId: string, body: object, session = landlord) =>
    call(session, 'POST', `/api/proposals/${proposalId}/decision`, { decidedOn: TODAY, ...body });
  const noticesOf = (userId: string, kind: string) =>
    t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    communes = await makeMetzTerritory(t.deps.db);
    const siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    siaoId = siao.org.id;
    siaoWorker = siao.members.caseworker!.session;
    siaoUserId = siao.members.caseworker!.user.id;
    await placeIn(t.deps.db, siaoId, communes.epciId);
    const association = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    referent = association.members.caseworker!.session;
    referentUserId = association.members.caseworker!.user.id;
    await placeIn(t.deps.db, association.org.id, communes.metz);
    const social = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    landlordId = social.org.id;
    landlord = social.members.landlord_rental_manager!.session;
    landlordUserId = social.members.landlord_rental_manager!.user.id;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager'])).members
      .landlord_rental_manager!.session;
    const strangers = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    stranger = strangers.members.caseworker!.session;
    await placeIn(t.deps.db, strangers.org.id, communes.metz);

    // The SIAO's designation meetings, and a meeting of another kind of committee.
    const meetingOf = async (kind: 'designation' | 'pre_cal') => {
      const [committee] = await t.deps.db
        .insert(committees)
        .values({ organisationId: siaoId, name: `Comité ${kind}`, kind, cadence: 'monthly' })
        .returning();
      const [meeting] = await t.deps.db
        .insert(committeeMeetings)
        .values({ committeeId: committee!.id, startsAt: NOW, durationMinutes: 120 })
        .returning();
      return meeting!.id;
    };
    designationMeetingId = await meetingOf('designation');
    otherMeetingId = await meetingOf('pre_cal');
  }, 120_000);
  afterAll(() => t.close());

  it('proposes three in order; the first refuses, the commission allocates to the second, whose referent is told; the vacancy closes', async () => {
    const vacancyId = await openVacancy();
    const households = [await poolHousehold(), await poolHousehold(), await poolHousehold()];
    const res = await designate(vacancyId, designation(households, { meetingId: designationMeetingId }));
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as TDesignation;
    expect(made.meetingId).toBe(designationMeetingId);
    expect(made.proposals.map((p) => [p.householdId, p.rank, p.answerDue])).toEqual(
      households.map((h, i) => [h, i + 1, '2026-03-20']),
    );
    expect(made.proposals[0]!.state).toBe('En attente de la réponse du ménage, au plus tard le 20/03/2026');
    expect(made.proposals[0]!.explanation?.filters.every((f) => f.passed)).toBe(true);

    // The landlord is told, and sees the candidates through the proposals sent to it.
    const [told] = await noticesOf(landlordUserId, 'proposal.designated');
    expect(told!.title).toMatch(/^3 candidats proposés pour le logement T3, \d+ rue Serpenoise/);
    expect(told!.body).not.toMatch(/Dupré|Benali|Marques/);
    const seen = (
      await call(landlord, 'GET', `/api/vacancies/${vacancyId}/proposals`)
    ).json() as TVacancyProposals;
    expect(seen.items.map((p) => [p.rank, p.canDecide, p.canAnswer, p.explanation])).toEqual([
      [1, true, false, null],
      [2, true, false, null],
      [3, true, false, null],
    ]);
    expect(seen.items.map((p) => p.name)).toEqual(['Hélène Dupré', 'Karim Benali', 'Sofia Marques']);
    const reads = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.householdId, households), eq(auditLog.action, 'household.proposals.read')));
    expect(reads).toHaveLength(3);
    const designated = await t.deps.db
      .select()
      .from(auditLog)
      .where(
        and(inArray(auditLog.householdId, households), eq(auditLog.action, 'vacancy_proposal.designate')),
      );
    expect(designated).toHaveLength(3);

    // The first refuses, with its reason; the landlord is told.
    const [first, second] = made.proposals as [TProposal, TProposal, TProposal];
    const noReason = await answer(first.id, { answer: 'refused' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual({ reason: 'Indiquez le motif du refus.' });
    const refused = await answer(first.id, {
      answer: 'refused',
      reason: 'location',
      note: 'Trop loin de l’école.',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().state).toBe(
      'Refusée par le ménage le 10/03/2026 : localisation (quartier, commune, éloignement)',
    );
    expect(await noticesOf(landlordUserId, 'proposal.answered')).toHaveLength(1);
    const landlordView = (await call(landlord, 'GET', `/api/vacancies/${vacancyId}/proposals`)).json()
      .items[0] as TProposal;
    expect(landlordView).toMatchObject({ answer: 'refused', answerReason: 'location', answerNote: null });
    expect((await answer(first.id, { answer: 'accepted' })).statusCode).toBe(409);
    expect((await answer(second.id, { answer: 'accepted' }, landlord)).statusCode).toBe(403);

    // The commission allocates to the second: its referent is told at once, the vacancy is closed.
    const allocated = await decide(second.id, { decision: 'allocation' });
    expect(allocated.statusCode, allocated.body).toBe(200);
    expect(allocated.json()).toMatchObject({
      decision: 'allocation',
      state: 'Attribution le 10/03/2026',
      canDecide: false,
    });
    const [news] = await noticesOf(referentUserId, 'proposal.decided');
    expect(news!.title).toMatch(/^Attribution — dossier M-\d{6}$/);
    expect(news!.body).toMatch(
      /a enregistré la décision du 10\/03\/2026 pour le logement T3, .* : attribution\.$/,
    );
    const mails = await t.deps.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.subject, `[Relais] ${news!.title}`));
    expect(mails.length).toBeGreaterThan(0);
    const vacancies = (await call(landlord, 'GET', '/api/vacancies')).json() as TVacancyList;
    expect(vacancies.items.find((v) => v.id === vacancyId)).toMatchObject({
      status: 'closed',
      endReason: 'Attribué au ménage proposé au rang 2',
    });

    // The household's history says who refused, why and when.
    const history = (
      await call(referent, 'GET', `/api/households/${households[0]}/proposals`)
    ).json() as THouseholdProposals;
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      dwelling: { commune: 'Metz', typology: 't3' },
      answer: 'refused',
      answerReason: 'location',
      refusal: 'Le ménage le 10/03/2026 : localisation (quartier, commune, éloignement)',
    });
    expect((await call(landlord, 'GET', `/api/households/${households[0]}/proposals`)).statusCode).toBe(404);

    // The household given the dwelling is proposed nowhere else, and the list says why; the one
    // still waiting for its answer may be proposed on another dwelling.
    const next = await openVacancy();
    const given =
      'Attribution d’un T3 le 10/03/2026, non refusée par le ménage : il n’est plus proposé ailleurs.';
    const list = (
      await call(siaoWorker, 'GET', `/api/vacancies/${next}/candidates`)
    ).json() as TCandidateList;
    const excluded = list.excluded.find((e) => e.householdId === households[1]);
    expect(excluded?.explanation.filters.filter((f) => !f.passed)).toEqual([
      {
        code: 'allocated',
        label: 'Pas de logement déjà attribué',
        passed: false,
        detail: given,
        reference: 'CCH R441-3, R441-10',
      },
    ]);
    expect(list.candidates.map((c) => c.householdId)).toContain(households[2]);
    const again = await designate(
      next,
      designation([households[2]!, households[1]!], { fewerReason: 'Deux ménages seulement ont ce besoin.' }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({ 'candidates.1.householdId': given });
    // The SIAO's pool shows it housed.
    const pool = (await call(siaoWorker, 'GET', '/api/housing-pool')).json() as TPool;
    expect(households.map((id) => pool.items.find((e) => e.householdId === id)?.allocation)).toEqual([
      null,
      { on: '2026-03-10', typology: 't3', decision: 'allocation' },
      null,
    ]);
  });

  it('refuses bad input field by field, in French', async () => {
    const vacancyId = await openVacancy();
    const [a, b] = [await poolHousehold(), await poolHousehold()];
    const res = await designate(
      vacancyId,
      designation([a, b, a], {
        meetingId: otherMeetingId,
        designatedOn: '2026-03-11',
        notifiedOn: '2026-03-09',
        answerDue: '2026-03-15',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'candidates.2.householdId': 'Ce ménage est déjà désigné plus haut dans la liste.',
      designatedOn: 'La désignation ne peut pas être datée d’un jour à venir.',
      notifiedOn: 'Le ménage est prévenu au plus tôt le jour de sa désignation.',
      answerDue:
        'Le ménage dispose d’au moins dix jours pour répondre (article R441-10 du CCH) : pas avant le 19/03/2026.',
      meetingId: 'Choisissez une réunion d’un comité de désignation de votre organisation.',
    });
    const fewer = await designate(vacancyId, designation([a]));
    expect(fewer.json().error.fields).toEqual({
      fewerReason:
        'Indiquez pourquoi moins de trois ménages sont désignés (la commission en examine trois, article R441-3 du CCH).',
    });
    const schema = await designate(vacancyId, {
      ...designation([a]),
      candidates: [{ householdId: a, occupancy: 'squat' }],
    });
    expect(schema.json().error.fields['candidates.0.occupancy']).toBe('Mode d’occupation inconnu.');
    // Without the consent to be proposed, or failing a hard filter: refused with why.
    const noConsent = await poolHousehold({ consent: false });
    const rich = await poolHousehold({ incomeCents: 9_000_000 });
    const filtered = await designate(vacancyId, designation([a, noConsent, rich]));
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().error.fields['candidates.1.householdId']).toBe(
      'Le ménage n’a pas donné (ou a retiré) son accord pour être proposé.',
    );
    const ceiling = await designate(vacancyId, designation([a, b, rich]));
    expect(ceiling.statusCode).toBe(400);
    expect(Object.keys(ceiling.json().error.fields)).toEqual(['candidates.2.householdId']);
    expect(ceiling.json().error.fields['candidates.2.householdId']).toMatch(/plafond/i);
    // Nothing was written.
    expect((await call(landlord, 'GET', `/api/vacancies/${vacancyId}/proposals`)).json().items).toEqual([]);
    // With a reason, two are enough.
    const two = await designate(
      vacancyId,
      designation([a, b], { fewerReason: 'Vivier insuffisant pour un T3.' }),
    );
    expect(two.statusCode, two.body).toBe(201);
    expect(two.json().fewerReason).toBe('Vivier insuffisant pour un T3.');
    const again = await designate(vacancyId, designation([a], { fewerReason: 'Complément.' }));
    expect(again.json().error.fields['candidates.0.householdId']).toBe('Déjà proposé sur ce logement.');
  });

  it('refuses a fourth candidate', async () => {
    const vacancyId = await openVacancy();
    const ids = [await poolHousehold(), await poolHousehold(), await poolHousehold(), await poolHousehold()];
    const res = await designate(vacancyId, designation(ids));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.candidates).toBe('Trois ménages au plus sont désignés pour un logement.');
  });

  it('refuses a household the organisation is no party to, without telling it exists', async () => {
    const vacancyId = await openVacancy();
    const foreign = await createHouseholdAs(t, stranger, sampleHousehold());
    const res = await designate(
      vacancyId,
      designation([await poolHousehold(), foreign], { fewerReason: 'Deux.' }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Dossier introuvable.');
    expect((await designate(vacancyId, designation([foreign]), landlord)).statusCode).toBe(403);
  });

  it('records the silence once the period has passed, idempotently, and tells the landlord and the referents', async () => {
    const vacancyId = await openVacancy();
    const id = await poolHousehold();
    const made = (
      await designate(vacancyId, designation([id], { fewerReason: 'Seul ménage adapté.' }))
    ).json() as TDesignation;
    const proposalId = made.proposals[0]!.id;
    t.setNow(new Date('2026-03-20T21:00:00Z')); // 22:00 in Paris, the last day: not yet
    expect(await recordSilences(t.deps)).toEqual({ recorded: 0 });
    t.setNow(new Date('2026-03-21T06:00:00Z'));
    try {
      // Eleven days later: sessions of the day.
      const siaoLater = await sessionFor(t.deps, siaoUserId, siaoId);
      const landlordLater = await sessionFor(t.deps, landlordUserId, landlordId);
      const late = await answer(proposalId, { answer: 'accepted', answeredOn: '2026-03-21' }, siaoLater);
      expect(late.json().error.fields.answeredOn).toBe(
        'Le délai de réponse a pris fin le 20/03/2026 : sans réponse à cette date, le silence vaut refus.',
      );
      // Every proposal still unanswered on the 20th (this one among them), the landlord told of each, once.
      const { recorded } = await recordSilences(t.deps);
      expect(recorded).toBeGreaterThanOrEqual(1);
      expect(await noticesOf(landlordUserId, 'proposal.silence')).toHaveLength(recorded);
      // The daily job runs the same: nothing new.
      const job = proposalSilencesJob(t.deps);
      expect(job).toMatchObject({ cron: '5 6 * * *', cronTimeZone: 'Europe/Paris', runAtStart: true });
      await job.run();
      expect(await recordSilences(t.deps)).toEqual({ recorded: 0 });
      expect(await noticesOf(landlordUserId, 'proposal.silence')).toHaveLength(recorded);
      const [seen] = (
        (
          await call(landlordLater, 'GET', `/api/vacancies/${vacancyId}/proposals`)
        ).json() as TVacancyProposals
      ).items;
      expect(seen).toMatchObject({ answer: 'silence', answerReason: 'no_answer' });
      expect(seen!.state).toBe('Sans réponse du ménage au 20/03/2026 : vaut refus');
      expect((await noticesOf(referentUserId, 'proposal.silence')).length).toBeGreaterThanOrEqual(1);
      const entries = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, proposalId), eq(auditLog.action, 'vacancy_proposal.silence')));
      expect(entries.map((e) => e.actorUserId)).toEqual([null]);
      // Silence is a refusal: no allocation.
      const allocation = await decide(
        proposalId,
        { decision: 'allocation', decidedOn: '2026-03-21' },
        landlordLater,
      );
      expect(allocation.statusCode).toBe(422);
      expect(allocation.json().error.message).toMatch(/n’a pas répondu dans le délai/);
    } finally {
      t.setNow(NOW);
    }
  });

  it('records a decision once, by the vacancy’s landlord only, and never an allocation to a household that refused', async () => {
    const vacancyId = await openVacancy();
    const ids = [await poolHousehold(), await poolHousehold(), await poolHousehold()];
    const made = (await designate(vacancyId, designation(ids))).json() as TDesignation;
    const [first, second, third] = made.proposals as [TProposal, TProposal, TProposal];
    await ok(await answer(first.id, { answer: 'refused', reason: 'cost' }), 'refus');

    const toRefuser = await decide(first.id, { decision: 'allocation' });
    expect(toRefuser.statusCode).toBe(422);
    expect(toRefuser.json().error.message).toBe(
      'Le ménage a refusé la proposition : le logement ne peut pas lui être attribué.',
    );
    expect((await decide(second.id, { decision: 'allocation' }, otherLandlord)).statusCode).toBe(404);
    expect((await call(otherLandlord, 'GET', `/api/vacancies/${vacancyId}/proposals`)).statusCode).toBe(404);
    expect((await decide(second.id, { decision: 'allocation' }, siaoWorker)).statusCode).toBe(403);
    expect((await decide(second.id, { decision: 'allocation' }, stranger)).statusCode).toBe(404);

    const bad = await decide(third.id, { decision: 'conditional', decidedOn: '2026-03-11' });
    expect(bad.json().error.fields).toEqual({
      decidedOn: 'La décision ne peut pas être datée d’un jour à venir.',
      condition: 'Indiquez la condition suspensive (la pièce ou le fait attendu).',
      conditionDue: 'Indiquez la date limite pour lever la condition.',
    });
    const nonAllocation = await decide(third.id, {
      decision: 'non_allocation',
      reason: 'size',
      note: 'T3 trop grand.',
    });
    expect(nonAllocation.statusCode, nonAllocation.body).toBe(200);
    const twice = await decide(third.id, { decision: 'non_allocation', reason: 'size' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'La décision est déjà enregistrée pour ce ménage : non-attribution le 10/03/2026.',
    );
    expect((await answer(third.id, { answer: 'accepted' })).statusCode).toBe(409);

    const conditional = await decide(second.id, {
      decision: 'conditional',
      condition: 'Avis d’imposition 2025',
      conditionDue: '2026-04-10',
    });
    expect(conditional.statusCode, conditional.body).toBe(200);
    // The dwelling is given once; the vacancy is closed.
    const other = await decide(first.id, { decision: 'non_allocation', reason: 'other_candidate_preferred' });
    expect(other.statusCode).toBe(200);
    const vacancies = (await call(landlord, 'GET', '/api/vacancies')).json() as TVacancyList;
    expect(vacancies.items.find((v) => v.id === vacancyId)!.status).toBe('closed');
    // A closed vacancy takes no new designation.
    expect(
      (await designate(vacancyId, designation([await poolHousehold()], { fewerReason: 'Un.' }))).statusCode,
    ).toBe(409);
  });

  it('counts the period to answer with the holidays where the dwelling is (Good Friday in Moselle)', async () => {
    const [vacancyId, householdId] = [await openVacancy(), await poolHousehold()];
    t.setNow(new Date('2026-03-24T10:00:00Z'));
    try {
      const session = await sessionFor(t.deps, siaoUserId, siaoId);
      const body = (over: object) =>
        designation([householdId], {
          designatedOn: '2026-03-24',
          notifiedOn: '2026-03-24',
          fewerReason: 'Un seul.',
          ...over,
        });
      // Ten days end on Good Friday, then Easter's weekend and Monday.
      const early = await designate(vacancyId, body({ answerDue: '2026-04-03' }), session);
      expect(early.json().error.fields).toEqual({
        answerDue:
          'Le ménage dispose d’au moins dix jours pour répondre (article R441-10 du CCH) : pas avant le 07/04/2026.',
      });
      const made = await designate(vacancyId, body({}), session);
      expect(made.statusCode, made.body).toBe(201);
      expect((made.json() as TDesignation).proposals[0]!.answerDue).toBe('2026-04-07');
    } finally {
      t.setNow(NOW);
    }
  });

  it('holds back from other dwellings only the household an allocation by classement gives the dwelling to', async () => {
    const vacancyId = await openVacancy();
    const [a, b] = [await poolHousehold(), await poolHousehold()];
    const made = (
      await designate(vacancyId, designation([a, b], { fewerReason: 'Deux ménages seulement.' }))
    ).json() as TDesignation;
    const [first, second] = made.proposals as [TProposal, TProposal];
    const next = await openVacancy();
    // Where each stands for the next dwelling: a candidate, or the filters it fails.
    const standing = async (session = siaoWorker) => {
      const list = (
        await call(session, 'GET', `/api/vacancies/${next}/candidates?pageSize=100`)
      ).json() as TCandidateList;
      expect([list.candidateCount, list.excludedCount].every((n) => n <= 100)).toBe(true);
      return [a, b].map((id) =>
        list.candidates.some((c) => c.householdId === id)
          ? 'candidate'
          : list.excluded
              .find((e) => e.householdId === id)
              ?.explanation.filters.filter((f) => !f.passed)
              .map((f) => f.code)
              .join(),
      );
    };

    await ok(await answer(second.id, { answer: 'accepted' }), 'acceptation');
    // Ranked second first: nobody is ranked before it yet, the dwelling is its own.
    await ok(await decide(second.id, { decision: 'allocation_by_rank', decisionRank: 2 }), 'rang 2');
    expect(await standing()).toEqual(['candidate', 'allocated']);
    const vacancies = (await call(landlord, 'GET', '/api/vacancies')).json() as TVacancyList;
    expect(vacancies.items.find((v) => v.id === vacancyId)).toMatchObject({
      status: 'closed',
      endReason: 'Attribué par classement de la commission',
    });
    // Ranked first, then: the dwelling goes to the first unless it refuses; the second is free again.
    await ok(await decide(first.id, { decision: 'allocation_by_rank', decisionRank: 1 }), 'rang 1');
    expect(await standing()).toEqual(['allocated', 'candidate']);
    // The first lets its period pass without an answer: a refusal (and a cool-off for a T3), and the
    // dwelling goes to the second.
    t.setNow(new Date('2026-03-21T10:00:00Z'));
    try {
      expect(await standing(await sessionFor(t.deps, siaoUserId, siaoId))).toEqual(['cool_off', 'allocated']);
    } finally {
      t.setNow(NOW);
    }
  });

  it('shows a SIAO or association only the proposals of households it is a party to', async () => {
    const vacancyId = await openVacancy();
    await designate(vacancyId, designation([await poolHousehold()], { fewerReason: 'Un seul.' }));
    const mine = (
      await call(siaoWorker, 'GET', `/api/vacancies/${vacancyId}/proposals`)
    ).json() as TVacancyProposals;
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.canAnswer).toBe(true);
    expect(mine.items[0]!.explanation).not.toBeNull();
    expect((await call(stranger, 'GET', `/api/vacancies/${vacancyId}/proposals`)).json().items).toEqual([]);
    // An association of another département: as if the vacancy did not exist.
    const far = await makeOrgWithUsers(t.deps, 'association', ['caseworker']);
    const [isere] = await t.deps.db
      .insert(territories)
      .values({ kind: 'departement', code: '38', name: 'Isère' })
      .returning();
    await placeIn(t.deps.db, far.org.id, isere!.id);
    const farSeen = await call(
      far.members.caseworker!.session,
      'GET',
      `/api/vacancies/${vacancyId}/proposals`,
    );
    expect(farSeen.statusCode).toBe(404);
  });
});
