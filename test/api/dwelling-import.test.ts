import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { STOCK_HEADER, apply, dryRun, makeMetzTerritory, upload } from '../helpers/stock-fixtures.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { dwellingRents, dwellings } from '../../src/modules/dwellings/schema.ts';
import { occupancyContracts } from '../../src/modules/leases/schema.ts';
import { arrearsBalances } from '../../src/modules/stock-imports/schema.ts';
import { arrearsHistory } from '../../src/modules/stock-imports/index.ts';
import { CHECK_CHUNK } from '../../src/modules/stock-imports/use-cases/check-import.ts';
import type {
  TDwelling,
  TDwellingSummary,
  TFlaggedTenants,
  TImportRun,
} from '../../src/shared/contracts/dwellings.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
// 23:55 in Paris on 31 March 2026: the re-import, ten minutes later, is on 1 April.
const NOW = new Date('2026-03-31T21:55:00Z');

const csv = (...lines: string[]) => [STOCK_HEADER, ...lines].join('\r\n') + '\r\n';
const GOOD = [
  'MET-1;3 rue Haute;57463;T3;64,5;2;oui;PLUS;1 234,56;80;LOC-1;Mme Durand;15/02/2022;01/03/2022',
  'MET-2;5 rue Basse;Woippy;T2;48;RDC;non;PLAI;380,00;60,5;LOC-2;M. Martin;01/06/2023;01/06/2023',
  'MET-3;7 avenue Foch;57950;T4;80;4;oui;PLS;520;95;;;;',
];

describe('dwelling import', () => {
  let t: TestApp;
  let manager: TestSession;
  let otherLandlord: TestSession;
  let association: TestSession;
  let landlordId: string;

  async function ok<T>(res: Res): Promise<T> {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  const rowCounts = async () => ({
    dwellings: (await t.deps.db.select({ n: count() }).from(dwellings))[0]!.n,
    rents: (await t.deps.db.select({ n: count() }).from(dwellingRents))[0]!.n,
    contracts: (await t.deps.db.select({ n: count() }).from(occupancyContracts))[0]!.n,
    balances: (await t.deps.db.select({ n: count() }).from(arrearsBalances))[0]!.n,
  });

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    await makeMetzTerritory(t.deps.db);
    const landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_rental_manager']);
    landlordId = landlord.org.id;
    manager = landlord.members.landlord_rental_manager!.session;
    otherLandlord = (await makeOrgWithUsers(t.deps, 'landlord', ['admin'])).members.admin!.session;
    association = (await makeOrgWithUsers(t.deps, 'association', ['admin'])).members.admin!.session;
  });
  afterAll(() => t.close());

  it('refuses a CSV that is not UTF-8, and reads it as Windows-1252 when told so', async () => {
    const latin1 = Buffer.from(csv('MET-9;3 rue Émile Zola;57463;T3;50;1;oui;PLUS;400;50;;;;'), 'latin1');
    const refused = await upload(t, manager, { name: 'parc.csv', content: latin1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/pas encodé en UTF-8/);
    expect(refused.json().error.fields).toEqual({ encoding: 'Ce fichier n’est pas encodé en UTF-8.' });
    const run = await dryRun(t, manager, { name: 'parc.csv', content: latin1 }, { encoding: 'windows-1252' });
    expect(run.state).toBe('checked');
    // A UTF-8 file with a byte order mark reads as UTF-8, its first header intact.
    const bom = await ok<TImportRun>(
      await upload(t, manager, {
        name: 'parc.csv',
        content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(GOOD[0]!))]),
      }),
    );
    expect(bom.columns[0]).toBe('Réf logement');
  });

  it('names the required fields a mapping leaves out', async () => {
    const uploaded = await ok<TImportRun>(
      await upload(t, manager, { name: 'parc.csv', content: csv(...GOOD) }),
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/stock-imports/${uploaded.id}/mapping`,
      headers: manager.headers,
      payload: { mapping: { reference: 'Réf logement', address: 'Colonne absente' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'mapping.address': 'Le fichier n’a pas de colonne « Colonne absente ».',
      'mapping.commune': 'Choisissez la colonne qui donne « Commune (code INSEE, code postal ou nom) ».',
    });
  });

  it('lists every rejected line with its number and reason, and applies nothing', async () => {
    const before = await rowCounts();
    const run = await dryRun(t, manager, {
      name: 'parc.csv',
      content: csv(
        ...GOOD,
        'MET-1;9 rue Haute;57463;T2;40;1;oui;PLUS;400;50;;;;',
        'MET-4;1 place Stan;Nancy;T3;50;1;oui;PLUS;400;50;;;;',
        'MET-5;2 rue Neuve;57463;T9x;50;1;oui;PLUS;quatre cents;50;;;;',
        'MET-6;4 rue Neuve;57463;T2;50;1;oui;PLUS;400;50;LOC-6;Mme Petit;;31/02/2024',
      ),
    });
    expect(run.state).toBe('rejected');
    expect(run.rejectedLines).toBe(4);
    expect(run.rejections).toEqual([
      { line: 5, reasons: ['Référence du logement « MET-1 » en double : déjà à la ligne 2.'] },
      {
        line: 6,
        reasons: ['Commune inconnue : « Nancy » (donnez son code INSEE, son code postal ou son nom).'],
      },
      {
        line: 7,
        reasons: [
          'Typologie : « T9x » n’est pas une typologie (T1 à T6).',
          'Loyer : « quatre cents » n’est pas un montant (ex. 1 234,56).',
        ],
      },
      { line: 8, reasons: ['Début du bail : « 31/02/2024 » n’est pas une date (JJ/MM/AAAA).'] },
    ]);
    const refused = await apply(t, manager, run.id);
    expect(refused.statusCode).toBe(409);
    expect(await rowCounts()).toEqual(before);
  });

  let firstRun: TImportRun;
  it('imports the stock with its tenants as direct leases, and keeps the report', async () => {
    const run = await dryRun(t, manager, { name: 'parc-mars.csv', content: csv(...GOOD) });
    expect(run.state).toBe('checked');
    firstRun = await ok<TImportRun>(await apply(t, manager, run.id));
    expect(firstRun).toMatchObject({
      state: 'applied',
      counts: { dwellingsCreated: 3, dwellingsUpdated: 0, tenantsCreated: 2, tenantsUpdated: 0, balances: 0 },
    });
    const list = await ok<{ items: TDwellingSummary[] }>(
      await t.app.inject({ method: 'GET', url: '/api/dwellings', headers: manager.headers }),
    );
    expect(list.items.map((d) => [d.reference, d.communeName, d.status, d.rent?.monthlyRentCents])).toEqual([
      ['MET-1', 'Metz', 'let', 123_456],
      ['MET-2', 'Woippy', 'let', 38_000],
      ['MET-3', 'Montigny-lès-Metz', 'vacant', 52_000],
    ]);
    const contracts = await t.deps.db.select().from(occupancyContracts);
    expect(
      contracts.map((c) => [
        c.tenantReference,
        c.kind,
        c.status,
        c.startOn,
        c.signedOn,
        c.lessorOrganisationId,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['LOC-1', 'direct_lease', 'active', '2022-03-01', '2022-02-15', landlordId],
        ['LOC-2', 'direct_lease', 'active', '2023-06-01', '2023-06-01', landlordId],
      ]),
    );
    expect(contracts.every((c) => c.householdId === null)).toBe(true);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(entry).toBeDefined();
    const reports = await ok<{ items: { fileName: string; state: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/stock-imports', headers: manager.headers }),
    );
    expect(reports.items.find((r) => r.fileName === 'parc-mars.csv')).toMatchObject({ state: 'applied' });
  });

  it('updates on re-import instead of duplicating, and keeps the saved mapping', async () => {
    t.advance(10 * 60_000);
    const again = await ok<TImportRun>(
      await upload(t, manager, { name: 'parc-avril.csv', content: csv(...GOOD) }),
    );
    expect(again.mappingSaved).toBe(true);
    const before = await rowCounts();
    const run = await dryRun(t, manager, {
      name: 'parc-avril.csv',
      content: csv(
        'MET-1;3 rue Haute;57463;T3;64,5;2;oui;PLUS;1 250;80;LOC-1;Mme Durand-Roux;15/02/2022;01/03/2022',
        GOOD[1]!,
        GOOD[2]!,
      ),
    });
    const applied = await ok<TImportRun>(await apply(t, manager, run.id));
    expect(applied.counts).toEqual({
      dwellingsCreated: 0,
      dwellingsUpdated: 3,
      tenantsCreated: 0,
      tenantsUpdated: 2,
      balances: 0,
    });
    // One more rent (MET-1's new one, from today, the day after the first import), nothing else added.
    expect(await rowCounts()).toEqual({ ...before, rents: before.rents + 1 });
    const [met1] = await t.deps.db.select().from(dwellings).where(eq(dwellings.externalReference, 'MET-1'));
    const page = await ok<TDwelling>(
      await t.app.inject({ method: 'GET', url: `/api/dwellings/${met1!.id}`, headers: manager.headers }),
    );
    expect(page.rents.map((r) => [r.effectiveFrom, r.monthlyRentCents])).toEqual([
      ['2026-04-01', 125_000],
      ['2026-03-31', 123_456],
    ]);
    const [lease] = await t.deps.db
      .select()
      .from(occupancyContracts)
      .where(eq(occupancyContracts.tenantReference, 'LOC-1'));
    expect(lease!.tenantName).toBe('Mme Durand-Roux');
  });

  it('refuses a tenant on a dwelling whose contract in force is someone else’s', async () => {
    const run = await dryRun(t, manager, {
      name: 'parc.csv',
      content: csv(
        'MET-2;5 rue Basse;Woippy;T2;48;RDC;non;PLAI;380,00;60,5;LOC-99;Mme Nouvelle;01/03/2026;01/03/2026',
      ),
    });
    expect(run.rejections).toEqual([
      {
        line: 2,
        reasons: [
          'Ce logement a déjà un contrat en cours avec un autre occupant : un logement n’a qu’un contrat en cours à la fois.',
        ],
      },
    ]);
  });

  it('checks again at the import that no other contract came into force since the dry run', async () => {
    const run = await dryRun(t, manager, {
      name: 'parc.csv',
      content: csv('MET-3;7 avenue Foch;57950;T4;80;4;oui;PLS;520;95;LOC-3;Mme Weber;01/03/2026;01/03/2026'),
    });
    expect(run.state).toBe('checked');
    // Meanwhile the dwelling is sublet through an association.
    const [met3] = await t.deps.db.select().from(dwellings).where(eq(dwellings.externalReference, 'MET-3'));
    await t.deps.db.insert(occupancyContracts).values({
      dwellingId: met3!.id,
      kind: 'sublease',
      lessorOrganisationId: landlordId,
      lessorKind: 'legal_person',
      status: 'active',
      startOn: '2026-03-15',
    });
    const before = await rowCounts();
    const refused = await apply(t, manager, run.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/« MET-3 » a maintenant un contrat en cours/);
    expect(await rowCounts()).toEqual(before);
  });

  it('reads an XLSX export: real dates, serial days and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Parc');
    sheet.addRow(STOCK_HEADER.split(';'));
    sheet.addRow([
      'MET-10',
      '1 rue Serpenoise',
      57463,
      'T1',
      25.5,
      1,
      'Oui',
      'PLAI',
      310.2,
      40,
      'LOC-10',
      'M. Haas',
      new Date(Date.UTC(2024, 0, 15)),
      45306,
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const run = await dryRun(t, manager, {
      name: 'parc.xlsx',
      content,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(run.state).toBe('checked');
    await ok(await apply(t, manager, run.id));
    const [lease] = await t.deps.db
      .select()
      .from(occupancyContracts)
      .where(eq(occupancyContracts.tenantReference, 'LOC-10'));
    // 45306 is Excel's 15 January 2024.
    expect([lease!.signedOn, lease!.startOn]).toEqual(['2024-01-15', '2024-01-15']);
    const [d] = await t.deps.db.select().from(dwellings).where(eq(dwellings.externalReference, 'MET-10'));
    expect([d!.surfaceM2, d!.typology]).toEqual([25.5, 't1']);
  });

  it('imports the month’s arrears and lists the tenants crossing the threshold', async () => {
    const arrears = [
      'Réf locataire;Solde;Date solde;Mois impayés',
      // LOC-1's rent in force on 31 March is 1 234,56 + 80 (the new one is from 1 April): 2 700 € is over two months.
      'LOC-1;2 700,00;31/03/2026;2',
      'LOC-2;100;31/03/2026;0,2',
      'LOC-404;50;31/03/2026;',
    ].join('\n');
    const rejected = await dryRun(t, manager, { name: 'impayes.csv', content: arrears }, { kind: 'arrears' });
    expect(rejected.rejections).toEqual([
      {
        line: 4,
        reasons: ['Locataire inconnu : « LOC-404 » (importez d’abord vos logements avec leurs locataires).'],
      },
    ]);
    const run = await dryRun(
      t,
      manager,
      { name: 'impayes.csv', content: arrears.split('\n').slice(0, 3).join('\n') },
      { kind: 'arrears' },
    );
    expect((await ok<TImportRun>(await apply(t, manager, run.id))).counts?.balances).toBe(2);
    const flagged = await ok<TFlaggedTenants>(
      await t.app.inject({
        method: 'GET',
        url: '/api/stock-imports/arrears/flagged',
        headers: manager.headers,
      }),
    );
    expect(flagged.threshold).toEqual({ months: 2, amountCents: null });
    expect(flagged.items.map((f) => [f.tenantReference, f.balanceCents, f.monthlyDueCents])).toEqual([
      ['LOC-1', 270_000, 131_456],
    ]);
    await ok(
      await t.app.inject({
        method: 'PUT',
        url: '/api/stock-imports/arrears/threshold',
        headers: manager.headers,
        payload: { months: 2, amountCents: 5_000 },
      }),
    );
    const byAmount = await ok<TFlaggedTenants>(
      await t.app.inject({
        method: 'GET',
        url: '/api/stock-imports/arrears/flagged',
        headers: manager.headers,
      }),
    );
    expect(byAmount.items.map((f) => f.tenantReference)).toEqual(['LOC-1', 'LOC-2']);
    const [lease] = await t.deps.db
      .select()
      .from(occupancyContracts)
      .where(eq(occupancyContracts.tenantReference, 'LOC-1'));
    expect(await arrearsHistory(t.deps.db, lease!.id, '2026-12-31')).toEqual([
      { asOf: '2026-03-31', balanceCents: 270_000, months: 2 },
    ]);
  });

  it('keeps each landlord’s imports its own', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/stock-imports/${firstRun.id}`,
          headers: otherLandlord.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect((await apply(t, otherLandlord, firstRun.id)).statusCode).toBe(404);
    expect((await upload(t, association, { name: 'parc.csv', content: csv(...GOOD) })).statusCode).toBe(403);
    // The other landlord's own import of the same references creates its own dwellings.
    const run = await dryRun(t, otherLandlord, { name: 'parc.csv', content: csv(GOOD[2]!) });
    const applied = await ok<TImportRun>(await apply(t, otherLandlord, run.id));
    expect(applied.counts?.dwellingsCreated).toBe(1);
  });

  it('replaces the day’s rent on a second import the same day, and an empty cell keeps what is stored', async () => {
    const before = await rowCounts();
    const run = await dryRun(t, manager, {
      name: 'parc-avril-bis.csv',
      content: csv(
        'MET-1;3 rue Haute;57463;;64,5;2;oui;PLUS;1 300;80;LOC-1;Mme Durand-Roux;15/02/2022;01/03/2022',
        // No tenant and no status given: the dwelling keeps its status (let) and its lease.
        'MET-2;5 rue Basse;Woippy;T2;48;RDC;non;PLAI;380,00;60,5;;;;',
      ),
    });
    const applied = await ok<TImportRun>(await apply(t, manager, run.id));
    expect(applied.counts).toMatchObject({ dwellingsUpdated: 2, tenantsUpdated: 1, tenantsCreated: 0 });
    expect(await rowCounts()).toEqual(before);
    const rows = await t.deps.db
      .select()
      .from(dwellings)
      .where(eq(dwellings.landlordOrganisationId, landlordId));
    const byReference = new Map(rows.map((d) => [d.externalReference, d]));
    expect([byReference.get('MET-1')!.typology, byReference.get('MET-2')!.status]).toEqual(['t3', 'let']);
    const page = await ok<TDwelling>(
      await t.app.inject({
        method: 'GET',
        url: `/api/dwellings/${byReference.get('MET-1')!.id}`,
        headers: manager.headers,
      }),
    );
    expect(page.rents.map((r) => [r.effectiveFrom, r.monthlyRentCents])).toEqual([
      ['2026-04-01', 130_000],
      ['2026-03-31', 123_456],
    ]);
  });

  it('refuses a reference repeated in a later chunk of the dry run', async () => {
    const lines = Array.from(
      { length: CHECK_CHUNK + 1 },
      (_, i) =>
        `BIG-${i + 1};${i + 1} rue Longue;57463;T2;40;1;non;PLUS;400;50;${i === 0 ? 'LOC-B1;M. Klein;01/01/2024;01/01/2024' : ';;;'}`,
    );
    // The first line again, after the first chunk (the header is line 1, so this is line CHECK_CHUNK + 3).
    lines.push('BIG-1;1 rue Longue;57463;T2;40;1;non;PLUS;400;50;LOC-B1;M. Klein;01/01/2024;01/01/2024');
    const before = await rowCounts();
    const run = await dryRun(t, manager, { name: 'parc-complet.csv', content: csv(...lines) });
    expect([run.state, run.checkedLines, run.rejectedLines]).toEqual(['rejected', CHECK_CHUNK + 2, 1]);
    expect(run.rejections).toEqual([
      {
        line: CHECK_CHUNK + 3,
        reasons: [
          'Référence du logement « BIG-1 » en double : déjà à la ligne 2.',
          'Référence du locataire « LOC-B1 » en double : déjà à la ligne 2.',
        ],
      },
    ]);
    expect((await apply(t, manager, run.id)).statusCode).toBe(409);
    expect(await rowCounts()).toEqual(before);
  });
});
