import { eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { organisations, territories } from './schema.ts';

/** The département a territory lies in (itself if it is one), walking up its parents. */
export async function departementOf(
  q: Queryable,
  territoryId: string | null,
): Promise<{ id: string; name: string; code: string } | null> {
  let current = territoryId;
  for (let depth = 0; current && depth < 5; depth++) {
    const [row] = await q
      .select({
        id: territories.id,
        kind: territories.kind,
        name: territories.name,
        code: territories.code,
        parentId: territories.parentId,
      })
      .from(territories)
      .where(eq(territories.id, current));
    if (!row) return null;
    if (row.kind === 'departement') return { id: row.id, name: row.name, code: row.code };
    current = row.parentId;
  }
  return null;
}

export async function organisationDepartement(q: Queryable, organisationId: string) {
  const [org] = await q
    .select({ territoryId: organisations.territoryId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return departementOf(q, org?.territoryId ?? null);
}
