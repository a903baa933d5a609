import { and, asc, desc, eq, gte, isNull, ne, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { ImportKind } from '../../shared/dwellings/import-lines.ts';
import { normalise } from '../../shared/dwellings/import-values.ts';
import { dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { territories } from '../organisations/schema.ts';
import { stockImportLines, stockImportMappings, stockImportRuns } from './schema.ts';

export type RunRow = typeof stockImportRuns.$inferSelect;
type RunSummary = Omit<RunRow, 'cells' | 'lineNumbers'> & { createdByName: string | null };

const runSummaryColumns = {
  id: stockImportRuns.id,
  landlordOrganisationId: stockImportRuns.landlordOrganisationId,
  kind: stockImportRuns.kind,
  fileName: stockImportRuns.fileName,
  columns: stockImportRuns.columns,
  mapping: stockImportRuns.mapping,
  state: stockImportRuns.state,
  totalLines: stockImportRuns.totalLines,
  checkedLines: stockImportRuns.checkedLines,
  rejectedLines: stockImportRuns.rejectedLines,
  counts: stockImportRuns.counts,
  createdByUserId: stockImportRuns.createdByUserId,
  createdAt: stockImportRuns.createdAt,
  appliedAt: stockImportRuns.appliedAt,
  createdByName: users.fullName,
};

export async function insertRun(q: Queryable, values: typeof stockImportRuns.$inferInsert): Promise<string> {
  const [row] = await q.insert(stockImportRuns).values(values).returning({ id: stockImportRuns.id });
  return row!.id;
}

/** A run without its cells; locked for the rest of the transaction when `forUpdate`. */
export async function findRun(q: Queryable, runId: string, forUpdate = false): Promise<RunSummary | null> {
  const query = q
    .select(runSummaryColumns)
    .from(stockImportRuns)
    .leftJoin(users, eq(users.id, stockImportRuns.createdByUserId))
    .where(eq(stockImportRuns.id, runId));
  const [row] = forUpdate ? await query.for('update', { of: stockImportRuns }) : await query;
  return row ?? null;
}

export const landlordRuns = (q: Queryable, landlordId: string) =>
  q
    .select(runSummaryColumns)
    .from(stockImportRuns)
    .leftJoin(users, eq(users.id, stockImportRuns.createdByUserId))
    .where(eq(stockImportRuns.landlordOrganisationId, landlordId))
    .orderBy(desc(stockImportRuns.createdAt))
    .limit(50);

export async function updateRun(
  q: Queryable,
  runId: string,
  values: Partial<typeof stockImportRuns.$inferInsert>,
) {
  await q.update(stockImportRuns).set(values).where(eq(stockImportRuns.id, runId));
}

/** The cells of lines [from, from + n) with their line numbers, read from the run's row. */
export async function runCells(q: Queryable, runId: string, from: number, n: number) {
  const to = from + n - 1;
  const [row] = await q
    .select({
      cells: sql<
        string[][] | null
      >`jsonb_path_query_array(${stockImportRuns.cells}, ${`$[${from} to ${to}]`}::jsonpath)`,
      lineNumbers: sql<number[] | null>`${stockImportRuns.lineNumbers}[${from + 1}:${to + 1}]`,
    })
    .from(stockImportRuns)
    .where(eq(stockImportRuns.id, runId));
  return { cells: row?.cells ?? [], lineNumbers: row?.lineNumbers ?? [] };
}

export async function savedMapping(q: Queryable, landlordId: string, kind: ImportKind) {
  const [row] = await q
    .select({ mapping: stockImportMappings.mapping })
    .from(stockImportMappings)
    .where(
      and(eq(stockImportMappings.landlordOrganisationId, landlordId), eq(stockImportMappings.kind, kind)),
    );
  return row?.mapping ?? null;
}

export async function saveMapping(
  q: Queryable,
  landlordId: string,
  kind: ImportKind,
  mapping: Record<string, string>,
  at: Date,
) {
  await q
    .insert(stockImportMappings)
    .values({ landlordOrganisationId: landlordId, kind, mapping, updatedAt: at })
    .onConflictDoUpdate({
      target: [stockImportMappings.landlordOrganisationId, stockImportMappings.kind],
      set: { mapping, updatedAt: at },
    });
}

/** A line as the dry run read it: its values, or the reasons it is refused (`values` null). */
export type LineReading = Omit<typeof stockImportLines.$inferInsert, 'runId'>;

/** The chunk's readings in one statement: the lines travel as one JSON parameter, not a value per cell. */
export async function insertLines(q: Queryable, runId: string, lines: LineReading[]) {
  if (lines.length === 0) return;
  await q.execute(sql`
    insert into ${stockImportLines} (run_id, line, reference, tenant_reference, "values", reasons)
    select ${runId}::uuid, x.line, x.reference, x."tenantReference", x."values", x.reasons
    from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
      as x(line integer, reference text, "tenantReference" text, "values" jsonb, reasons text[])`);
}

/**
 * `column` is one of `values`, sent as one JSON parameter: a chunk's thousands of references bind one
 * value instead of one each (binding them cost more than the query).
 */
const inList = (column: SQLWrapper, values: readonly string[], type: 'text' | 'uuid' = 'text') =>
  sql`${column} in (select value::${sql.raw(type)} from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

export const deleteLines = (q: Queryable, runId: string) =>
  q.delete(stockImportLines).where(eq(stockImportLines.runId, runId));

/** The references of this run's lines already read, among these (a duplicate across chunks). */
export async function referencesSeen(
  q: Queryable,
  runId: string,
  column: 'reference' | 'tenantReference',
  values: string[],
): Promise<Map<string, number>> {
  if (values.length === 0) return new Map();
  const col = stockImportLines[column];
  const rows = await q
    .select({ value: col, line: stockImportLines.line })
    .from(stockImportLines)
    .where(and(eq(stockImportLines.runId, runId), inList(col, values)))
    .orderBy(asc(stockImportLines.line));
  const seen = new Map<string, number>();
  for (const r of rows) if (r.value !== null && !seen.has(r.value)) seen.set(r.value, r.line);
  return seen;
}

export const rejectedLines = (q: Queryable, runId: string, limit: number) =>
  q
    .select({ line: stockImportLines.line, reasons: stockImportLines.reasons })
    .from(stockImportLines)
    .where(and(eq(stockImportLines.runId, runId), isNull(stockImportLines.values)))
    .orderBy(asc(stockImportLines.line))
    .limit(limit);

const ACCENTED = "àâäáãéèêëíîïìóôöòõúûüùçÿñ’'";
const PLAIN = 'aaaaaeeeeiiiiooooouuuucyn  ';

/**
 * The communes a file may name, by INSEE code, postcode or name (accents and case aside): each given
 * text → the communes it may mean (more than one: ambiguous).
 */
export async function communesByText(q: Queryable, texts: string[]): Promise<Map<string, string[]>> {
  const wanted = [...new Set(texts)];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({
      id: territories.id,
      code: territories.code,
      postcode: territories.postcode,
      name: territories.name,
    })
    .from(territories)
    .where(
      and(
        eq(territories.kind, 'commune'),
        or(
          inList(territories.code, wanted),
          inList(territories.postcode, wanted),
          // A name with or without its accents (the same folding as `normalise`, for French names).
          inList(sql`translate(lower(${territories.name}), ${ACCENTED}, ${PLAIN})`, wanted.map(normalise)),
        ),
      ),
    );
  const found = new Map<string, string[]>();
  for (const text of wanted) {
    const key = normalise(text);
    const byCode = rows.filter((r) => r.code === text);
    const matches =
      byCode.length > 0 ? byCode : rows.filter((r) => r.postcode === text || normalise(r.name) === key);
    found.set(text, [...new Set(matches.map((r) => r.id))]);
  }
  return found;
}

/** The landlord's dwellings with these references: reference → id. */
export async function dwellingsByReference(q: Queryable, landlordId: string, references: string[]) {
  if (references.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: dwellings.id, reference: dwellings.externalReference })
    .from(dwellings)
    .where(
      and(eq(dwellings.landlordOrganisationId, landlordId), inList(dwellings.externalReference, references)),
    );
  return new Map(rows.map((r) => [r.reference!, r.id]));
}

/**
 * The contracts in force on `day` of these dwellings, or of these tenants of the landlord: an imported
 * tenant may be the one in force on its dwelling, nobody else may.
 */
export async function contractsInForce(
  q: Queryable,
  landlordId: string,
  dwellingIds: string[],
  tenantReferences: string[],
  day: string,
) {
  if (dwellingIds.length === 0 && tenantReferences.length === 0) return [];
  return q
    .select({
      id: occupancyContracts.id,
      dwellingId: occupancyContracts.dwellingId,
      tenantReference: occupancyContracts.tenantReference,
      lessorOrganisationId: occupancyContracts.lessorOrganisationId,
    })
    .from(occupancyContracts)
    .where(
      and(
        ne(occupancyContracts.status, 'ended'),
        or(isNull(occupancyContracts.endOn), gte(occupancyContracts.endOn, day)),
        or(
          dwellingIds.length > 0 ? inList(occupancyContracts.dwellingId, dwellingIds, 'uuid') : undefined,
          tenantReferences.length > 0
            ? and(
                eq(occupancyContracts.lessorOrganisationId, landlordId),
                inList(occupancyContracts.tenantReference, tenantReferences),
              )
            : undefined,
        ),
      ),
    );
}

/** The landlord's latest contract of each of these tenants (its reference in the landlord's software). */
export async function latestTenantContracts(q: Queryable, landlordId: string, tenantReferences: string[]) {
  if (tenantReferences.length === 0) return new Map<string, string>();
  const rows = await q
    .selectDistinctOn([occupancyContracts.tenantReference], {
      id: occupancyContracts.id,
      tenantReference: occupancyContracts.tenantReference,
    })
    .from(occupancyContracts)
    .where(
      and(
        eq(occupancyContracts.lessorOrganisationId, landlordId),
        inList(occupancyContracts.tenantReference, tenantReferences),
      ),
    )
    .orderBy(occupancyContracts.tenantReference, desc(occupancyContracts.startOn));
  return new Map(rows.map((r) => [r.tenantReference!, r.id]));
}
