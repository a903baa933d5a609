import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  consentToLandlord,
  createHouseholdAs,
  sampleHousehold,
} from '../helpers/household-fixtures.ts';
import { completeDiagnostic } from '../helpers/diagnostic-fixtures.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import { diagnosticPdfDefinition } from '../../src/modules/diagnostics/diagnostic-pdf.ts';

/** A 1×1 PNG, as a tablet would send it. */
function tinyPng(): string {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe('shared diagnostic', () => {
  let t: TestApp;
  let cw: TestSession;
  let cwUserId: string;
  let assocId: string;
  let landlord: TestSession;
  let landlordId: string;
  let siao: TestSession;
  let siaoId: string;
  let stranger: TestSession;
  let householdId: string;

  const url = (path = '') => `/api/households/${householdId}/diagnostics${path}`;
  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: path,
      headers: s.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function createHousehold() {
    const id = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: { address: '8 place du Marché, 59000 Lille', landlordOrganisationId: landlordId },
      }),
    );
    const res = await call(cw, 'POST', `/api/households/${id}/consents`, {
      organisationId: siaoId,
      purpose: 'support',
      validFrom: TODAY,
      method: 'signed_form',
    });
    expect(res.statusCode).toBe(201);
    await consentToLandlord(t, cw, id, landlordId);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const assoc = await makeOrganisation(t.deps.db, 'association');
    assocId = assoc.id;
    const cwUser = await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] });
    cwUserId = cwUser.id;
    cw = await sessionFor(t.deps, cwUser.id, assoc.id);
    const l = await makeOrganisation(t.deps.db, 'landlord');
    landlordId = l.id;
    landlord = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: l.id, roles: ['landlord_social_advisor'] })).id,
      l.id,
    );
    const s = await makeOrganisation(t.deps.db, 'siao');
    siaoId = s.id;
    siao = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: s.id, roles: ['caseworker'] })).id,
      s.id,
    );
    const other = await makeOrganisation(t.deps.db, 'association');
    stranger = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: other.id, roles: ['caseworker'] })).id,
      other.id,
    );
    householdId = await createHousehold();
  });
  afterAll(async () => t.close());

  let diagId: string;
  let rowVersion: number;

  it('accepts a partial draft, then refuses to present it with French field paths', async () => {
    const created = await call(cw, 'POST', url(), { content: { familySituation: { adults: 1 } } });
    expect(created.statusCode).toBe(201);
    diagId = created.json().id;
    rowVersion = created.json().rowVersion;
    expect(created.json()).toMatchObject({ version: 1, status: 'draft' });

    const invalidSave = await call(cw, 'PUT', url(`/${diagId}`), {
      rowVersion,
      content: { familySituation: { adults: -1, unknownField: 'x' } },
    });
    expect(invalidSave.statusCode).toBe(400);
    expect(Object.keys(invalidSave.json().error.fields).join(' ')).toContain('content.familySituation');

    const present = await call(cw, 'POST', url(`/${diagId}/present`), {
      rowVersion,
      presentedOn: TODAY,
      method: 'face_to_face',
      explanation: 'Explication du diagnostic et des options possibles.',
    });
    expect(present.statusCode).toBe(400);
    expect(present.json().error.fields['content.conclusion.tactic']).toBe(
      'Décrivez la tactique pour atteindre l’objectif.',
    );
  });

  it('saves with optimistic rowVersion and refuses a stale one', async () => {
    const saved = await call(cw, 'PUT', url(`/${diagId}`), {
      rowVersion,
      content: completeDiagnostic(),
      householdVoiceSections: ['needsAndExpectations'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().rowVersion).toBe(rowVersion + 1);
    const stale = await call(cw, 'PUT', url(`/${diagId}`), { rowVersion, content: {} });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    rowVersion = saved.json().rowVersion;

    const detail = (await call(cw, 'GET', url(`/${diagId}`))).json();
    expect(detail.authorship.needsAndExpectations.voice).toBe('household');
    expect(detail.authorship.health).toMatchObject({ voice: 'association', userId: cwUserId });
    expect(detail.missingForPresentation).toEqual({});
  });

  it('lists my open urgent actions by due date', async () => {
    const tasks = `/api/households/${householdId}/tasks`;
    for (const task of [
      { title: 'Ouvrir les droits APL', dueOn: '2026-03-20', ownerUserId: cwUserId },
      { title: 'Demande FSL accès', dueOn: '2026-03-15', ownerOrganisationId: assocId },
      { title: 'Action faite', ownerUserId: cwUserId },
    ]) {
      const created = await call(cw, 'POST', tasks, { ...task, diagnosticId: diagId });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ source: 'diagnostic', sourceId: diagId });
      if (task.title === 'Action faite') {
        await call(cw, 'POST', `${tasks}/${created.json().id}/close`, { outcome: 'done' });
      }
    }
    const res = await call(cw, 'GET', '/api/tasks/mine');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { title: string }) => a.title)).toEqual([
      'Demande FSL accès',
      'Ouvrir les droits APL',
    ]);
    expect((await call(stranger, 'GET', '/api/tasks/mine')).json().items).toEqual([]);
  });

  it('records an eviction step from the draft on the household’s procedure, shown as it stands', async () => {
    const step = await call(cw, 'POST', url(`/${diagId}/eviction-steps`), {
      step: 'payment_order',
      occurredOn: '2026-02-02',
      note: 'SECRET-STEP-NOTE',
    });
    expect(step.statusCode).toBe(201);
    const detail = (await call(cw, 'GET', url(`/${diagId}`))).json();
    expect(detail.evictionProcedureAsOf).toBeNull();
    expect(detail.evictionProcedure.steps).toEqual([
      { id: step.json().id, step: 'payment_order', occurredOn: '2026-02-02', note: 'SECRET-STEP-NOTE' },
    ]);
    // One home: the household's own procedure holds it.
    const file = (await call(cw, 'GET', `/api/households/${householdId}`)).json();
    expect(file.evictionProcedure.steps.map((s: { id: string }) => s.id)).toEqual([step.json().id]);
    expect(
      (
        await call(siao, 'POST', url(`/${diagId}/eviction-steps`), {
          step: 'summons',
          occurredOn: TODAY,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses approval before presentation, then presents and approves with a tablet signature', async () => {
    const early = await call(cw, 'POST', url(`/${diagId}/approve`), {
      rowVersion,
      method: 'typed_name',
      signedOn: TODAY,
      typedName: 'Hélène Dupré',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');

    const present = await call(cw, 'POST', url(`/${diagId}/present`), {
      rowVersion,
      presentedOn: TODAY,
      method: 'home_visit',
      explanation: 'Explication du diagnostic, des rôles de chacun et des options.',
    });
    expect(present.statusCode).toBe(200);
    rowVersion = present.json().rowVersion;

    const notPng = await call(cw, 'POST', url(`/${diagId}/approve`), {
      rowVersion,
      method: 'signature',
      signedOn: TODAY,
      signaturePng: `data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}`,
    });
    expect(notPng.statusCode).toBe(400);
    expect(notPng.json().error.fields.signaturePng).toContain('PNG');

    const approved = await call(cw, 'POST', url(`/${diagId}/approve`), {
      rowVersion,
      method: 'signature',
      signedOn: TODAY,
      signaturePng: tinyPng(),
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    rowVersion = approved.json().rowVersion;
  });

  it('freezes an approved diagnostic on every write endpoint', async () => {
    const writes: [string, unknown][] = [
      ['', { rowVersion, content: {} }],
      ['/present', { rowVersion, presentedOn: TODAY, method: 'phone', explanation: 'Nouvelle explication.' }],
      ['/approve', { rowVersion, method: 'typed_name', signedOn: TODAY, typedName: 'Hélène Dupré' }],
      ['/disagree', { rowVersion, notedOn: TODAY, inHouseholdWords: 'Je ne suis pas d’accord.' }],
      ['/eviction-steps', { step: 'summons', occurredOn: TODAY }],
    ];
    for (const [path, body] of writes) {
      const res = await call(cw, path === '' ? 'PUT' : 'POST', url(`/${diagId}${path}`), body);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'INVALID_STATE' });
      expect(res.json().error.message).toContain('approuvé par le ménage');
    }
  });

  it('shows an approved version the procedure as recorded when the household approved it', async () => {
    t.advance(60_000);
    const later = await call(cw, 'POST', `/api/households/${householdId}/eviction-steps`, {
      step: 'summons',
      occurredOn: TODAY,
    });
    expect(later.statusCode).toBe(201);
    const detail = (await call(cw, 'GET', url(`/${diagId}`))).json();
    expect(detail.evictionProcedureAsOf).toBe(detail.approvedAt);
    expect(detail.evictionProcedure.steps.map((s: { step: string }) => s.step)).toEqual(['payment_order']);
    const file = (await call(cw, 'GET', `/api/households/${householdId}`)).json();
    expect(file.evictionProcedure.steps.map((s: { step: string }) => s.step)).toEqual([
      'payment_order',
      'summons',
    ]);
    // Partners read the step and its date, never its note.
    const preview = await call(cw, 'GET', `/api/diagnostics/${diagId}/preview?audience=landlord`);
    expect(preview.json().evictionSteps).toEqual([{ step: 'payment_order', occurredOn: '2026-02-02' }]);
  });

  it('previews partner versions without health, justice or family conflict', async () => {
    const landlordView = await call(cw, 'GET', `/api/diagnostics/${diagId}/preview?audience=landlord`);
    expect(landlordView.statusCode).toBe(200);
    const text = landlordView.body;
    for (const secret of [
      'SECRET-HEALTH',
      'SECRET-JUSTICE',
      'SECRET-FAMILY',
      'SECRET-NOTE',
      'rqth',
      'aah',
      'Ouvrir les droits',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(landlordView.json().content.housingHistory.arrearsCents).toBe(120_000);
    expect(landlordView.json().content.employment).toBeUndefined();
    const committee = await call(cw, 'GET', `/api/diagnostics/${diagId}/preview?audience=committee`);
    expect(committee.json().content.employment.status).toBe('employed');
    expect(committee.body).not.toContain('SECRET-');
    expect(
      (await call(landlord, 'GET', `/api/diagnostics/${diagId}/preview?audience=landlord`)).statusCode,
    ).toBe(404);
  });

  it('records capacity grids over time with a derived, confirmed or overridden opinion', async () => {
    const scores = (score: 1 | 2 | 3 | 4) =>
      Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score, comment: 'SECRET-COMMENT' }]));
    const noReason = await call(cw, 'POST', `/api/households/${householdId}/capacity-assessments`, {
      assessedOn: '2026-01-10',
      scores: scores(2),
      opinion: 'ready',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.overrideReason).toBeDefined();
    const first = await call(cw, 'POST', `/api/households/${householdId}/capacity-assessments`, {
      assessedOn: '2026-01-10',
      scores: scores(2),
      opinion: 'ready_with_support',
    });
    expect(first.json()).toMatchObject({
      derivedOpinion: 'ready_with_support',
      opinion: 'ready_with_support',
    });
    const second = await call(cw, 'POST', `/api/households/${householdId}/capacity-assessments`, {
      assessedOn: '2026-03-01',
      scores: scores(4),
      opinion: 'ready_with_support',
      overrideReason: 'Entrée récente dans les lieux : garder un appui trois mois.',
    });
    expect(second.json()).toMatchObject({ derivedOpinion: 'ready', opinion: 'ready_with_support' });
    const history = await call(cw, 'GET', `/api/households/${householdId}/capacity-assessments`);
    expect(
      history.json().items.map((i: { axisAverages: { finance: number } }) => i.axisAverages.finance),
    ).toEqual([2, 4]);
    expect(
      (await call(landlord, 'GET', `/api/households/${householdId}/capacity-assessments`)).statusCode,
    ).toBe(404);
  });

  it('gives partners nothing before sharing, then only their own version', async () => {
    const before = await call(landlord, 'GET', url());
    expect(before.json()).toEqual({ items: [], sharedWithMe: [] });
    expect((await call(landlord, 'GET', url(`/${diagId}`))).statusCode).toBe(404);
    expect((await call(landlord, 'GET', `/api/diagnostics/${diagId}/pdf?version=landlord`)).statusCode).toBe(
      404,
    );

    const toStranger = await call(cw, 'POST', `/api/diagnostics/${diagId}/share`, {
      audience: 'landlord',
      organisationIds: [(await makeOrganisation(t.deps.db, 'landlord')).id],
    });
    expect(toStranger.statusCode).toBe(400);
    const committeeToLandlord = await call(cw, 'POST', `/api/diagnostics/${diagId}/share`, {
      audience: 'committee',
      organisationIds: [landlordId],
    });
    expect(committeeToLandlord.statusCode).toBe(400);

    expect(
      (
        await call(cw, 'POST', `/api/diagnostics/${diagId}/share`, {
          audience: 'landlord',
          organisationIds: [landlordId],
        })
      ).json().status,
    ).toBe('shared');
    expect(
      (
        await call(cw, 'POST', `/api/diagnostics/${diagId}/share`, {
          audience: 'committee',
          organisationIds: [siaoId],
        })
      ).statusCode,
    ).toBe(200);

    const shares = await call(cw, 'GET', `/api/diagnostics/${diagId}/shares`);
    expect(
      shares
        .json()
        .items.map((s: { audience: string; organisationId: string }) => [s.audience, s.organisationId]),
    ).toEqual([
      ['landlord', landlordId],
      ['committee', siaoId],
    ]);

    const landlordList = await call(landlord, 'GET', url());
    expect(landlordList.json().items).toEqual([]);
    expect(landlordList.json().sharedWithMe).toHaveLength(1);
    expect(landlordList.json().sharedWithMe[0].audience).toBe('landlord');
    expect(landlordList.json().sharedWithMe[0].version.evictionSteps).toEqual([
      { step: 'payment_order', occurredOn: '2026-02-02' },
    ]);
    expect(landlordList.body).not.toContain('SECRET-');
    expect(landlordList.body).not.toContain('employed');
    expect((await call(landlord, 'GET', `/api/diagnostics/${diagId}/pdf?version=household`)).statusCode).toBe(
      404,
    );
    expect((await call(landlord, 'GET', `/api/diagnostics/${diagId}/pdf?version=committee`)).statusCode).toBe(
      404,
    );

    const siaoList = (await call(siao, 'GET', url())).json();
    expect(siaoList.items).toEqual([]);
    expect(siaoList.sharedWithMe[0].version.capacity.opinion).toBe('ready_with_support');
    expect(JSON.stringify(siaoList)).not.toContain('SECRET-');
    expect((await call(siao, 'GET', url(`/${diagId}`))).statusCode).toBe(404);

    expect((await call(stranger, 'GET', url())).statusCode).toBe(404);
    expect((await call(stranger, 'GET', `/api/diagnostics/${diagId}/pdf?version=landlord`)).statusCode).toBe(
      404,
    );
  });

  it('answers a diagnostic hidden from the reader exactly as an unknown one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const reads = (id: string) => [
      url(`/${id}`),
      `/api/diagnostics/${id}/preview?audience=landlord`,
      `/api/diagnostics/${id}/shares`,
      `/api/diagnostics/${id}/pdf?version=household`,
    ];
    for (const [who, session] of [
      ['bailleur partie', landlord],
      ['SIAO partie', siao],
      ['association hors dossier', stranger],
    ] as const) {
      const hidden = reads(diagId);
      const none = reads(unknown);
      for (const [i, path] of hidden.entries()) {
        const [seen, unseen] = [await call(session, 'GET', path), await call(session, 'GET', none[i]!)];
        expect(seen.statusCode, `${who} ${path}`).toBe(404);
        expect(seen.json(), `${who} ${path}`).toEqual(unseen.json());
      }
    }
    const share = (id: string) =>
      call(stranger, 'POST', `/api/diagnostics/${id}/share`, {
        audience: 'landlord',
        organisationIds: [landlordId],
      });
    const [seen, unseen] = [await share(diagId), await share(unknown)];
    expect(seen.statusCode).toBe(404);
    expect(seen.json()).toEqual(unseen.json());
  });

  it('exports French PDFs; the landlord one carries no health text', async () => {
    for (const [s, version] of [
      [cw, 'household'],
      [landlord, 'landlord'],
      [siao, 'committee'],
    ] as const) {
      const res = await call(s, 'GET', `/api/diagnostics/${diagId}/pdf?version=${version}`);
      expect(res.statusCode, version).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="diagnostic-M-\d{6}-v1-/);
      expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      expect(res.rawPayload.length).toBeGreaterThan(5000);
    }
    const shared = (await call(landlord, 'GET', url())).json().sharedWithMe[0];
    const definition = JSON.stringify(
      diagnosticPdfDefinition({
        version: 'landlord',
        fileLabel: 'M-000001',
        diagnosticVersion: 1,
        status: 'shared',
        content: shared.version.content,
        capacity: null,
        evictionSteps: shared.version.evictionSteps,
        generatedAt: NOW,
      }),
    );
    expect(definition).toContain('Dette locative');
    expect(definition).not.toMatch(/SECRET|Santé|RQTH/);
  });

  it('makes a new version from the approved one and keeps the history', async () => {
    const next = await call(cw, 'POST', url(`/${diagId}/new-version`));
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ version: 2, status: 'draft' });
    const again = await call(cw, 'POST', url(`/${diagId}/new-version`));
    expect(again.statusCode).toBe(409);
    const copy = (await call(cw, 'GET', url(`/${next.json().id}`))).json();
    expect(copy.content.health.mentalHealthNotes).toBe('SECRET-HEALTH');
    const list = (await call(cw, 'GET', url())).json();
    expect(list.items.map((d: { version: number; status: string }) => [d.version, d.status])).toEqual([
      [2, 'draft'],
      [1, 'shared'],
    ]);
  });

  it('records a disagreement in the household words and freezes that version too', async () => {
    const other = await createHousehold();
    const created = (
      await call(cw, 'POST', `/api/households/${other}/diagnostics`, { content: completeDiagnostic() })
    ).json();
    const base = `/api/households/${other}/diagnostics/${created.id}`;
    const presented = (
      await call(cw, 'POST', `${base}/present`, {
        rowVersion: created.rowVersion,
        presentedOn: TODAY,
        method: 'with_interpreter',
        explanation: 'Explication avec interprète.',
      })
    ).json();
    const disagreed = await call(cw, 'POST', `${base}/disagree`, {
      rowVersion: presented.rowVersion,
      notedOn: TODAY,
      inHouseholdWords: 'Je veux rester dans ma commune.',
    });
    expect(disagreed.json().status).toBe('disagreed');
    const put = await call(cw, 'PUT', base, { rowVersion: disagreed.json().rowVersion, content: {} });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('INVALID_STATE');
    const share = await call(cw, 'POST', `/api/diagnostics/${created.id}/share`, {
      audience: 'landlord',
      organisationIds: [landlordId],
    });
    expect(share.statusCode).toBe(409);
    // Typed-name approval path on the next version.
    const v2 = (await call(cw, 'POST', `${base}/new-version`)).json();
    const base2 = `/api/households/${other}/diagnostics/${v2.id}`;
    const p2 = (
      await call(cw, 'POST', `${base2}/present`, {
        rowVersion: v2.rowVersion,
        presentedOn: TODAY,
        method: 'face_to_face',
        explanation: 'Nouvelle explication.',
      })
    ).json();
    const typed = await call(cw, 'POST', `${base2}/approve`, {
      rowVersion: p2.rowVersion,
      method: 'typed_name',
      signedOn: TODAY,
      typedName: 'Hélène Dupré',
    });
    expect(typed.json().status).toBe('approved');
    const detail = (await call(cw, 'GET', base2)).json();
    expect(detail.approval).toMatchObject({
      method: 'typed_name',
      typedName: 'Hélène Dupré',
      witnessedByUserId: cwUserId,
    });
  });

  it('refuses writes from a party that is not the caseworker, and audits reads', async () => {
    const res = await call(siao, 'POST', url(), { content: {} });
    expect(res.statusCode).toBe(403);
    const audit = (await call(cw, 'GET', `/api/households/${householdId}/audit`)).json();
    // The household's audit tab names each action in French.
    const actions = new Set(audit.items.map((i: { actionLabel: string }) => i.actionLabel));
    for (const a of [
      'Consultation du diagnostic',
      'Diagnostic exporté en PDF',
      'Diagnostic partagé',
      'Diagnostic approuvé par le ménage',
      'Consultation de la liste des diagnostics',
    ]) {
      expect(actions.has(a), a).toBe(true);
    }
  });

  it('opens a first, empty diagnostic filled from the file and the budget, each value marked', async () => {
    const id = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: {
          address: '8 place du Marché, 59000 Lille',
          landlordOrganisationId: landlordId,
          monthlyRentCents: 48_000,
          monthlyChargesCents: 6_000,
        },
        resources: [
          { memberIndex: 0, type: 'wages', monthlyAmountCents: 120_000 },
          { memberIndex: 0, type: 'family_benefits', monthlyAmountCents: 15_000 },
          { memberIndex: 0, type: 'housing_benefit', monthlyAmountCents: 20_000 },
        ],
        expenses: [
          { category: 'energy', monthlyAmountCents: 9_000 },
          { category: 'phone', monthlyAmountCents: 2_000 },
        ],
        debts: [
          { kind: 'rent_arrears', amountCents: 90_000, startDate: '2025-10-01', repaymentPlan: true },
          { kind: 'rent_arrears', amountCents: 30_000, startDate: '2025-06-01', repaymentPlan: false },
          { kind: 'energy', amountCents: 25_000, repaymentPlan: false },
        ],
      }),
    );
    const base = `/api/households/${id}/diagnostics`;
    const created = await call(cw, 'POST', base, { content: {} });
    expect(created.statusCode).toBe(201);
    const detail = (await call(cw, 'GET', `${base}/${created.json().id}`)).json();
    // Hélène (born 1985) and Léo (born 2015), on 10 March 2026 in Paris.
    expect(detail.content.familySituation).toEqual({ adults: 1, children: 1 });
    expect(detail.content.administrative).toEqual({
      daloRecognised: true,
      socialHousingApplicationNumber: '0751224ABC12',
    });
    // The housing benefit is the budget's own figure, not part of the resources.
    expect(detail.content.finances).toEqual({
      monthlyIncomeCents: 135_000,
      monthlyExpensesCents: 11_000,
      debtsTotalCents: 145_000,
      repaymentPlan: true,
    });
    expect(detail.content.housingHistory).toEqual({
      arrearsCents: 120_000,
      arrearsSince: '2025-06-01',
      arrearsRepaymentPlan: true,
    });
    expect(detail.content.currentDwelling).toEqual({
      hasDwelling: true,
      status: 'social_tenant',
      rentCents: 48_000,
    });
    const budget = (await call(cw, 'GET', `/api/households/${id}/budget`)).json();
    expect(detail.content.budgetSummary).toEqual({
      monthlyIncomeCents: budget.income.totalExcludingHousingBenefitCents,
      monthlyExpensesCents: budget.expenses.totalCents,
      estimatedHousingBenefitCents: budget.current.housingBenefit.monthlyCents,
      remainingToLiveCents: budget.current.resteAVivre.monthlyCents,
      effortRatePercent: budget.current.effortRate.percent,
    });
    expect(budget.current.housingBenefit.source).toBe('estimated');
    expect(detail.prefilled).toMatchObject({
      'familySituation.adults': 'file',
      'currentDwelling.rentCents': 'file',
      'budgetSummary.effortRatePercent': 'budget',
    });
    expect(Object.keys(detail.prefilled)).toHaveLength(19);

    // An edited value is the caseworker's own: its mark goes, the others stay.
    const saved = await call(cw, 'PUT', `${base}/${detail.id}`, {
      rowVersion: detail.rowVersion,
      content: { ...detail.content, familySituation: { adults: 2, children: 1 } },
    });
    expect(saved.statusCode).toBe(200);
    const edited = (await call(cw, 'GET', `${base}/${detail.id}`)).json();
    expect(edited.prefilled).not.toHaveProperty('familySituation.adults');
    expect(edited.prefilled['familySituation.children']).toBe('file');
    expect(Object.keys(edited.prefilled)).toHaveLength(18);
  });
});
