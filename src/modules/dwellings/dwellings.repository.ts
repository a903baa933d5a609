import { eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { dwellings } from './schema.ts';

export type DwellingValues = Pick<
  typeof dwellings.$inferInsert,
  'address' | 'communeId' | 'landlordOrganisationId' | 'managementUnitId' | 'typology' | 'surfaceM2'
>;

export async function insertDwelling(q: Queryable, values: DwellingValues, at: Date): Promise<string> {
  const [row] = await q
    .insert(dwellings)
    .values({ ...values, createdAt: at, updatedAt: at })
    .returning({ id: dwellings.id });
  return row!.id;
}

export async function updateDwelling(
  q: Queryable,
  dwellingId: string,
  values: DwellingValues,
  at: Date,
): Promise<void> {
  await q
    .update(dwellings)
    .set({ ...values, updatedAt: at })
    .where(eq(dwellings.id, dwellingId));
}
