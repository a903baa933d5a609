import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import {
  ZHousingBenefitScale,
  ZScaleFile,
  buildScaleSet,
  type ScaleSet,
  type THousingBenefitScale,
} from '../../shared/calculators/housing-benefit-scales.ts';
import { housingBenefitScales } from './schema.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data');

export type ScaleOrigin = 'file' | 'admin';
export type StoredScale = THousingBenefitScale & { origin: ScaleOrigin };

let fileScales: StoredScale[] | undefined;

/** The versioned data files, read and validated once per process (a bad file fails at start). */
export function loadFileScales(): StoredScale[] {
  fileScales ??= readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const parsed = ZScaleFile.safeParse(JSON.parse(readFileSync(join(dataDir, name), 'utf8')));
      if (!parsed.success) throw new Error(`Fichier de barème invalide ${name} : ${parsed.error.message}`);
      return parsed.data.scales.map((scale) => ({ ...scale, origin: 'file' as const }));
    });
  return fileScales;
}

export async function listAdminScales(q: Queryable): Promise<StoredScale[]> {
  const rows = await q.select().from(housingBenefitScales).orderBy(asc(housingBenefitScales.effectiveFrom));
  return rows.map((row) => ({
    ...ZHousingBenefitScale.parse({
      family: row.family,
      effectiveFrom: row.effectiveFrom,
      ...(row.effectiveTo ? { effectiveTo: row.effectiveTo } : {}),
      source: row.source,
      values: row.values,
    }),
    origin: 'admin' as const,
  }));
}

export async function insertAdminScale(
  q: Queryable,
  scale: THousingBenefitScale,
  createdBy: string,
): Promise<string> {
  const [row] = await q
    .insert(housingBenefitScales)
    .values({
      family: scale.family,
      effectiveFrom: scale.effectiveFrom,
      effectiveTo: scale.effectiveTo ?? null,
      source: scale.source,
      values: scale.values,
      createdBy,
    })
    .returning({ id: housingBenefitScales.id });
  return row!.id;
}

/** Serialises concurrent additions so that the overlap check sees every committed scale. */
export async function lockAdminScales(q: Queryable): Promise<void> {
  await q.execute(sql`lock table housing_benefit_scales in share row exclusive mode`);
}

export interface Scales {
  scales: StoredScale[];
  set: ScaleSet;
}

/** The merged scales (files + database), read now through `q` (the caller's transaction, if any). */
export async function readScales(q: Queryable): Promise<Scales> {
  const scales = [...loadFileScales(), ...(await listAdminScales(q))];
  return { scales, set: buildScaleSet(scales) };
}

/**
 * The merged scale set kept in memory: estimates never query the database. One store per app;
 * adding a scale invalidates it. Several server processes would each keep their own copy until
 * restarted or until a scale is added through them.
 */
export interface ScaleStore {
  /** The cached scales; on a miss, read through `q`. */
  get(q: Queryable): Promise<Scales>;
  invalidate(): void;
}

export function createScaleStore(): ScaleStore {
  let cached: Promise<Scales> | undefined;
  return {
    get(q) {
      cached ??= readScales(q).catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
