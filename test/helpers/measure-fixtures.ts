import { eq } from 'drizzle-orm';
import type { DB } from '../../src/kernel/db.ts';
import { organisations, territories } from '../../src/modules/organisations/schema.ts';
import type { TestApp } from './app.ts';
import type { TestSession } from './factories.ts';

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
