import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { organisations } from './schema.ts';

/** An organisation's name, for sentences (decisions, timelines); null when unknown. */
export async function organisationName(q: Queryable, organisationId: string): Promise<string | null> {
  const [row] = await q
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.name ?? null;
}

/** The names of organisations by id (those unknown left out). */
export async function organisationNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
