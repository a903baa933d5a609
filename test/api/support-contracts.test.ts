import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { makeDepartement, makeFunder, measureTo, sessionAs } from '../helpers/measure-fixtures.ts';
import { scribbleSignaturePng } from '../../src/demo/signature-png.ts';
import type {
  TSupportContract,
  TSupportContractAnswer,
} from '../../src/shared/contracts/support-contracts.ts';

const OBJECTIVE = {
  title: 'Ouvrir les droits à l’aide au logement',
  indicator: 'Notification de la CAF reçue',
  targetDate: '2026-06-30',
  briques: ['2.3'],
};
const HEALTH_OBJECTIVE = {
  title: 'Reprendre le suivi au CMP',
  indicator: 'Rendez-vous honorés',
  targetDate: '2026-09-30',
  briques: ['2.4'],
};

describe('support contracts', () => {
  let t: TestApp;
  let cw: TestSession;
  let otherCw: TestSession;
  let landlord: TestSession;
  let siao: TestSession;
  let stranger: TestSession;
  let householdId: string;
  let measureId: string;
  let officer: TestSession;
  let schemeId: string;
  let assocId: string;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  const url = (suffix = '', m = measureId) =>
    `/api/households/${householdId}/measures/${m}/contract${suffix}`;
  async function ok<T = TSupportContractAnswer>(res: Awaited<ReturnType<typeof call>>): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const contractOf = async (s: TestSession = cw, m = measureId): Promise<TSupportContract> =>
    (await ok(await call(s, 'GET', url('', m)))).contract!;
  const editBody = (c: TSupportContract, objectives: object[]) => ({
    rowVersion: c.rowVersion,
    objectives,
    commitments: {
      household: ['Payer la part de loyer restant à charge.'],
      landlord: ['Prévenir l’association dès le premier impayé.'],
      association: ['Rencontrer le ménage chaque mois.'],
    },
    modalities: { visitsPerMonth: 2, place: 'home', monthlyReview: true },
    clauses: ['Le contrat est relu avec le ménage à chaque renouvellement.'],
  });

  /** A measure of the household taken to `status` through the API. */
  async function measureAt(status: 'proposed' | 'active') {
    const m = await measureTo(t, {
      cw,
      officer,
      householdId,
      body: {
        schemeId,
        operatorOrganisationId: assocId,
        briques: ['2.3', '2.4'],
        visitsPerMonth: 2,
        occupancy: 'direct_lease_with_support',
      },
      until: status,
      prescribedOn: TODAY,
      decidedOn: TODAY,
      startOn: TODAY,
    });
    return m.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const dep = await makeDepartement(t.deps.db);
    const funder = await makeFunder(t, dep.id, ['asll-maintien']);
    schemeId = funder.schemes['asll-maintien']!;
    officer = funder.officer;
    const assoc = await makeOrganisation(t.deps.db, 'association', 'Le Passage');
    assocId = assoc.id;
    const cwUser = await makeUser(t.deps.db, {
      organisationId: assoc.id,
      roles: ['caseworker'],
      fullName: 'Camille Roussel',
    });
    cw = await sessionFor(t.deps, cwUser.id, assoc.id);
    otherCw = await sessionAs(t, assoc.id, ['team_manager'], 'Inès Garnier');
    const l = await makeOrganisation(t.deps.db, 'landlord', 'Habitat Lanne');
    landlord = await sessionAs(t, l.id, ['landlord_social_advisor'], 'Paul Bailly');
    const s = await makeOrganisation(t.deps.db, 'siao');
    siao = await sessionAs(t, s.id, ['caseworker']);
    const other = await makeOrganisation(t.deps.db, 'association');
    stranger = await sessionAs(t, other.id, ['caseworker']);
    householdId = await createHouseholdAs(
      t,
      cw,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: { address: '4 rue des Ormes', landlordOrganisationId: l.id },
      }),
    );
    await consentToLandlord(t, cw, householdId, l.id);
    await ok(
      await call(cw, 'POST', `/api/households/${householdId}/consents`, {
        organisationId: s.id,
        purpose: 'support',
        validFrom: TODAY,
        method: 'signed_form',
      }),
    );
    // An approved diagnostic the contract rests on.
    const base = `/api/households/${householdId}/diagnostics`;
    let d = await ok<{ id: string; rowVersion: number }>(
      await call(cw, 'POST', base, { content: completeDiagnostic() }),
    );
    d = await ok(
      await call(cw, 'POST', `${base}/${d.id}/present`, {
        rowVersion: d.rowVersion,
        presentedOn: TODAY,
        method: 'home_visit',
        explanation: 'Diagnostic relu avec le ménage.',
      }),
    );
    await ok(
      await call(cw, 'POST', `${base}/${d.id}/approve`, {
        rowVersion: d.rowVersion,
        method: 'typed_name',
        signedOn: TODAY,
        typedName: 'Hélène Dupré',
      }),
    );
    measureId = await measureAt('active');
  });
  afterAll(() => t.close());

  it('waits for the funder’s validation before a contract is written', async () => {
    const proposed = await measureAt('proposed');
    expect(await ok(await call(cw, 'GET', url('', proposed)))).toEqual({ contract: null, canCreate: false });
    const res = await call(cw, 'POST', url('', proposed));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/validée par le financeur/);
  });

  it('generates version 1 as a draft from the measure, the file and the approved diagnostic', async () => {
    expect(await ok(await call(cw, 'GET', url()))).toEqual({ contract: null, canCreate: true });
    expect((await call(landlord, 'POST', url())).statusCode).toBe(403);
    const { contract } = await ok(await call(cw, 'POST', url()));
    const v = contract!.versions[0]!;
    expect(v).toMatchObject({
      number: 1,
      status: 'draft',
      terms: {
        householdName: 'Hélène Dupré',
        schemeName: 'ASLL maintien',
        funderName: 'Conseil départemental',
        operatorName: 'Le Passage',
        initialMonths: 12,
        startOn: TODAY,
        dwellingAddress: '4 rue des Ormes',
        landlordName: 'Habitat Lanne',
        occupancy: 'direct_lease_with_support',
        diagnostic: { version: 1, approvedOn: TODAY },
      },
      modalities: { visitsPerMonth: 2, place: 'both', monthlyReview: true },
      requiredSignatories: ['household', 'association', 'landlord'],
      signatures: [],
    });
    // One objective per brique of the measure, to be worded and measured with the household.
    expect(v.objectives!.map((o) => o.briques.map((b) => b.code))).toEqual([['2.3'], ['2.4']]);
    expect(v.missingForSignature).toHaveProperty('objectives.0.indicator');
    expect(contract!.canWrite).toBe(true);
    expect((await call(cw, 'POST', url())).statusCode).toBe(409);
  });

  it('saves the draft at the version read, field by field in French, 409 on a stale version', async () => {
    const c = await contractOf();
    const bad = await call(cw, 'PUT', url(), {
      ...editBody(c, [{ ...OBJECTIVE, title: ' ', briques: ['9.9'] }]),
      modalities: { visitsPerMonth: 0, place: 'garden', monthlyReview: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'modalities.place',
      'modalities.visitsPerMonth',
      'objectives.0.title',
    ]);
    const unknown = await call(cw, 'PUT', url(), editBody(c, [{ ...OBJECTIVE, briques: ['9.9'] }]));
    expect(unknown.json().error.fields['objectives.0.briques']).toBe('Brique inconnue du référentiel : 9.9.');

    const saved = await ok(await call(cw, 'PUT', url(), editBody(c, [OBJECTIVE, HEALTH_OBJECTIVE])));
    expect(saved.contract!.rowVersion).toBe(c.rowVersion + 1);
    expect(saved.contract!.versions[0]!.objectives!.map((o) => o.title)).toEqual([
      OBJECTIVE.title,
      HEALTH_OBJECTIVE.title,
    ]);
    const stale = await call(otherCw, 'PUT', url(), editBody(c, [OBJECTIVE]));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await contractOf()).versions[0]!.objectives).toHaveLength(2);
  });

  it('is not signed without a complete objective', async () => {
    const m = await measureAt('active');
    let { contract: c } = await ok(await call(cw, 'POST', url('', m)));
    c = (await ok(await call(cw, 'PUT', url('', m), editBody(c!, [])))).contract;
    const none = await call(cw, 'POST', url('/household-signature', m), {
      rowVersion: c!.rowVersion,
      method: 'typed',
      typedName: 'Hélène Dupré',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.objectives).toMatch(/au moins un objectif/);
    c = (await ok(await call(cw, 'PUT', url('', m), editBody(c!, [{ title: 'Trouver un emploi' }]))))
      .contract;
    const partial = await call(cw, 'POST', url('/partner-signature', m), { rowVersion: c!.rowVersion });
    expect(Object.keys(partial.json().error.fields).sort()).toEqual([
      'objectives.0.briques',
      'objectives.0.indicator',
      'objectives.0.targetDate',
    ]);
  });

  it('hides the household’s objectives and commitments from the landlord, who still sees what it signs', async () => {
    const read = await call(landlord, 'GET', url());
    expect(read.statusCode).toBe(200);
    const v = read.json().contract.versions[0];
    expect(v).not.toHaveProperty('objectives');
    expect(v.commitments).not.toHaveProperty('household');
    expect(read.body).not.toContain('CMP');
    expect(read.body).not.toContain('part de loyer');
    expect(v.commitments.landlord).toEqual(['Prévenir l’association dès le premier impayé.']);
    expect(v.briques.map((b: { label: string }) => b.label)).toEqual([
      '2.3 — Aide aux premiers pas dans le logement',
      '2.4 — Suivi préventif du ménage logé',
    ]);
    expect(v).not.toHaveProperty('missingForSignature');
    // The SIAO, a party below the référent, neither.
    expect((await call(siao, 'GET', url())).body).not.toContain('CMP');
  });

  it('answers a stranger as if nothing existed', async () => {
    const res = await call(stranger, 'GET', url());
    expect(res.statusCode).toBe(404);
    expect((await call(stranger, 'GET', url('/pdf'))).statusCode).toBe(404);
  });

  it('is in force once the household, the association and the landlord signed, and never edited after a signature', async () => {
    let c = await contractOf();
    expect(c.canSignFor).toBe('association');
    const notPng = await call(cw, 'POST', url('/household-signature'), {
      rowVersion: c.rowVersion,
      method: 'drawn',
      signaturePng: `data:image/png;base64,${Buffer.from('pas une image').toString('base64')}`,
    });
    expect(notPng.json().error.fields.signaturePng).toContain('PNG');
    // The landlord records no household signature: the operator's social workers do, as witnesses.
    expect(
      (
        await call(landlord, 'POST', url('/household-signature'), {
          rowVersion: c.rowVersion,
          method: 'typed',
          typedName: 'Hélène Dupré',
        })
      ).statusCode,
    ).toBe(403);
    c = (
      await ok(
        await call(cw, 'POST', url('/household-signature'), {
          rowVersion: c.rowVersion,
          method: 'drawn',
          signaturePng: scribbleSignaturePng(7),
        }),
      )
    ).contract!;
    expect(c.versions[0]).toMatchObject({ status: 'signing' });
    expect(c.versions[0]!.signatures[0]).toMatchObject({
      party: 'household',
      method: 'drawn',
      signerName: 'Hélène Dupré',
      witnessName: 'Camille Roussel',
    });

    const edit = await call(cw, 'PUT', url(), editBody(c, [OBJECTIVE]));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/déjà été signée/);
    expect(
      (await call(siao, 'POST', url('/partner-signature'), { rowVersion: c.rowVersion })).statusCode,
    ).toBe(403);
    const twice = await call(cw, 'POST', url('/household-signature'), {
      rowVersion: c.rowVersion,
      method: 'typed',
      typedName: 'Hélène Dupré',
    });
    expect(twice.statusCode).toBe(409);

    c = (await ok(await call(otherCw, 'POST', url('/partner-signature'), { rowVersion: c.rowVersion })))
      .contract!;
    expect(c.versions[0]!.status).toBe('signing');
    const landlordView = await contractOf(landlord);
    expect(landlordView.canSignFor).toBe('landlord');
    c = (
      await ok(
        await call(landlord, 'POST', url('/partner-signature'), { rowVersion: landlordView.rowVersion }),
      )
    ).contract!;
    expect(c.versions[0]).toMatchObject({ status: 'in_force', inForceAt: NOW.toISOString() });
    expect(c.versions[0]!.signatures.map((s) => [s.party, s.signerName, s.organisationName])).toEqual([
      ['household', 'Hélène Dupré', null],
      ['association', 'Inès Garnier', 'Le Passage'],
      ['landlord', 'Paul Bailly', 'Habitat Lanne'],
    ]);
    expect(c.canSignFor).toBeNull();
    const inForce = await call(cw, 'PUT', url(), editBody(await contractOf(), [OBJECTIVE]));
    expect(inForce.statusCode).toBe(409);
    expect(inForce.json().error.message).toMatch(/nouvelle version/);
  });

  it('amends by a new version, signed again, that replaces the one in force', async () => {
    let c = await contractOf();
    expect((await call(cw, 'POST', url('/versions'), { rowVersion: c.rowVersion - 1 })).statusCode).toBe(409);
    c = (await ok(await call(cw, 'POST', url('/versions'), { rowVersion: c.rowVersion }))).contract!;
    expect(c.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'in_force'],
    ]);
    expect(c.versions[0]!.objectives!.map((o) => o.title)).toEqual([OBJECTIVE.title, HEALTH_OBJECTIVE.title]);
    expect((await call(cw, 'POST', url('/versions'), { rowVersion: c.rowVersion })).statusCode).toBe(409);
    c = (await ok(await call(cw, 'PUT', url(), editBody(c, [OBJECTIVE])))).contract!;
    c = (
      await ok(
        await call(cw, 'POST', url('/household-signature'), {
          rowVersion: c.rowVersion,
          method: 'typed',
          typedName: 'Hélène Dupré',
        }),
      )
    ).contract!;
    c = (await ok(await call(cw, 'POST', url('/partner-signature'), { rowVersion: c.rowVersion }))).contract!;
    expect(c.versions.map((v) => v.status)).toEqual(['signing', 'in_force']);
    c = (await ok(await call(landlord, 'POST', url('/partner-signature'), { rowVersion: c.rowVersion })))
      .contract!;
    expect(c.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'in_force'],
      [1, 'replaced'],
    ]);
    expect(c.versions[1]!.replacedAt).toBe(NOW.toISOString());
  });

  it('prints the contract in PDF, for the caseworker and for the landlord', async () => {
    for (const [who, query] of [
      [cw, ''],
      [landlord, '?version=1'],
    ] as const) {
      const res = await call(who, 'GET', url(`/pdf${query}`));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await call(cw, 'GET', url('/pdf?version=9'))).statusCode).toBe(404);
  });

  it('audits every read and change in words', async () => {
    const res = await ok<{ items: { action: string; actionLabel: string; description: string | null }[] }>(
      await call(cw, 'GET', `/api/households/${householdId}/audit`),
    );
    const labels = res.items.map((i) => i.actionLabel);
    for (const label of [
      'Contrat d’accompagnement généré',
      'Brouillon du contrat d’accompagnement modifié',
      'Contrat d’accompagnement signé',
      'Avenant au contrat d’accompagnement ouvert',
      'Contrat d’accompagnement exporté en PDF',
      'Consultation du contrat d’accompagnement',
    ])
      expect(labels).toContain(label);
  });
});
