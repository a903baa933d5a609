import { eq } from 'drizzle-orm';
import type { DB } from '../../src/kernel/db.ts';
import { organisations, territories } from '../../src/modules/organisations/schema.ts';
import type { TestApp } from './app.ts';
import type { Role } from '../../src/shared/contracts/roles.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from './factories.ts';

let counter = 0;

/** A département, and organisations placed in it (schemes are kept per département). */
export async function makeDepartement(db: DB, name = 'Val-de-Lanne') {
  const [d] = await db
    .insert(territories)
    .values({ kind: 'departement', code: `9${String(++counter).padStart(2, '0')}${Date.now() % 1000}`, name })
    .returning();
  return d!;
}

export async function placeIn(db: DB, organisationId: string, territoryId: string) {
  await db.update(organisations).set({ territoryId }).where(eq(organisations.id, organisationId));
}

/** A scheme of the shipped catalogue, adopted by the funder whose administrator calls. */
export async function adoptScheme(
  t: TestApp,
  admin: TestSession,
  code: string,
  effectiveFrom = '2026-01-01',
): Promise<{ id: string; name: string }> {
  const catalogue = await t.app.inject({
    method: 'GET',
    url: '/api/measure-schemes/catalogue',
    headers: admin.headers,
  });
  const template = catalogue.json().items.find((s: { code: string }) => s.code === code);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/measure-schemes',
    headers: admin.headers,
    payload: {
      code: template.code,
      name: template.name,
      kind: template.kind,
      effectiveFrom,
      rules: template.rules,
      costs: template.costs,
    },
  });
  if (res.statusCode !== 201) throw new Error(`scheme creation failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A user of the organisation with these roles, signed in. */
export async function sessionAs(
  t: TestApp,
  organisationId: string,
  roles: Role[],
  fullName?: string,
): Promise<TestSession> {
  const user = await makeUser(t.deps.db, { organisationId, roles, ...(fullName ? { fullName } : {}) });
  return sessionFor(t.deps, user.id, organisationId);
}

/** A funder of the département, its administrator and officer, and the schemes it adopted (id by code). */
export async function makeFunder(
  t: TestApp,
  departementId: string,
  codes: string[],
  effectiveFrom?: string,
  name = 'Conseil départemental',
) {
  const funder = await makeOrganisation(t.deps.db, 'funder', name);
  await placeIn(t.deps.db, funder.id, departementId);
  const admin = await sessionAs(t, funder.id, ['admin']);
  const officer = await sessionAs(t, funder.id, ['funder_officer']);
  const schemes: Record<string, string> = {};
  for (const code of codes) schemes[code] = (await adoptScheme(t, admin, code, effectiveFrom)).id;
  return { id: funder.id, admin, officer, schemes };
}

/**
 * A measure of the household proposed by the caseworker (`body`) and taken through the API to
 * `until`: prescribed, validated by the funder's officer, then started on `startOn`.
 */
export async function measureTo<M extends { id: string; rowVersion: number }>(
  t: TestApp,
  p: {
    cw: TestSession;
    officer: TestSession;
    householdId: string;
    body: object;
    until: 'proposed' | 'active';
    prescribedOn: string;
    decidedOn: string;
    startOn: string;
  },
): Promise<M> {
  const post = async (s: TestSession, url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: s.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as M;
  };
  const base = `/api/households/${p.householdId}/measures`;
  let m = await post(p.cw, base, p.body);
  if (p.until === 'proposed') return m;
  m = await post(p.cw, `${base}/${m.id}/prescribe`, {
    rowVersion: m.rowVersion,
    prescribedOn: p.prescribedOn,
  });
  m = await post(p.officer, `/api/funder/measures/${m.id}/decision`, {
    rowVersion: m.rowVersion,
    outcome: 'validated',
    decidedOn: p.decidedOn,
  });
  return post(p.cw, `${base}/${m.id}/start`, { rowVersion: m.rowVersion, startOn: p.startOn });
}

/**
 * A measure of the scheme run by the organisation with its référent, proposed, prescribed,
 * validated and started all on `on` (an access measure's usual briques, two visits a month).
 */
export function activeMeasureOn<M extends { id: string; rowVersion: number }>(
  t: TestApp,
  p: {
    cw: TestSession;
    officer: TestSession;
    householdId: string;
    schemeId: string;
    operatorOrganisationId: string;
    caseworkerUserId: string;
    on: string;
  },
): Promise<M> {
  const { cw, officer, householdId, on, ...who } = p;
  return measureTo<M>(t, {
    cw,
    officer,
    householdId,
    body: { ...who, briques: ['2.1'], visitsPerMonth: 2, occupancy: 'direct_lease_with_support' },
    until: 'active',
    prescribedOn: on,
    decidedOn: on,
    startOn: on,
  });
}
