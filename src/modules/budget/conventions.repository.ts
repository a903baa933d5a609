import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../kernel/db.ts';
import { ZIsoDate } from '../../shared/contracts/common.ts';
import { ZBudgetConventionValues, type TBudgetConventionValues } from '../../shared/contracts/budget.ts';
import { frenchDate } from '../../shared/calculators/housing-benefit-scales.ts';
import { territories } from '../organisations/schema.ts';
import { budgetConventions } from './schema.ts';

const defaultFile = join(dirname(fileURLToPath(import.meta.url)), 'data', 'default-convention.json');

export interface StoredConvention {
  id: string | null;
  territoryId: string | null;
  territoryName: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  values: TBudgetConventionValues;
}

let defaultConvention: StoredConvention | undefined;

/** The convention shipped with Relais, used where a territory has none; read and validated once. */
export function loadDefaultConvention(): StoredConvention {
  if (!defaultConvention) {
    const parsed = z
      .object({ effectiveFrom: ZIsoDate, values: ZBudgetConventionValues })
      .safeParse(JSON.parse(readFileSync(defaultFile, 'utf8')));
    if (!parsed.success)
      throw new Error(`Convention budgétaire par défaut invalide : ${parsed.error.message}`);
    defaultConvention = {
      id: null,
      territoryId: null,
      territoryName: null,
      effectiveTo: null,
      ...parsed.data,
    };
  }
  return defaultConvention;
}

export async function listConventions(q: Queryable, departementId: string): Promise<StoredConvention[]> {
  const rows = await q
    .select({ row: budgetConventions, territoryName: territories.name })
    .from(budgetConventions)
    .innerJoin(territories, eq(territories.id, budgetConventions.territoryId))
    .where(eq(budgetConventions.territoryId, departementId))
    .orderBy(asc(budgetConventions.effectiveFrom));
  return rows.map(({ row, territoryName }) => ({
    id: row.id,
    territoryId: row.territoryId,
    territoryName,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    values: ZBudgetConventionValues.parse(row.values),
  }));
}

/**
 * The convention in force on a day: the département's latest one started on or before it, unless
 * its explicit end has passed; the default convention otherwise.
 */
export async function conventionAt(
  q: Queryable,
  departement: { id: string; name: string; code: string } | null,
  day: string,
): Promise<{ convention: StoredConvention; origin: string }> {
  const fallback = {
    convention: loadDefaultConvention(),
    origin: departement
      ? `Convention par défaut (aucune convention en vigueur pour ${departement.name} au ${frenchDate(day)})`
      : 'Convention par défaut (territoire du dossier inconnu)',
  };
  if (!departement) return fallback;
  const started = (await listConventions(q, departement.id)).filter((c) => c.effectiveFrom <= day);
  const latest = started.at(-1);
  if (!latest || (latest.effectiveTo !== null && latest.effectiveTo < day)) return fallback;
  return {
    convention: latest,
    origin: `Convention de ${departement.name} (${departement.code}) en vigueur depuis le ${frenchDate(latest.effectiveFrom)}`,
  };
}

/**
 * Why a new convention cannot join its département's, or null: two conventions overlap when they
 * start on the same day or when one's explicit end reaches past the other's start (an open-ended
 * convention gives way to the next one).
 */
export function conventionOverlap(
  existing: readonly Pick<StoredConvention, 'effectiveFrom' | 'effectiveTo'>[],
  candidate: Pick<StoredConvention, 'effectiveFrom' | 'effectiveTo'>,
): string | null {
  for (const other of existing) {
    const [first, second] =
      other.effectiveFrom <= candidate.effectiveFrom ? [other, candidate] : [candidate, other];
    if (
      first.effectiveFrom === second.effectiveFrom ||
      (first.effectiveTo !== null && first.effectiveTo >= second.effectiveFrom)
    ) {
      const validity = other.effectiveTo
        ? `du ${frenchDate(other.effectiveFrom)} au ${frenchDate(other.effectiveTo)}`
        : `à partir du ${frenchDate(other.effectiveFrom)}`;
      return `La convention en vigueur ${validity} chevauche les dates demandées.`;
    }
  }
  return null;
}

export async function insertConvention(
  q: Queryable,
  input: {
    territoryId: string;
    effectiveFrom: string;
    effectiveTo: string | null;
    values: TBudgetConventionValues;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await q.insert(budgetConventions).values(input).returning({ id: budgetConventions.id });
  return row!.id;
}

/** Serialises additions so that the overlap check sees every committed convention. */
export async function lockConventions(q: Queryable): Promise<void> {
  await q.execute(sql`lock table budget_conventions in share row exclusive mode`);
}
