import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { NOW, createHouseholdAs } from '../helpers/household-fixtures.ts';
import { multipartForm } from '../helpers/multipart.ts';

/** The policy's directives by name, each with its sources. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What every answer carries, page or API: no inline script, no framing, no sniffing, no referrer outside. */
function expectSecurityHeaders(res: LightMyRequestResponse) {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('same-origin');
}

/**
 * Security headers on every answer (the page needs the built web client: `npm run build:web`, as
 * `npm test` does), HSTS only where the app says it is served over HTTPS, and nothing of a household
 * kept by a browser or proxy cache.
 */
describe('security headers and caching', () => {
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

  it('sends the security headers with a page and with an API answer, without HSTS over plain HTTP', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const api = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(api.statusCode).toBe(200);
    for (const res of [page, api]) {
      expectSecurityHeaders(res);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    // Mantine injects its styles at run time; scripts stay files of our own origin.
    expect(csp(page).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('serves the API documentation under the same policy: its scripts are files too', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expectSecurityHeaders(docs);
    expect(docs.body).not.toMatch(/<script>|<script[^>]*>[^<\s]/);
  });

  it('answers a household’s JSON and its documents with no-store', async () => {
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}`,
      headers: caseworker.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');

    const form = multipartForm(
      { sensitivity: 'shared' },
      { name: 'quittance.txt', type: 'text/plain', content: 'Quittance de loyer' },
    );
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/households/${householdId}/documents`,
      headers: { ...caseworker.headers, ...form.headers },
      payload: form.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/households/${householdId}/documents/${uploaded.json().id}/content`,
      headers: caseworker.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(download);

    // A refusal is not kept either (the next try must reach the server).
    const refused = await t.app.inject({ method: 'GET', url: `/api/households/${householdId}` });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('security headers behind HTTPS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ secureCookies: true });
  });
  afterAll(() => t.close());

  it('adds HSTS once the app is configured for secure cookies', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000');
      expectSecurityHeaders(res);
    }
  });
});
