import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response as InjectResponse } from 'light-my-request';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TODAY,
  createHouseholdAs,
  sampleHousehold,
  toUpdateBody,
} from '../helpers/household-fixtures.ts';
import type { OrganisationType, Role } from '../../src/shared/contracts/roles.ts';

/**
 * Who may do what on a household file, as one table: subjects (role × party or not) meet
 * endpoints, and each endpoint row says what every access level gets. A new endpoint is one row.
 */
type Level = 'caseworker' | 'party' | 'landlord_summary' | 'none';
type Outcome = 'ok' | 'filtered' | 'forbidden' | 'not_found' | 'not_listed';

// Markers planted in the file: a reader must never receive one above its level, in any endpoint.
const CASEWORKER_ONLY = ['SECRET-HEALTH', 'SECRET-JUSTICE', 'SECRET-FAMILY', 'SECRET-NOTE', 'secret-doc'];
const SHARED = ['SHARED-SHELTER', 'SHARED-RESOURCE', 'SHARED-NOTE', 'shared-doc'];
const HIDDEN_MARKERS: Record<Level, string[]> = {
  caseworker: [],
  party: CASEWORKER_ONLY,
  landlord_summary: [...CASEWORKER_ONLY, ...SHARED],
  none: [...CASEWORKER_ONLY, ...SHARED],
};

interface Ctx {
  t: TestApp;
  householdId: string;
  confidentialDocId: string;
  session: TestSession;
  /** The current version, read by the household's caseworker. */
  version(): Promise<number>;
}

interface EndpointRow {
  endpoint: string;
  call(ctx: Ctx): Promise<InjectResponse>;
  expected: Record<Level, Outcome>;
  /** Keys that must be absent (not null) from the JSON at a level. */
  absentKeys?: Partial<Record<Level, string[]>>;
}

const get = (ctx: Ctx, path: string) =>
  ctx.t.app.inject({
    method: 'GET',
    url: `/api/households/${ctx.householdId}${path}`,
    headers: ctx.session.headers,
  });

const ENDPOINTS: EndpointRow[] = [
  {
    endpoint: 'list',
    call: (ctx) => ctx.t.app.inject({ method: 'GET', url: '/api/households', headers: ctx.session.headers }),
    expected: { caseworker: 'ok', party: 'ok', landlord_summary: 'ok', none: 'not_listed' },
  },
  {
    endpoint: 'read',
    call: (ctx) => get(ctx, ''),
    expected: { caseworker: 'ok', party: 'filtered', landlord_summary: 'filtered', none: 'not_found' },
    absentKeys: {
      party: ['healthNotes', 'justiceNotes', 'familyConflictNotes'],
      landlord_summary: [
        'healthNotes',
        'justiceNotes',
        'familyConflictNotes',
        'resources',
        'expenses',
        'debts',
        'housingHistory',
        'housingSince',
        'shelterName',
      ],
    },
  },
  {
    endpoint: 'update',
    call: async (ctx) => {
      const own = await get(ctx, '');
      const body =
        own.statusCode === 200
          ? toUpdateBody(own.json())
          : toUpdateBody({ ...sampleHousehold(), basis: undefined, version: await ctx.version() });
      return ctx.t.app.inject({
        method: 'PUT',
        url: `/api/households/${ctx.householdId}`,
        headers: ctx.session.headers,
        payload: { ...body, phone: `01 ${String(Date.now()).slice(-8)}` },
      });
    },
    expected: { caseworker: 'ok', party: 'ok', landlord_summary: 'forbidden', none: 'not_found' },
  },
  {
    endpoint: 'history',
    call: (ctx) => get(ctx, '/history'),
    expected: { caseworker: 'ok', party: 'filtered', landlord_summary: 'filtered', none: 'not_found' },
  },
  {
    endpoint: 'notes',
    call: (ctx) => get(ctx, '/notes'),
    expected: { caseworker: 'ok', party: 'filtered', landlord_summary: 'filtered', none: 'not_found' },
  },
  {
    endpoint: 'documents',
    call: (ctx) => get(ctx, '/documents'),
    expected: { caseworker: 'ok', party: 'filtered', landlord_summary: 'filtered', none: 'not_found' },
  },
  {
    endpoint: 'confidential document content',
    call: (ctx) => get(ctx, `/documents/${ctx.confidentialDocId}/content`),
    expected: { caseworker: 'ok', party: 'not_found', landlord_summary: 'not_found', none: 'not_found' },
  },
  {
    endpoint: 'parties',
    call: (ctx) => get(ctx, '/parties'),
    expected: { caseworker: 'ok', party: 'ok', landlord_summary: 'ok', none: 'not_found' },
  },
  {
    endpoint: 'consents',
    call: (ctx) => get(ctx, '/consents'),
    expected: { caseworker: 'ok', party: 'ok', landlord_summary: 'forbidden', none: 'not_found' },
  },
  {
    endpoint: 'audit',
    call: (ctx) => get(ctx, '/audit'),
    expected: { caseworker: 'ok', party: 'forbidden', landlord_summary: 'forbidden', none: 'not_found' },
  },
];

interface Subject {
  label: string;
  orgType: OrganisationType;
  roles: Role[];
  party: boolean;
  level: Level;
}

const ROLES: { label: string; orgType: OrganisationType; roles: Role[]; levelAsParty: Level }[] = [
  { label: 'caseworker', orgType: 'association', roles: ['caseworker'], levelAsParty: 'caseworker' },
  { label: 'team_manager', orgType: 'association', roles: ['team_manager'], levelAsParty: 'caseworker' },
  {
    label: 'landlord_social_advisor',
    orgType: 'landlord',
    roles: ['landlord_social_advisor'],
    levelAsParty: 'landlord_summary',
  },
  {
    label: 'landlord_rental_manager',
    orgType: 'landlord',
    roles: ['landlord_rental_manager'],
    levelAsParty: 'landlord_summary',
  },
  { label: 'funder_officer', orgType: 'funder', roles: ['funder_officer'], levelAsParty: 'none' },
  { label: 'auditor', orgType: 'association', roles: ['auditor'], levelAsParty: 'none' },
  { label: 'admin only', orgType: 'association', roles: ['admin'], levelAsParty: 'none' },
  { label: 'siao caseworker', orgType: 'siao', roles: ['caseworker'], levelAsParty: 'party' },
];

const SUBJECTS: Subject[] = ROLES.flatMap((r) => [
  { label: r.label, orgType: r.orgType, roles: r.roles, party: true, level: r.levelAsParty },
  { label: r.label, orgType: r.orgType, roles: r.roles, party: false, level: 'none' as const },
]);

const CASES = SUBJECTS.flatMap((subject) =>
  ENDPOINTS.map((row) => ({
    name: `${subject.label} (${subject.party ? 'party' : 'not a party'}) → ${row.endpoint}: ${row.expected[subject.level]}`,
    subject,
    row,
  })),
);

function multipart(fileName: string, content: string, sensitivity: string) {
  const boundary = 'relais-boundary';
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="sensitivity"\r\n\r\n${sensitivity}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n` +
    `--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('household access matrix', () => {
  let t: TestApp;
  let householdId: string;
  let confidentialDocId: string;
  let owner: TestSession;
  const sessions = new Map<Subject, TestSession>();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const partyOrgs = new Map<OrganisationType, string>();
    const otherOrgs = new Map<OrganisationType, string>();
    for (const type of ['association', 'landlord', 'siao', 'funder'] as const) {
      partyOrgs.set(type, (await makeOrganisation(t.deps.db, type)).id);
      otherOrgs.set(type, (await makeOrganisation(t.deps.db, type)).id);
    }
    for (const subject of SUBJECTS) {
      const orgId = (subject.party ? partyOrgs : otherOrgs).get(subject.orgType)!;
      const user = await makeUser(t.deps.db, { organisationId: orgId, roles: subject.roles });
      sessions.set(subject, await sessionFor(t.deps, user.id, orgId));
    }
    owner = sessions.get(SUBJECTS.find((s) => s.label === 'caseworker' && s.party)!)!;

    householdId = await createHouseholdAs(
      t,
      owner,
      sampleHousehold({
        housingSituation: 'social_tenant',
        tenancy: {
          address: '4 rue des Ormes, 59000 Lille',
          landlordOrganisationId: partyOrgs.get('landlord')!,
        },
        shelterName: 'SHARED-SHELTER',
        healthNotes: 'SECRET-HEALTH',
        justiceNotes: 'SECRET-JUSTICE',
        familyConflictNotes: 'SECRET-FAMILY',
        resources: [{ memberIndex: 0, type: 'rsa', monthlyAmountCents: 63_500, note: 'SHARED-RESOURCE' }],
      }),
    );
    for (const type of ['siao', 'funder'] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/households/${householdId}/consents`,
        headers: owner.headers,
        payload: {
          organisationId: partyOrgs.get(type),
          purpose: 'support',
          validFrom: TODAY,
          method: 'signed_form',
        },
      });
      expect(res.statusCode).toBe(201);
    }
    for (const [body, sensitivity] of [
      ['SECRET-NOTE', 'confidential'],
      ['SHARED-NOTE', 'shared'],
      ['LANDLORD-NOTE', 'landlord_visible'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/households/${householdId}/notes`,
        headers: owner.headers,
        payload: { body, sensitivity },
      });
      expect(res.statusCode).toBe(201);
    }
    for (const [name, sensitivity] of [
      ['secret-doc.txt', 'confidential'],
      ['shared-doc.txt', 'shared'],
      ['landlord-doc.txt', 'landlord_visible'],
    ] as const) {
      const form = multipart(name, `Contenu ${name}`, sensitivity);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/households/${householdId}/documents`,
        headers: { ...owner.headers, ...form.headers },
        payload: form.payload,
      });
      expect(res.statusCode).toBe(201);
      if (sensitivity === 'confidential') confidentialDocId = res.json().id;
    }
  });
  afterAll(() => t.close());

  it.each(CASES)('$name', async ({ subject, row }) => {
    const ctx: Ctx = {
      t,
      householdId,
      confidentialDocId,
      session: sessions.get(subject)!,
      version: async () =>
        (
          await t.app.inject({ method: 'GET', url: `/api/households/${householdId}`, headers: owner.headers })
        ).json().version,
    };
    const res = await row.call(ctx);
    const outcome = row.expected[subject.level];
    switch (outcome) {
      case 'not_found':
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
        return;
      case 'forbidden':
        expect(res.statusCode).toBe(403);
        return;
      case 'not_listed':
        expect(res.statusCode).toBe(200);
        expect(res.json().items.map((i: { id: string }) => i.id)).not.toContain(householdId);
        return;
      case 'ok':
      case 'filtered': {
        expect(res.statusCode).toBe(200);
        if (row.endpoint === 'list') {
          expect(res.json().items.map((i: { id: string }) => i.id)).toContain(householdId);
        }
        for (const marker of HIDDEN_MARKERS[subject.level]) expect(res.body).not.toContain(marker);
        for (const key of row.absentKeys?.[subject.level] ?? []) expect(res.json()).not.toHaveProperty(key);
        if (outcome === 'filtered') {
          // Something was held back, and the reader still gets what its level covers.
          expect(HIDDEN_MARKERS[subject.level].length).toBeGreaterThan(0);
          expect(res.body).toMatch(/LANDLORD-NOTE|landlord-doc|Création du dossier|Dupré/);
        }
        if (outcome === 'ok' && subject.level === 'caseworker' && row.endpoint === 'read') {
          expect(res.json()).toMatchObject({ healthNotes: 'SECRET-HEALTH', accessLevel: 'caseworker' });
        }
      }
    }
  });

  it('refuses a caseworker-only field from a partner who may edit the shared file', async () => {
    const siao = sessions.get(SUBJECTS.find((s) => s.label === 'siao caseworker' && s.party)!)!;
    const own = (
      await t.app.inject({ method: 'GET', url: `/api/households/${householdId}`, headers: siao.headers })
    ).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/households/${householdId}`,
      headers: siao.headers,
      payload: { ...toUpdateBody(own), healthNotes: 'Réécrit par le SIAO' },
    });
    expect(res.statusCode).toBe(403);
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/households/${householdId}`,
      headers: siao.headers,
      payload: { ...toUpdateBody(own), phone: '05 55 55 55 55' },
    });
    expect(saved.statusCode).toBe(200);
    const file = (
      await t.app.inject({ method: 'GET', url: `/api/households/${householdId}`, headers: owner.headers })
    ).json();
    expect(file).toMatchObject({ phone: '05 55 55 55 55', healthNotes: 'SECRET-HEALTH' });
  });

  it('shows each reader only the history entries of its level', async () => {
    const landlord = sessions.get(SUBJECTS.find((s) => s.label === 'landlord_social_advisor' && s.party)!)!;
    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/households/${householdId}/history`,
        headers: landlord.headers,
      })
    ).json();
    const fields = history.items.flatMap((v: { changes: { field: string }[] }) =>
      v.changes.map((c) => c.field),
    );
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((f: string) => /^(healthNotes|resources|shelterName|debts)/.test(f))).toEqual([]);
  });
});
