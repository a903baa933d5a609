import type { Queryable } from '../../kernel/db.ts';
import type { TImportRun } from '../../shared/contracts/dwellings.ts';
import { suggestMapping } from '../../shared/dwellings/import-lines.ts';
import { findRun, rejectedLines, savedMapping } from './stock-imports.repository.ts';

type Run = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** The first rejected lines shown (the count says how many there are in all). */
export const REJECTIONS_SHOWN = 500;

/** A run as its page shows it: its mapping (else the saved one, else a suggestion) and its refusals. */
export async function presentRun(q: Queryable, run: Run): Promise<TImportRun> {
  const saved = run.mapping ? null : await savedMapping(q, run.landlordOrganisationId, run.kind);
  const mapping =
    run.mapping ??
    (saved ? Object.fromEntries(Object.entries(saved).filter(([, c]) => run.columns.includes(c))) : null) ??
    suggestMapping(run.kind, run.columns);
  return {
    ...presentRunSummary(run),
    columns: run.columns,
    mapping,
    mappingSaved: run.mapping !== null || saved !== null,
    rejections: run.rejectedLines > 0 ? await rejectedLines(q, run.id, REJECTIONS_SHOWN) : [],
  };
}

export const presentRunSummary = (run: Run) => ({
  id: run.id,
  kind: run.kind,
  fileName: run.fileName,
  state: run.state,
  totalLines: run.totalLines,
  checkedLines: run.checkedLines,
  rejectedLines: run.rejectedLines,
  counts: run.counts,
  createdAt: run.createdAt.toISOString(),
  createdByName: run.createdByName,
  appliedAt: run.appliedAt?.toISOString() ?? null,
});
