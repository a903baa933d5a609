import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TARGET_DWELLING,
  createHouseholdAs,
  sampleHousehold,
  toUpdateBody,
} from '../helpers/household-fixtures.ts';
import { multipartForm } from '../helpers/multipart.ts';

const NUL = '\u0000';
const NUL_MESSAGE = 'Caractère nul interdit.';
const SURROGATE_MESSAGE = 'Caractère invalide (texte mal encodé).';

/**
 * Input PostgreSQL cannot take, or a body cut short, is the client's mistake: 400 with a French
 * message, by field where there is one — never a 500.
 */
describe('bad input', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    caseworker = (await makeOrgWithUsers(t.deps, 'association', ['caseworker'])).members.caseworker!.session;
    householdId = await createHouseholdAs(t, caseworker);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: caseworker.headers, ...(payload ? { payload } : {}) });

  const expectNulRefused = (res: Awaited<ReturnType<typeof call>>, fields: string[]) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Certains champs sont invalides.',
        fields: Object.fromEntries(fields.map((f) => [f, NUL_MESSAGE])),
      },
    });
  };

  it('refuses a NUL character in any text field, naming each field, on every kind of route', async () => {
    const sample = sampleHousehold();
    expectNulRefused(
      await call('POST', '/api/households', {
        ...sample,
        phone: `06 12${NUL}`,
        members: [{ ...sample.members![0]!, firstName: `Hél${NUL}ène` }, sample.members![1]!],
      }),
      ['phone', 'members.0.firstName'],
    );

    const file = (await call('GET', `/api/households/${householdId}`)).json();
    expectNulRefused(
      await call('PUT', `/api/households/${householdId}`, {
        ...toUpdateBody(file),
        shelterName: `CHRS${NUL}`,
      }),
      ['shelterName'],
    );

    expectNulRefused(
      await call('POST', `/api/households/${householdId}/notes`, {
        body: `Appel${NUL}`,
        sensitivity: 'shared',
      }),
      ['body'],
    );

    const diagnostic = (await call('POST', `/api/households/${householdId}/diagnostics`, {})).json();
    expectNulRefused(
      await call('PUT', `/api/households/${householdId}/diagnostics/${diagnostic.id}`, {
        rowVersion: diagnostic.rowVersion,
        content: { housingHistory: { narrative: `Dette${NUL}` } },
      }),
      ['content.housingHistory.narrative'],
    );

    expectNulRefused(
      await call('POST', `/api/households/${householdId}/tasks`, { title: `Rappeler${NUL}` }),
      ['title'],
    );
    expectNulRefused(await call('GET', `/api/households?q=Dup${encodeURIComponent(NUL)}`), ['q']);

    // Nothing was written: the file and its notes are as they were.
    expect(toUpdateBody((await call('GET', `/api/households/${householdId}`)).json())).toEqual(
      toUpdateBody(file),
    );
    expect((await call('GET', `/api/households/${householdId}/notes`)).json().items).toEqual([]);
  });

  const upload = (form: { payload: Buffer; headers: Record<string, string> }) =>
    t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/documents`,
      headers: { ...caseworker.headers, ...form.headers },
      payload: form.payload,
    });

  it('refuses a NUL character in an uploaded file’s name', async () => {
    const res = await upload(
      multipartForm(
        { sensitivity: 'shared' },
        { name: `bail${NUL}.txt`, type: 'text/plain', content: 'Bail' },
      ),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual({ file: NUL_MESSAGE });
  });

  it('answers 400 in French to an upload cut short or malformed, and stores nothing', async () => {
    const whole = multipartForm(
      { sensitivity: 'shared' },
      { name: 'quittance.txt', type: 'text/plain', content: 'Quittance de loyer de janvier' },
    );
    const cut = (length: number) => ({ ...whole, payload: whole.payload.subarray(0, length) });
    for (const [what, form] of [
      ['cut in a part’s headers', cut(60)],
      ['cut inside the file', cut(whole.payload.length - 30)],
      ['cut before the closing boundary', cut(whole.payload.length - 8)],
      ['no boundary', { ...whole, headers: { 'content-type': 'multipart/form-data' } }],
      [
        'no form',
        { payload: Buffer.from('{"sensitivity":"shared"}'), headers: { 'content-type': 'application/json' } },
      ],
    ] as const) {
      const res = await upload(form);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(res.json(), what).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Le fichier envoyé est incomplet ou illisible. Réessayez.',
        },
      });
    }
    expect((await call('GET', `/api/households/${householdId}/documents`)).json().items).toEqual([]);
  });

  it('answers 400, not 500, to a body nested thousands of levels deep', async () => {
    for (const payload of [
      '['.repeat(5000) + ']'.repeat(5000),
      '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
    ]) {
      for (const url of ['/api/households', `/api/households/${householdId}/notes`]) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...caseworker.headers, 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error.message).toBe('Requête mal formée : vérifiez ce qui est envoyé.');
      }
    }
    expect((await call('GET', `/api/households/${householdId}/notes`)).json().items).toEqual([]);
  });

  it('answers in French when the framework refuses the request itself', async () => {
    const send = (contentType: string, payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/households',
        headers: { ...caseworker.headers, 'content-type': contentType },
        payload,
      });
    const cases = [
      [
        await send('application/json', '{"housingSituation": '),
        400,
        'Requête mal formée : vérifiez ce qui est envoyé.',
      ],
      [await send('application/json', ''), 400, 'Requête mal formée : vérifiez ce qui est envoyé.'],
      [await send('text/csv', 'a;b'), 415, 'Format de requête non pris en charge.'],
      [await call('GET', '/api/nulle-part'), 404, 'Ressource introuvable.'],
    ] as const;
    for (const [res, status, message] of cases) {
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toBe(message);
    }
  });
  it('refuses half of a surrogate pair in any text field, naming each field, and takes whole pairs', async () => {
    const sample = sampleHousehold();
    const refused = async (res: Awaited<ReturnType<typeof call>>, fields: string[]) => {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toEqual(Object.fromEntries(fields.map((f) => [f, SURROGATE_MESSAGE])));
    };
    await refused(
      await call('POST', '/api/households', {
        ...sample,
        phone: '06 12 \ud800',
        members: [{ ...sample.members![0]!, firstName: 'H\udc00élène' }, sample.members![1]!],
      }),
      ['phone', 'members.0.firstName'],
    );
    await refused(await call('POST', `/api/households/${householdId}/notes`, { body: 'Appel \ud83d' }), [
      'body',
    ]);
    const diagnostic = (await call('GET', `/api/households/${householdId}/diagnostics`)).json().items[0];
    await refused(
      await call('PUT', `/api/households/${householdId}/diagnostics/${diagnostic.id}`, {
        rowVersion: diagnostic.rowVersion,
        content: { housingHistory: { narrative: 'Dette \udfff' } },
      }),
      ['content.housingHistory.narrative'],
    );
    // Whole pairs (emoji, rare scripts) are text like any other.
    const emoji = await call('POST', `/api/households/${householdId}/notes`, { body: 'Appel 😀 𝕏' });
    expect(emoji.statusCode, emoji.body).toBe(201);
    expect(
      (await call('GET', `/api/households/${householdId}/notes`))
        .json()
        .items.map((n: { body: string }) => n.body),
    ).toEqual(['Appel 😀 𝕏']);
  });

  it('answers 400, not 500, to a budget scenario version beyond any the database can hold', async () => {
    const scenario = await call('POST', `/api/households/${householdId}/budget/scenarios`, TARGET_DWELLING);
    expect(scenario.statusCode, scenario.body).toBe(201);
    const res = await call('PUT', `/api/households/${householdId}/budget/scenarios/${scenario.json().id}`, {
      ...TARGET_DWELLING,
      rowVersion: 2 ** 40,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['rowVersion']);
  });
});
