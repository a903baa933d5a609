import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';

interface Brique {
  code: string;
  title: string;
  mission: string[];
  describedIn?: string;
}
interface Version {
  version: string;
  groups: { code: string; briques: Brique[] }[];
}

describe('référentiel', () => {
  let t: TestApp;
  let caseworker: TestSession;
  let landlord: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date('2026-06-15T10:00:00Z'));
    const assoc = await makeOrganisation(t.deps.db, 'association');
    caseworker = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: assoc.id, roles: ['caseworker'] })).id,
      assoc.id,
    );
    const l = await makeOrganisation(t.deps.db, 'landlord');
    landlord = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: l.id, roles: ['landlord_social_advisor'] })).id,
      l.id,
    );
  });
  afterAll(() => t.close());

  const get = (url: string, s?: TestSession) =>
    t.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });

  it('lists the versions and gives the one in force in full, to every role', async () => {
    for (const session of [caseworker, landlord]) {
      const res = await get('/api/referentiel', session);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { versions: { version: string; effectiveFrom: string }[]; inForce: Version };
      expect(body.versions).toContainEqual(
        expect.objectContaining({ version: '2011-01', effectiveFrom: '2011-01-01' }),
      );
      expect(body.inForce.version).toBe('2011-01');
      expect(body.inForce.groups.map((g) => g.code)).toEqual(['1', '2', '3']);
    }
  });

  it('serves one version in full, and 404 for a version it does not ship', async () => {
    const res = await get('/api/referentiel/2011-01', caseworker);
    expect(res.statusCode).toBe(200);
    const briques = (res.json() as Version).groups.flatMap((g) => g.briques);
    expect(briques).toHaveLength(18);
    expect(briques.find((b) => b.code === '2.6')).toMatchObject({ describedIn: '3.5' });
    expect(briques.every((b) => b.mission.length > 0)).toBe(true);

    const unknown = await get('/api/referentiel/1999-01', caseworker);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Version du référentiel introuvable.');
    expect((await get('/api/referentiel/derniere', caseworker)).statusCode).toBe(400);
  });

  it('answers 401 without a session', async () => {
    expect((await get('/api/referentiel')).statusCode).toBe(401);
    expect((await get('/api/referentiel/2011-01')).statusCode).toBe(401);
  });
});
