import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import { multipartForm } from '../helpers/multipart.ts';
import { NOW, consentToLandlord, createHouseholdAs, sampleHousehold } from '../helpers/household-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { dwellingRents, dwellings } from '../../src/modules/dwellings/schema.ts';
import { tasks } from '../../src/modules/tasks/schema.ts';
import {
  OCCUPANCY_KINDS,
  SUBLEASE_KINDS,
  type OccupancyKind,
} from '../../src/shared/contracts/housing-stock.ts';
import type { TContract } from '../../src/shared/contracts/leases.ts';
import { SLIDING_CRITERIA } from '../../src/shared/leases/sliding.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

/** The checklist all rated « acquis ». */
const ACQUIRED = Object.fromEntries(SLIDING_CRITERIA.map((c) => [c, { rating: 'acquired', comment: '' }]));

describe('occupancy contracts (leases)', () => {
  let t: TestApp;
  let landlord: TestSession;
  let otherLandlord: TestSession;
  let asso: TestSession;
  let outsider: TestSession;
  let landlordId: string;
  let assoId: string;
  let householdId: string;
  let dwellingCount = 0;

  const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  async function ok<T = TContract>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  async function dwelling(owner: string | null = landlordId): Promise<string> {
    const [row] = await t.deps.db
      .insert(dwellings)
      .values({ address: `${++dwellingCount} rue des Glycines, 51100 Reims`, landlordOrganisationId: owner })
      .returning({ id: dwellings.id });
    return row!.id;
  }
  /** A contract of this kind for the household, created by whoever manages it. */
  function body(kind: OccupancyKind, dwellingId: string, extra: object = {}) {
    const held = SUBLEASE_KINDS.includes(kind) || kind === 'management_mandate';
    return {
      dwellingId,
      kind,
      householdId,
      lessorOrganisationId: kind === 'management_mandate' ? null : landlordId,
      lessorName: kind === 'management_mandate' ? 'M. Bernard' : null,
      lessorKind: kind === 'management_mandate' ? 'natural_person' : 'legal_person',
      intermediaryOrganisationId: held ? assoId : null,
      signedOn: '2026-01-02',
      startOn: '2026-01-05',
      ...extra,
    };
  }
  const managerOf = (kind: OccupancyKind) =>
    SUBLEASE_KINDS.includes(kind) || kind === 'management_mandate' ? asso : landlord;
  async function created(kind: OccupancyKind, extra: object = {}, dwellingId?: string) {
    const id = dwellingId ?? (await dwelling(kind === 'management_mandate' ? null : landlordId));
    const res = await call(managerOf(kind), 'POST', '/api/leases', body(kind, id, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TContract;
  }
  async function active(kind: OccupancyKind, extra: object = {}) {
    const c = await created(kind, extra);
    return ok(
      await call(managerOf(kind), 'POST', `/api/leases/${c.id}/activate`, {
        rowVersion: c.rowVersion,
        on: c.startOn,
      }),
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const person = async (
      type: 'landlord' | 'association',
      role: 'landlord_rental_manager' | 'caseworker',
    ) => {
      const org = await makeOrganisation(t.deps.db, type);
      const user = await makeUser(t.deps.db, { organisationId: org.id, roles: [role] });
      return { org, session: await sessionFor(t.deps, user.id, org.id) };
    };
    const l = await person('landlord', 'landlord_rental_manager');
    const a = await person('association', 'caseworker');
    [landlordId, assoId, landlord, asso] = [l.org.id, a.org.id, l.session, a.session];
    otherLandlord = (await person('landlord', 'landlord_rental_manager')).session;
    outsider = (await person('association', 'caseworker')).session;
    householdId = await createHouseholdAs(t, asso, sampleHousehold());
    // The landlord reads the file (landlord summary) with the household's consent: it may link its lease to it.
    await consentToLandlord(t, asso, householdId, landlordId);
  });
  afterAll(() => t.close());

  it.each(OCCUPANCY_KINDS)('takes a %s through draft, in force and ended', async (kind) => {
    const draft = await created(kind);
    expect(draft).toMatchObject({ kind, status: 'draft', household: { id: householdId } });
    expect(draft.slidingReviewOn).toBe(kind.endsWith('glissant') ? '2027-01-05' : null);
    const manager = managerOf(kind);
    const running = await ok(
      await call(manager, 'POST', `/api/leases/${draft.id}/activate`, {
        rowVersion: draft.rowVersion,
        on: '2026-01-05',
      }),
    );
    expect(running.status).toBe('active');
    const outcome = kind === 'bail_sauvegarde' ? 'new_lease' : 'term';
    const ended = await ok(
      await call(manager, 'POST', `/api/leases/${draft.id}/end`, {
        rowVersion: running.rowVersion,
        endOn: '2026-12-31',
        outcome,
      }),
    );
    expect(ended).toMatchObject({ status: 'ended', endOn: '2026-12-31', endOutcome: outcome });
    expect(ended.events.map((e) => e.event)).toEqual(['created', 'activated', 'ended']);
  });

  it('names the association a sublease needs, and refuses a direct lease with one', async () => {
    const id = await dwelling();
    const res = await call(
      asso,
      'POST',
      '/api/leases',
      body('sublease', id, { intermediaryOrganisationId: null }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.intermediaryOrganisationId).toContain('bail principal');
    const direct = await call(
      landlord,
      'POST',
      '/api/leases',
      body('direct_lease', id, { intermediaryOrganisationId: assoId }),
    );
    expect(direct.json().error.fields.intermediaryOrganisationId).toContain('sans association');
  });

  it('takes a bail de sauvegarde through the CCAPEX validation to each of its ends', async () => {
    for (const outcome of ['new_lease', 'standard_protocol', 'transfer', 'denounced'] as const) {
      const c = await active('bail_sauvegarde');
      const steps = [
        ['tripartite_convention_signed', '2026-01-06'],
        ['ccapex_validated', '2026-01-20'],
        ['eviction_suspended', '2026-01-27'],
      ] as const;
      for (const [event, occurredOn] of steps)
        await ok(await call(asso, 'POST', `/api/leases/${c.id}/events`, { event, occurredOn, note: '' }));
      const end = { rowVersion: c.rowVersion, endOn: '2027-06-30', outcome };
      if (outcome === 'denounced') {
        const bare = await call(asso, 'POST', `/api/leases/${c.id}/end`, end);
        expect(bare.statusCode).toBe(400);
        expect(Object.keys(bare.json().error.fields).sort()).toEqual(['party', 'reason']);
      }
      const ended = await ok(
        await call(asso, 'POST', `/api/leases/${c.id}/end`, {
          ...end,
          ...(outcome === 'denounced' ? { party: 'landlord', reason: 'Reprise des impayés.' } : {}),
        }),
      );
      expect(ended.endOutcome).toBe(outcome);
      expect(ended.events.map((e) => e.event)).toEqual([
        'created',
        'activated',
        'tripartite_convention_signed',
        'ccapex_validated',
        'eviction_suspended',
        'ended',
      ]);
      if (outcome === 'denounced')
        expect(ended).toMatchObject({ endedByParty: 'landlord', endReason: 'Reprise des impayés.' });
    }
  });

  it('refuses a CCAPEX validation on a contract that is no bail de sauvegarde, and an ordinary end to one', async () => {
    const glissant = await active('bail_glissant');
    const res = await call(asso, 'POST', `/api/leases/${glissant.id}/events`, {
      event: 'ccapex_validated',
      occurredOn: '2026-02-01',
    });
    expect(res.statusCode).toBe(400);
    const sauvegarde = await active('bail_sauvegarde');
    const end = await call(asso, 'POST', `/api/leases/${sauvegarde.id}/end`, {
      rowVersion: sauvegarde.rowVersion,
      endOn: '2026-06-30',
      outcome: 'term',
    });
    expect(end.json().error.fields.outcome).toContain('nouveau bail');
  });

  it('slides a bail glissant after the three evaluations: the direct lease starts the next day', async () => {
    const c = await active('bail_glissant', { startOn: '2026-01-31', signedOn: '2026-01-20' });
    expect(c.slidingReviewOn).toBe('2027-01-31');
    // The association's rent account of the sublease: February called (450 €), 300 € paid.
    await t.deps.db.insert(dwellingRents).values({
      dwellingId: c.dwelling.id,
      effectiveFrom: '2026-01-01',
      monthlyRentCents: 40_000,
      monthlyChargesCents: 5_000,
    });
    const account = (id: string) => `/api/contracts/${id}/account`;
    await ok(await call(asso, 'POST', account(c.id), { on: '2026-02-01' }));
    await ok(await call(asso, 'POST', `${account(c.id)}/calls`, { month: '2026-02' }));
    await ok(
      await call(asso, 'POST', `${account(c.id)}/payments`, {
        on: '2026-03-02',
        amountCents: 30_000,
        method: 'transfer',
      }),
    );
    const [task] = await t.deps.db.select().from(tasks).where(eq(tasks.sourceId, c.id));
    expect(task).toMatchObject({ dueOn: '2027-01-31', status: 'open', householdId });

    const decide = (rowVersion: number) =>
      call(asso, 'POST', `/api/leases/${c.id}/sliding-decision`, {
        rowVersion,
        decision: 'slide',
        on: '2027-01-31',
      });
    expect((await decide(c.rowVersion)).json().error.message).toBe(
      'La décision attend l’évaluation de : l’association, le bailleur, le ménage.',
    );

    const evaluation = { evaluatedOn: '2027-01-10', ratings: ACQUIRED, comment: 'Prêt à glisser.' };
    const put = (s: TestSession, party: string, extra: object = {}) =>
      call(s, 'PUT', `/api/leases/${c.id}/sliding-evaluations/${party}`, { ...evaluation, ...extra });
    expect((await put(landlord, 'household')).statusCode).toBe(403);
    expect((await put(asso, 'landlord')).statusCode).toBe(403);
    expect((await put(outsider, 'association')).statusCode).toBe(404);
    await ok(await put(asso, 'association'));
    await ok(await put(asso, 'household'));
    const withLandlord = await ok(await put(landlord, 'landlord'));
    expect(withLandlord.evaluations.map((e) => e.party)).toEqual(['association', 'household', 'landlord']);
    // A second write of the same evaluation goes at the version read.
    expect((await put(landlord, 'landlord')).statusCode).toBe(409);
    const landlordEval = withLandlord.evaluations.find((e) => e.party === 'landlord')!;
    await ok(
      await put(landlord, 'landlord', { rowVersion: landlordEval.rowVersion, comment: 'Loyer à jour.' }),
    );
    await ok(
      await call(asso, 'POST', `/api/leases/${c.id}/sliding-request`, {
        party: 'household',
        on: '2027-01-12',
      }),
    );

    const lease = await ok(await decide(c.rowVersion));
    expect(lease).toMatchObject({
      kind: 'direct_lease',
      status: 'active',
      startOn: '2027-02-01',
      endOn: null,
      previousContractId: c.id,
      lessorOrganisationId: landlordId,
      intermediaryOrganisationId: null,
      household: { id: householdId },
      dwelling: c.dwelling,
    });
    const sublease = await ok(await call(asso, 'GET', `/api/leases/${c.id}`));
    expect(sublease).toMatchObject({
      status: 'ended',
      endOn: '2027-01-31',
      endOutcome: 'slid',
      nextContractId: lease.id,
    });
    expect(sublease.events.map((e) => e.event)).toContain('slid');
    // The debt follows the household: the sublease's account closes, the lease's opens with it.
    const before = await ok(await call(asso, 'GET', account(c.id)));
    expect(before).toMatchObject({ status: 'closed', closedOn: '2027-01-31', balanceCents: 0 });
    const after = await ok(await call(landlord, 'GET', account(lease.id)));
    expect(after).toMatchObject({ status: 'open', openedOn: '2027-02-01', balanceCents: 15_000 });
    const [closed] = await t.deps.db.select().from(tasks).where(eq(tasks.sourceId, c.id));
    expect(closed!.status).toBe('done');
    // The landlord now manages its direct lease; the association still reads it through the file.
    expect((await ok(await call(landlord, 'GET', `/api/leases/${lease.id}`))).canManage).toBe(true);
    expect((await ok(await call(asso, 'GET', `/api/leases/${lease.id}`))).canManage).toBe(false);
  });

  it('renews a bail glissant with new objectives, moving the review date and its task', async () => {
    const c = await active('bail_glissant');
    for (const [s, party] of [
      [asso, 'association'],
      [asso, 'household'],
      [landlord, 'landlord'],
    ] as const)
      await ok(
        await call(s, 'PUT', `/api/leases/${c.id}/sliding-evaluations/${party}`, {
          evaluatedOn: '2026-12-15',
          ratings: {
            ...ACQUIRED,
            paperwork_autonomy: { rating: 'in_progress', comment: 'CAF encore accompagnée.' },
          },
        }),
      );
    const renewed = await ok(
      await call(asso, 'POST', `/api/leases/${c.id}/sliding-decision`, {
        rowVersion: c.rowVersion,
        decision: 'renew',
        on: '2026-12-20',
        objectives: 'Déclarations CAF en autonomie.',
      }),
    );
    expect(renewed).toMatchObject({
      status: 'active',
      slidingReviewOn: '2028-01-05',
      objectives: 'Déclarations CAF en autonomie.',
    });
    // A new round: no evaluation yet.
    expect(renewed.evaluations).toEqual([]);
    const open = await t.deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.sourceId, c.id), eq(tasks.status, 'open')));
    expect(open.map((x) => x.dueOn)).toEqual(['2028-01-05']);
  });

  it('refuses two contracts of one dwelling sharing a day, and accepts the next day', async () => {
    const first = await created('direct_lease', {
      signedOn: null,
      startOn: '2026-01-01',
      endOn: '2026-06-30',
    });
    const overlapping = await call(
      landlord,
      'POST',
      '/api/leases',
      body('direct_lease', first.dwelling.id, { signedOn: null, startOn: '2026-06-30' }),
    );
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error.message).toContain('ne peuvent pas partager un jour');
    const next = await call(
      landlord,
      'POST',
      '/api/leases',
      body('direct_lease', first.dwelling.id, { signedOn: null, startOn: '2026-07-01' }),
    );
    expect(next.statusCode).toBe(201);
  });

  it('refuses a sliding date before the sublease start', async () => {
    const id = await dwelling();
    const res = await call(
      asso,
      'POST',
      '/api/leases',
      body('bail_glissant', id, { slidingReviewOn: '2025-12-31' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      slidingReviewOn: 'La date d’examen du glissement doit suivre le début de la sous-location.',
    });
    const slide = await active('bail_glissant');
    for (const [s, party] of [
      [asso, 'association'],
      [asso, 'household'],
      [landlord, 'landlord'],
    ] as const)
      await ok(
        await call(s, 'PUT', `/api/leases/${slide.id}/sliding-evaluations/${party}`, {
          evaluatedOn: '2026-03-01',
          ratings: ACQUIRED,
        }),
      );
    const early = await call(asso, 'POST', `/api/leases/${slide.id}/sliding-decision`, {
      rowVersion: slide.rowVersion,
      decision: 'slide',
      on: '2026-01-04',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.on).toContain('précéder le début');
  });

  it('attaches documents of the household’s file, each shown as far as the reader’s level shows it', async () => {
    const c = await active('sublease');
    const upload = async (sensitivity: string, name: string) => {
      const form = multipartForm(
        { sensitivity },
        { name, type: 'text/plain', content: `Contenu de ${name}` },
      );
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/households/${householdId}/documents`,
        headers: { ...asso.headers, ...form.headers },
        payload: form.payload,
      });
      return (await ok<{ id: string }>(res)).id;
    };
    const lease = await upload('landlord_visible', 'bail.txt');
    const secret = await upload('confidential', 'note-medicale.txt');
    await ok(
      await call(asso, 'POST', `/api/leases/${c.id}/documents`, {
        householdDocumentId: lease,
        label: 'Bail',
      }),
    );
    const both = await ok(
      await call(asso, 'POST', `/api/leases/${c.id}/documents`, {
        householdDocumentId: secret,
        label: 'Avenant',
      }),
    );
    expect(both.documents.map((d) => d.fileName).sort()).toEqual(['bail.txt', 'note-medicale.txt']);
    const attached = both.events.filter((e) => e.event === 'document_attached').map((e) => e.note);
    expect(attached.sort()).toEqual(['Avenant', 'Bail']);
    const again = await call(asso, 'POST', `/api/leases/${c.id}/documents`, {
      householdDocumentId: lease,
      label: 'Bail',
    });
    expect(again.statusCode).toBe(409);
    // The landlord reads the file at its summary level: the lease, not the confidential document.
    const ofLandlord = await ok(await call(landlord, 'GET', `/api/leases/${c.id}`));
    expect(ofLandlord.documents.map((d) => d.fileName)).toEqual(['bail.txt']);
    const foreign = await call(asso, 'POST', `/api/leases/${c.id}/documents`, {
      householdDocumentId: '00000000-0000-4000-8000-000000000001',
      label: 'Bail',
    });
    expect(foreign.json().error.fields.householdDocumentId).toBe(
      'Choisissez un document du dossier du ménage.',
    );
  });

  it('changes a contract only at the version read', async () => {
    const c = await created('sublease');
    await ok(
      await call(asso, 'POST', `/api/leases/${c.id}/activate`, { rowVersion: c.rowVersion, on: c.startOn }),
    );
    const stale = await call(asso, 'POST', `/api/leases/${c.id}/end`, {
      rowVersion: c.rowVersion,
      endOn: '2026-03-31',
      outcome: 'tenant_left',
    });
    expect(stale.statusCode).toBe(409);
  });

  describe('access', () => {
    let direct: TContract;
    let sublease: TContract;
    beforeAll(async () => {
      direct = await created('direct_lease', { householdId: null, tenantName: 'Mme Martin' });
      sublease = await created('sublease');
    });

    it('shows a landlord its dwellings’ contracts and an association the subleases it holds', async () => {
      const ofLandlord = await ok<{ items: { id: string }[]; total: number }>(
        await call(landlord, 'GET', '/api/leases?pageSize=100'),
      );
      expect(ofLandlord.items.map((i) => i.id)).toEqual(expect.arrayContaining([direct.id, sublease.id]));
      const ofAsso = await ok<{ items: { id: string; kind: string }[] }>(
        await call(asso, 'GET', '/api/leases?pageSize=100'),
      );
      expect(ofAsso.items.map((i) => i.id)).toContain(sublease.id);
      expect(ofAsso.items.map((i) => i.id)).not.toContain(direct.id);
      expect(ofAsso.items.every((i) => i.kind !== 'direct_lease')).toBe(true);
      const none = await ok<{ items: unknown[]; total: number }>(await call(outsider, 'GET', '/api/leases'));
      expect(none).toMatchObject({ items: [], total: 0 });
      const ofDwelling = await ok<{ items: { id: string }[] }>(
        await call(landlord, 'GET', `/api/dwellings/${sublease.dwelling.id}/leases`),
      );
      expect(ofDwelling.items.map((i) => i.id)).toEqual([sublease.id]);
      expect(
        (
          await ok<{ items: unknown[] }>(
            await call(outsider, 'GET', `/api/dwellings/${sublease.dwelling.id}/leases`),
          )
        ).items,
      ).toEqual([]);
    });

    it('answers an outsider the 404 of an unknown contract, a reader who may not act a 403', async () => {
      for (const s of [outsider, otherLandlord]) {
        const res = await call(s, 'GET', `/api/leases/${sublease.id}`);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.message).toBe('Contrat d’occupation introuvable.');
      }
      expect((await call(asso, 'GET', `/api/leases/${direct.id}`)).statusCode).toBe(404);
      const otherAsso = await call(outsider, 'POST', `/api/leases/${sublease.id}/activate`, {
        rowVersion: sublease.rowVersion,
        on: sublease.startOn,
      });
      expect(otherAsso.statusCode).toBe(404);
      // The household's caseworker reads the landlord's direct lease of its household, and may not manage it.
      const ofHousehold = await created('direct_lease');
      expect((await ok(await call(asso, 'GET', `/api/leases/${ofHousehold.id}`))).canManage).toBe(false);
      const refused = await call(asso, 'POST', `/api/leases/${ofHousehold.id}/activate`, {
        rowVersion: ofHousehold.rowVersion,
        on: ofHousehold.startOn,
      });
      expect(refused.statusCode).toBe(403);
      // Nor may an association create a contract on a landlord's dwelling naming another lessor.
      const wrongLessor = await call(asso, 'POST', '/api/leases', {
        ...body('sublease', await dwelling()),
        lessorOrganisationId: null,
        lessorName: 'Un autre',
      });
      expect(wrongLessor.json().error.fields.lessorOrganisationId).toBe(
        'Le bailleur du contrat est celui du logement.',
      );
    });

    it('lists the household’s contracts for its readers, audited', async () => {
      const list = await ok<{ items: { id: string }[] }>(
        await call(asso, 'GET', `/api/households/${householdId}/leases`),
      );
      expect(list.items.map((i) => i.id)).toContain(sublease.id);
      expect((await call(outsider, 'GET', `/api/households/${householdId}/leases`)).statusCode).toBe(404);
      const reads = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.householdId, householdId), eq(auditLog.action, 'lease.list')));
      expect(reads.length).toBeGreaterThan(0);
    });
  });
});
