import { eq } from 'drizzle-orm';
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
