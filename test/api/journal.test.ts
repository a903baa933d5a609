import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { NOW, TODAY, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { makeDepartement, makeFunder, measureTo, placeIn, sessionAs } from '../helpers/measure-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { journalEntries } from '../../src/modules/journal/schema.ts';
import { FUTURE_ACTIVITY_MESSAGE } from '../../src/shared/journal/rules.ts';
import type { TJournalEntry, TTimeline } from '../../src/shared/contracts/journal.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

describe('case journal', () => {
  let t: TestApp;
  let cw: TestSession;
  let cwUserId: string;
  let colleague: TestSession;
  let siao: TestSession;
  let siaoId: string;
  let landlord: TestSession;
  let householdId: string;
  let memberId: string;
  let activeMeasure: { id: string; rowVersion: number };
  let watchedMeasure: { id: string };
  let closedMeasure: { id: string };
  let watchOverMeasure: { id: string };

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  const journalUrl = () => `/api/households/${householdId}/journal`;
  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const visit = (extra: object = {}) => ({
    idempotencyKey: randomUUID(),
    kind: 'home_visit',
    occurredAt: '2026-03-10T09:30:00+01:00',
    durationMinutes: 60,
    place: 'Au domicile',
    memberIds: [memberId],
    partnerOrganisationIds: [],
    otherParticipants: ['Interprète'],
    briques: ['2.4'],
    measureId: activeMeasure.id,
    note: 'Point sur le budget du mois.',
    sensitivity: 'ordinary',
    ...extra,
  });
  const timeline = async (s: TestSession, query = '') =>
    ok<TTimeline>(await call(s, 'GET', `/api/households/${householdId}/timeline${query}`));

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['asll-maintien'], '2023-01-01');
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    await placeIn(t.deps.db, assoc.id, dep.id);
    cwUserId = (
      await makeUser(t.deps.db, {
        organisationId: assoc.id,
        roles: ['caseworker'],
        fullName: 'Camille Roussel',
      })
    ).id;
    cw = await sessionFor(t.deps, cwUserId, assoc.id);
    colleague = await sessionAs(t, assoc.id, ['team_manager'], 'Yanis Morel');
    const siaoOrg = await makeOrganisation(t.deps.db, 'siao', 'SIAO de Lanne');
    siaoId = siaoOrg.id;
    siao = await sessionAs(t, siaoOrg.id, ['caseworker']);
    const landlordOrg = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    landlord = await sessionAs(t, landlordOrg.id, ['landlord_social_advisor']);
    householdId = await createHouseholdAs(t, cw, sampleHousehold());
    for (const organisationId of [siaoOrg.id, landlordOrg.id])
      await ok(
        await call(cw, 'POST', `/api/households/${householdId}/consents`, {
          organisationId,
          purpose: 'support',
          validFrom: TODAY,
          method: 'signed_form',
        }),
      );
    memberId = (
      await ok<{ members: { id: string }[] }>(await call(cw, 'GET', `/api/households/${householdId}`))
    ).members[0]!.id;
    const measure = (startOn: string) =>
      measureTo<{ id: string; rowVersion: number }>(t, {
        cw,
        officer: funder.officer,
        householdId,
        body: {
          schemeId: funder.schemes['asll-maintien'],
          operatorOrganisationId: assoc.id,
          briques: ['2.4'],
        },
        until: 'active',
        prescribedOn: startOn,
        decidedOn: startOn,
        startOn,
      });
    activeMeasure = await measure('2026-01-05');
    const end = async (m: { id: string; rowVersion: number }, orientation: object, endedOn = '2026-03-01') =>
      ok<{ id: string }>(
        await call(cw, 'POST', `/api/households/${householdId}/measures/${m.id}/end`, {
          rowVersion: m.rowVersion,
          endedOn,
          endReason: 'objectives_reached',
          ...orientation,
        }),
      );
    watchedMeasure = await end(await measure('2025-06-02'), { orientation: 'watch', watchMonths: 24 });
    closedMeasure = await end(await measure('2025-07-01'), { orientation: 'none' });
    // Ended on 15 January 2024 with 24 months of watch: the watch ended on 15 January 2026.
    watchOverMeasure = await end(
      await measure('2023-03-01'),
      { orientation: 'watch', watchMonths: 24 },
      '2024-01-15',
    );
    await ok(
      await call(cw, 'POST', `/api/households/${householdId}/notes`, {
        body: 'Le ménage a appelé pour la CAF.',
        sensitivity: 'shared',
      }),
    );
  });
  afterAll(() => t.close());

  it('records an activity, with the file’s references in words and its history', async () => {
    const res = await call(cw, 'POST', journalUrl(), visit());
    expect(res.statusCode).toBe(201);
    const entry = res.json() as TJournalEntry;
    expect(entry).toMatchObject({
      kind: 'home_visit',
      occurredAt: '2026-03-10T08:30:00.000Z',
      members: [{ id: memberId, name: expect.any(String) }],
      briques: [{ code: '2.4', label: expect.stringMatching(/\S/) }],
      measure: { id: activeMeasure.id, name: expect.stringMatching(/ASLL/) },
      authorName: 'Camille Roussel',
      canCorrect: true,
      history: [{ label: 'Activité enregistrée', byName: 'Camille Roussel' }],
    });
  });

  it('records an entry sent twice once: the replay answers 200 with the first entry', async () => {
    const body = visit({ note: 'Visite envoyée deux fois.' });
    const first = await call(cw, 'POST', journalUrl(), body);
    const again = await call(cw, 'POST', journalUrl(), body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.deps.db
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.authorUserId, cwUserId),
          eq(journalEntries.idempotencyKey, body.idempotencyKey),
        ),
      );
    expect(rows).toHaveLength(1);
  });

  it('refuses the same key with another content (409), recording nothing more', async () => {
    const body = visit();
    await ok(await call(cw, 'POST', journalUrl(), body));
    const other = await call(cw, 'POST', journalUrl(), { ...body, durationMinutes: 90 });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toBe('Cette activité a déjà été envoyée avec un contenu différent.');
  });

  it('refuses an activity dated in the future, beyond the clock-skew tolerance', async () => {
    const soon = await call(cw, 'POST', journalUrl(), visit({ occurredAt: '2026-03-10T10:04:00Z' }));
    expect(soon.statusCode).toBe(201);
    const later = await call(cw, 'POST', journalUrl(), visit({ occurredAt: '2026-03-10T11:00:00Z' }));
    expect(later.statusCode).toBe(400);
    expect(later.json().error.fields).toEqual({ occurredAt: FUTURE_ACTIVITY_MESSAGE });
  });

  it('refuses an ended measure unless the household is under watch, and a watch that is over', async () => {
    const closed = await call(cw, 'POST', journalUrl(), visit({ measureId: closedMeasure.id }));
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.fields.measureId).toMatch(/terminée, sans veille/);
    const watched = await call(cw, 'POST', journalUrl(), visit({ measureId: watchedMeasure.id }));
    expect(watched.statusCode).toBe(201);
    const over = await call(cw, 'POST', journalUrl(), visit({ measureId: watchOverMeasure.id }));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields.measureId).toMatch(/veille est passée/);
  });

  it('refuses participants, objectives, briques and measures that are not of this file', async () => {
    const strangers = {
      memberIds: [randomUUID()],
      partnerOrganisationIds: [randomUUID()],
      objectives: [{ versionId: randomUUID(), index: 0 }],
      briques: ['9.9'],
      measureId: randomUUID(),
    };
    // The contract's checks come first: the references are read only for a well-formed activity.
    const res = await call(cw, 'POST', journalUrl(), visit({ ...strangers, durationMinutes: 0 }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['durationMinutes']);
    const refs = await call(cw, 'POST', journalUrl(), visit(strangers));
    expect(refs.statusCode).toBe(400);
    expect(Object.keys(refs.json().error.fields).sort()).toEqual([
      'briques',
      'measureId',
      'memberIds.0',
      'objectives.0',
      'partnerOrganisationIds.0',
    ]);
  });

  it('keeps a confidential entry, note included, from a partner; its author’s colleagues read it', async () => {
    const secret = await ok<TJournalEntry>(
      await call(
        cw,
        'POST',
        journalUrl(),
        visit({ sensitivity: 'confidential', note: 'CONFIDENTIEL-SANTE' }),
      ),
    );
    const shared = await ok<TJournalEntry>(
      await call(cw, 'POST', journalUrl(), visit({ kind: 'phone_call', note: 'NOTE-PARTAGEE' })),
    );
    const partnerView = await call(siao, 'GET', `/api/households/${householdId}/timeline?pageSize=100`);
    expect(partnerView.statusCode).toBe(200);
    expect(partnerView.body).not.toContain('CONFIDENTIEL-SANTE');
    expect(partnerView.body).not.toContain(secret.id);
    expect(partnerView.body).toContain('NOTE-PARTAGEE');
    expect((await call(siao, 'GET', `${journalUrl()}/${secret.id}`)).statusCode).toBe(404);
    expect((await call(siao, 'GET', `${journalUrl()}/${shared.id}`)).json().canCorrect).toBe(false);
    // A landlord reads no journal entry at all.
    const landlordView = await call(landlord, 'GET', `/api/households/${householdId}/timeline?pageSize=100`);
    expect(landlordView.statusCode).toBe(200);
    expect(landlordView.body).not.toMatch(/CONFIDENTIEL-SANTE|NOTE-PARTAGEE/);
    expect((await call(colleague, 'GET', `${journalUrl()}/${secret.id}`)).json().note).toBe(
      'CONFIDENTIEL-SANTE',
    );
  });

  it('corrects an entry at the version read (409 on a stale one), keeping each change', async () => {
    const body = visit();
    const entry = await ok<TJournalEntry>(await call(cw, 'POST', journalUrl(), body));
    const { idempotencyKey: _key, ...input } = body;
    const corrected = await ok<TJournalEntry>(
      await call(colleague, 'PUT', `${journalUrl()}/${entry.id}`, {
        ...input,
        durationMinutes: 75,
        rowVersion: entry.rowVersion,
      }),
    );
    expect(corrected.durationMinutes).toBe(75);
    expect(corrected.history?.at(-1)).toMatchObject({
      label: 'Activité corrigée',
      detail: 'Modifié : durée.',
      byName: 'Yanis Morel',
    });
    const stale = await call(cw, 'PUT', `${journalUrl()}/${entry.id}`, {
      ...input,
      rowVersion: entry.rowVersion,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/modifiée par quelqu’un d’autre/);
    // A partner of the file may read it, not correct it.
    expect(
      (await call(siao, 'PUT', `${journalUrl()}/${entry.id}`, { ...input, rowVersion: corrected.rowVersion }))
        .statusCode,
    ).toBe(403);

    const cancelled = await ok<TJournalEntry>(
      await call(cw, 'POST', `${journalUrl()}/${entry.id}/cancel`, {
        rowVersion: corrected.rowVersion,
        reason: 'Saisie en double.',
      }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Saisie en double.' });
    expect(cancelled.history?.map((h) => h.label)).toEqual([
      'Activité enregistrée',
      'Activité corrigée',
      'Activité annulée',
    ]);
    const again = await call(cw, 'POST', `${journalUrl()}/${entry.id}/cancel`, {
      rowVersion: cancelled.rowVersion,
      reason: 'Encore.',
    });
    expect(again.statusCode).toBe(409);
  });

  it('merges the journal with the notes, the measures and the diagnostic, filtered and paged', async () => {
    await ok(await call(cw, 'POST', `/api/households/${householdId}/diagnostics`, {}));
    const all = await timeline(cw, '?pageSize=100');
    const kinds = new Set(all.items.map((i) => i.kind));
    for (const kind of ['home_visit', 'phone_call', 'note', 'measure', 'diagnostic'])
      expect(kinds).toContain(kind);
    expect(all.items.map((i) => i.at)).toEqual([...all.items.map((i) => i.at)].sort().reverse());
    // No code or identifier in the words.
    for (const item of all.items)
      expect(`${item.title} ${item.detail ?? ''}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|_/);

    const calls = await timeline(cw, '?kinds=phone_call');
    expect(calls.items.length).toBeGreaterThan(0);
    expect(calls.items.every((i) => i.kind === 'phone_call')).toBe(true);
    const onMeasure = await timeline(cw, `?measureId=${watchedMeasure.id}&pageSize=100`);
    expect(new Set(onMeasure.items.map((i) => i.kind))).toEqual(new Set(['measure', 'home_visit']));
    expect((await timeline(cw, '?brique=2.1')).total).toBe(0);
    expect((await timeline(cw, '?from=2026-03-11')).total).toBe(0);
    expect((await timeline(cw, `?organisationId=${siaoId}`)).total).toBe(0);
    expect(all.organisations.map((o) => o.name)).toContain('Le Passage');
    const own = all.organisations.find((o) => o.name === 'Le Passage')!;
    expect((await timeline(cw, `?organisationId=${own.id}&pageSize=100`)).total).toBeGreaterThan(0);
    const page2 = await timeline(cw, '?pageSize=2&page=2');
    expect(page2.items).toHaveLength(2);
    expect(page2.total).toBe(all.total);
    const bad = await call(cw, 'GET', `/api/households/${householdId}/timeline?kinds=phone_call,unknown`);
    expect(bad.statusCode).toBe(400);
  });

  it('pages in order across sources: a next page starts exactly where the last stopped, at equal instants too', async () => {
    // Entries, notes and (earlier) the diagnostic at the same instant: the clock's.
    for (const kind of ['phone_call', 'office_meeting', 'home_visit'])
      await ok(await call(cw, 'POST', journalUrl(), visit({ kind, occurredAt: NOW.toISOString() })));
    for (const body of ['Premier appel du jour.', 'Second appel du jour.'])
      await ok(
        await call(cw, 'POST', `/api/households/${householdId}/notes`, { body, sensitivity: 'shared' }),
      );
    const all = await timeline(cw, '?pageSize=100');
    const keys = all.items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    const atNow = all.items.filter((i) => i.at === NOW.toISOString());
    expect(new Set(atNow.map((i) => i.key.split(':')[0]))).toEqual(
      new Set(['journal', 'note', 'diagnostic', 'measure']),
    );
    expect(atNow.length).toBeGreaterThanOrEqual(7);

    for (const pageSize of [1, 3]) {
      // By page numbers and by the cursor of the page before: both give the whole timeline, in order.
      const byNumber: string[] = [];
      const byCursor: string[] = [];
      let after: string | null = null;
      for (let page = 1; page <= Math.ceil(all.total / pageSize); page++) {
        const numbered = await timeline(cw, `?pageSize=${pageSize}&page=${page}`);
        byNumber.push(...numbered.items.map((i) => i.key));
        const next: TTimeline = await timeline(
          cw,
          `?pageSize=${pageSize}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        );
        expect(next.total).toBe(all.total);
        expect(next.items.map((i) => i.key)).toEqual(numbered.items.map((i) => i.key));
        byCursor.push(...next.items.map((i) => i.key));
        after = next.next;
      }
      expect(after).toBeNull();
      expect(byNumber).toEqual(keys);
      expect(byCursor).toEqual(keys);
    }

    // Filtered: the journal's SQL window and the notes' merge, page after page, still whole.
    const filtered = await timeline(cw, '?kinds=phone_call,note&pageSize=100');
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const next: TTimeline = await timeline(
        cw,
        `?kinds=phone_call,note&pageSize=2${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      walked.push(...next.items.map((i) => i.key));
      after = next.next;
    } while (after);
    expect(walked).toEqual(filtered.items.map((i) => i.key));
    expect(
      filtered.items.some((i) => i.kind === 'note') && filtered.items.some((i) => i.kind === 'phone_call'),
    ).toBe(true);

    const bad = await call(cw, 'GET', `/api/households/${householdId}/timeline?after=hier`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('after');
  });

  it('writes every read and change in the audit log', async () => {
    const actions = [
      'journal.create',
      'journal.replay',
      'journal.correct',
      'journal.cancel',
      'journal.read',
      'household.timeline.read',
    ];
    const rows = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.householdId, householdId), inArray(auditLog.action, actions)));
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(actions));
  });

  it('offers the form the file’s members, partners and the measures still open', async () => {
    const options = await ok<{
      members: { id: string }[];
      partners: { name: string }[];
      measures: { id: string; open: boolean }[];
    }>(await call(cw, 'GET', `${journalUrl()}/options`));
    expect(options.members.map((m) => m.id)).toContain(memberId);
    expect(options.partners.map((p) => p.name).sort()).toEqual(['Habitat Lanne', 'SIAO de Lanne']);
    const open = Object.fromEntries(options.measures.map((m) => [m.id, m.open]));
    expect(open).toEqual({
      [activeMeasure.id]: true,
      [watchedMeasure.id]: true,
      [closedMeasure.id]: false,
      [watchOverMeasure.id]: false,
    });
    expect((await call(siao, 'GET', `${journalUrl()}/options`)).statusCode).toBe(403);
  });

  it('serves the objectives of the contract in force, and shows its signatures on the timeline', async () => {
    const url = `/api/households/${householdId}/measures/${activeMeasure.id}/contract`;
    type Contract = { contract: { rowVersion: number } };
    let c = (await ok<Contract>(await call(cw, 'POST', url))).contract;
    c = (
      await ok<Contract>(
        await call(cw, 'PUT', url, {
          rowVersion: c.rowVersion,
          objectives: [
            {
              title: 'Ouvrir les droits à l’aide au logement',
              indicator: 'Notification de la CAF reçue',
              targetDate: '2026-09-30',
              briques: ['2.4'],
            },
          ],
          commitments: { household: [], landlord: [], association: ['Rencontrer le ménage chaque mois.'] },
          modalities: { visitsPerMonth: 1, place: 'home', monthlyReview: true },
          clauses: [],
        }),
      )
    ).contract;
    c = (
      await ok<Contract>(
        await call(cw, 'POST', `${url}/household-signature`, {
          rowVersion: c.rowVersion,
          method: 'typed',
          typedName: 'Signature du ménage',
        }),
      )
    ).contract;
    await ok(await call(cw, 'POST', `${url}/partner-signature`, { rowVersion: c.rowVersion }));

    const options = await ok<{ objectives: { versionId: string; index: number; title: string }[] }>(
      await call(cw, 'GET', `${journalUrl()}/options`),
    );
    expect(options.objectives.map((o) => o.title)).toEqual(['Ouvrir les droits à l’aide au logement']);
    const { versionId, index } = options.objectives[0]!;
    const entry = await ok<TJournalEntry>(
      await call(cw, 'POST', journalUrl(), visit({ objectives: [{ versionId, index }] })),
    );
    expect(entry.objectives).toEqual([{ versionId, index, title: 'Ouvrir les droits à l’aide au logement' }]);
    const signed = await timeline(cw, '?kinds=contract');
    expect(signed.items.map((i) => i.title)).toEqual([
      'Contrat d’accompagnement signé (version 1)',
      'Contrat d’accompagnement signé (version 1)',
    ]);
    expect(signed.items.map((i) => i.detail).join(' ')).toContain('Le ménage : Signature du ménage');
  });
});
