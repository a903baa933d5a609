import { expect } from 'vitest';
import { territories } from '../../src/modules/organisations/schema.ts';
import type { DB } from '../../src/kernel/db.ts';
import type { TImportRun } from '../../src/shared/contracts/dwellings.ts';
import type { TestApp } from './app.ts';
import type { TestSession } from './factories.ts';
import { multipartForm } from './multipart.ts';

/** Metz Métropole and three of its communes (codes INSEE real, the rest fictional). */
export async function makeMetzTerritory(db: DB) {
  const [moselle] = await db
    .insert(territories)
    .values({ kind: 'departement', code: '57', name: 'Moselle' })
    .returning();
  const [epci] = await db
    .insert(territories)
    .values({ kind: 'epci', code: '200039865', name: 'Metz Métropole', parentId: moselle!.id })
    .returning();
  const communes = await db
    .insert(territories)
    .values([
      { kind: 'commune', code: '57463', name: 'Metz', postcode: '57000', parentId: epci!.id },
      { kind: 'commune', code: '57480', name: 'Montigny-lès-Metz', postcode: '57950', parentId: epci!.id },
      { kind: 'commune', code: '57672', name: 'Woippy', postcode: '57140', parentId: epci!.id },
    ])
    .returning();
  const byName = Object.fromEntries(communes.map((c) => [c.name, c.id]));
  return {
    epciId: epci!.id,
    metz: byName['Metz']!,
    montigny: byName['Montigny-lès-Metz']!,
    woippy: byName['Woippy']!,
  };
}

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
async function ok<T>(res: Res): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Sends a file for import as the browser does. */
export function upload(
  t: TestApp,
  s: TestSession,
  file: { name: string; content: Buffer | string; type?: string },
  fields: { kind?: 'stock' | 'arrears'; encoding?: 'utf-8' | 'windows-1252' } = {},
) {
  const form = multipartForm(
    { kind: fields.kind ?? 'stock', encoding: fields.encoding ?? 'utf-8' },
    { name: file.name, type: file.type ?? 'text/csv', content: file.content },
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/stock-imports',
    headers: { ...s.headers, ...form.headers },
    payload: form.payload,
  });
}

/** Upload, mapping (the one proposed unless given), then the dry run to its end, as the web does. */
export async function dryRun(
  t: TestApp,
  s: TestSession,
  file: { name: string; content: Buffer | string; type?: string },
  options: {
    kind?: 'stock' | 'arrears';
    encoding?: 'utf-8' | 'windows-1252';
    mapping?: Record<string, string>;
  } = {},
): Promise<TImportRun> {
  const uploaded = await ok<TImportRun>(await upload(t, s, file, options));
  let run = await ok<TImportRun>(
    await t.app.inject({
      method: 'PUT',
      url: `/api/stock-imports/${uploaded.id}/mapping`,
      headers: s.headers,
      payload: { mapping: options.mapping ?? uploaded.mapping },
    }),
  );
  for (let calls = 0; run.state === 'uploaded' || run.state === 'checking'; calls++) {
    expect(calls).toBeLessThan(100);
    run = await ok<TImportRun>(
      await t.app.inject({ method: 'POST', url: `/api/stock-imports/${run.id}/check`, headers: s.headers }),
    );
  }
  return run;
}

export const apply = (t: TestApp, s: TestSession, runId: string) =>
  t.app.inject({ method: 'POST', url: `/api/stock-imports/${runId}/apply`, headers: s.headers });

/** A stock export as a landlord's software writes it: semicolons, French decimals and dates. */
export const STOCK_HEADER =
  'Réf logement;Adresse;Code INSEE;Typologie;Surface;Etage;Ascenseur;Financement;Loyer;Charges;Réf locataire;Nom locataire;Date signature;Début bail';
