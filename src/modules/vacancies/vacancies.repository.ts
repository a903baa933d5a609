import { and, desc, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { dwellings } from '../dwellings/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { vacancies } from './schema.ts';

export type VacancyRow = typeof vacancies.$inferSelect;

/** Locks the dwelling's row: two publications of one dwelling wait for each other. */
export async function lockDwelling(q: Queryable, dwellingId: string): Promise<boolean> {
  const rows = await q
    .select({ id: dwellings.id })
    .from(dwellings)
    .where(eq(dwellings.id, dwellingId))
    .for('update');
  return rows.length > 0;
}

export async function openVacancyOf(q: Queryable, dwellingId: string) {
  const [row] = await q
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.dwellingId, dwellingId), eq(vacancies.status, 'open')));
  return row ?? null;
}

export async function insertVacancy(q: Queryable, values: typeof vacancies.$inferInsert): Promise<string> {
  const [row] = await q.insert(vacancies).values(values).returning({ id: vacancies.id });
  return row!.id;
}

export async function findVacancy(q: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const query = q.select().from(vacancies).where(eq(vacancies.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function endVacancyRow(
  q: Queryable,
  id: string,
  values: Pick<VacancyRow, 'status' | 'endedAt' | 'endedByUserId' | 'endReason'>,
): Promise<void> {
  await q.update(vacancies).set(values).where(eq(vacancies.id, id));
}

const listed = (q: Queryable, where: SQL | undefined) =>
  q
    .select({
      vacancy: vacancies,
      landlordName: organisations.name,
      dwelling: {
        id: dwellings.id,
        address: dwellings.address,
        commune: territories.name,
        typology: dwellings.typology,
        surfaceM2: dwellings.surfaceM2,
        floor: dwellings.floor,
        lift: dwellings.lift,
        accessibility: dwellings.accessibility,
        financing: dwellings.financing,
      },
    })
    .from(vacancies)
    .innerJoin(dwellings, eq(dwellings.id, vacancies.dwellingId))
    .innerJoin(organisations, eq(organisations.id, vacancies.landlordOrganisationId))
    .leftJoin(territories, eq(territories.id, dwellings.communeId))
    .where(where);
export type ListedVacancy = Awaited<ReturnType<typeof listed>>[number];

export const vacanciesByIds = (q: Queryable, ids: string[]) => listed(q, inArray(vacancies.id, ids));

/** A landlord's vacancies, the latest published first. */
export const landlordVacancies = (q: Queryable, landlordId: string) =>
  listed(q, eq(vacancies.landlordOrganisationId, landlordId)).orderBy(desc(vacancies.publishedAt)).limit(200);

/** The open vacancies broadcast in a département, the nearest answer deadline first. */
export const openVacanciesIn = (q: Queryable, departementId: string) =>
  listed(q, and(eq(vacancies.departementId, departementId), eq(vacancies.status, 'open')))
    .orderBy(asc(vacancies.answerBy), asc(vacancies.publishedAt))
    .limit(200);

/** A vacancy with its landlord's name, its dwelling and the dwelling's commune (the CAL file reads them). */
export async function vacancyWithDwelling(q: Queryable, id: string) {
  const [row] = await q
    .select({
      vacancy: vacancies,
      landlordName: organisations.name,
      dwelling: dwellings,
      commune: territories.name,
      postcode: territories.postcode,
    })
    .from(vacancies)
    .innerJoin(dwellings, eq(dwellings.id, vacancies.dwellingId))
    .innerJoin(organisations, eq(organisations.id, vacancies.landlordOrganisationId))
    .leftJoin(territories, eq(territories.id, dwellings.communeId))
    .where(eq(vacancies.id, id));
  return row ?? null;
}

/** Of these organisations, the SIAO and associations. */
export async function poolHolderTypes(q: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return q
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        inArray(organisations.id, ids),
        inArray(organisations.type, ['association', 'siao']),
        eq(organisations.active, true),
      ),
    );
}
