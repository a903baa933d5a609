import type { Context } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TImportRun } from '../../../shared/contracts/dwellings.ts';
import {
  cellsByField,
  readArrearsLine,
  readStockLine,
  type ArrearsLine,
  type StockLine,
} from '../../../shared/dwellings/import-lines.ts';
import { parisDate } from '../../../shared/time.ts';
import { alreadyApplied, requireOwnRun } from '../import-access.ts';
import { presentRun } from '../import.presenter.ts';
import {
  communesByText,
  contractsInForce,
  dwellingsByReference,
  findRun,
  insertLines,
  latestTenantContracts,
  referencesSeen,
  runCells,
  updateRun,
  type LineReading,
} from '../stock-imports.repository.ts';

/** Lines read per call of the dry run: the client calls again until every line is read (its progress bar). */
export const CHECK_CHUNK = 2000;

type Run = NonNullable<Awaited<ReturnType<typeof findRun>>>;
export type StockValues = StockLine & { communeId: string };
export type ArrearsValues = ArrearsLine & { contractId: string };

/**
 * The dry run's next chunk: each line read through the mapping and checked against the file's earlier
 * lines and the database; nothing is imported. The run's row keeps how far it got.
 */
export async function checkImport(ctx: Context, runId: string): Promise<TImportRun> {
  const run = await requireOwnRun(ctx, runId, true);
  if (run.state === 'applied') throw alreadyApplied();
  if (!run.mapping)
    throw new AppError(
      'INVALID_STATE',
      'Faites d’abord correspondre les colonnes du fichier aux champs de Relais.',
    );
  if (run.state === 'uploaded' || run.state === 'checking') {
    const { cells, lineNumbers } = await runCells(ctx.db, runId, run.checkedLines, CHECK_CHUNK);
    const lines =
      run.kind === 'stock'
        ? await checkStockLines(ctx, run, cells, lineNumbers)
        : await checkArrearsLines(ctx, run, cells, lineNumbers);
    await insertLines(ctx.db, runId, lines);
    const checkedLines = run.checkedLines + cells.length;
    const rejectedLines = run.rejectedLines + lines.filter((l) => l.values === null).length;
    const done = checkedLines >= run.totalLines;
    await updateRun(ctx.db, runId, {
      checkedLines,
      rejectedLines,
      state: !done ? 'checking' : rejectedLines > 0 ? 'rejected' : 'checked',
    });
  }
  return presentRun(ctx.db, (await findRun(ctx.db, runId))!);
}

/** For each key used before, in the file's earlier chunks or in this one: the line of its first use. */
async function duplicates(
  ctx: Context,
  runId: string,
  column: 'reference' | 'tenantReference',
  keys: (string | null)[],
  lineNumbers: number[],
) {
  const seen = await referencesSeen(
    ctx.db,
    runId,
    column,
    keys.filter((k): k is string => !!k),
  );
  return keys.map((key, i) => {
    if (!key) return null;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, lineNumbers[i]!);
      return null;
    }
    return first;
  });
}

async function checkStockLines(ctx: Context, run: Run, cells: string[][], lineNumbers: number[]) {
  const read = cells.map((c) => readStockLine(cellsByField(run.mapping!, run.columns, c)));
  const refs = read.map(
    (r, i) =>
      (r.ok ? r.line.reference : cellsByField(run.mapping!, run.columns, cells[i]!)('reference')) || null,
  );
  const tenants = read.map((r) => (r.ok ? (r.line.tenant?.reference ?? null) : null));
  const dupRefs = await duplicates(ctx, run.id, 'reference', refs, lineNumbers);
  const dupTenants = await duplicates(ctx, run.id, 'tenantReference', tenants, lineNumbers);
  const accepted = read.flatMap((r) => (r.ok ? [r.line] : []));
  const communes = await communesByText(
    ctx.db,
    accepted.map((l) => l.commune),
  );
  const landlordId = run.landlordOrganisationId;
  const existing = await dwellingsByReference(
    ctx.db,
    landlordId,
    accepted.map((l) => l.reference),
  );
  const inForce = await contractsInForce(
    ctx.db,
    landlordId,
    [...existing.values()],
    accepted.flatMap((l) => (l.tenant ? [l.tenant.reference] : [])),
    parisDate(ctx.now),
  );
  return read.map((r, i): LineReading => {
    const reasons = r.ok ? [] : [...r.reasons];
    if (dupRefs[i] !== null)
      reasons.push(`Référence du logement « ${refs[i]} » en double : déjà à la ligne ${dupRefs[i]}.`);
    if (dupTenants[i] !== null)
      reasons.push(`Référence du locataire « ${tenants[i]} » en double : déjà à la ligne ${dupTenants[i]}.`);
    let communeId: string | null = null;
    if (r.ok) {
      const line = r.line;
      const found = communes.get(line.commune) ?? [];
      if (found.length === 0)
        reasons.push(
          `Commune inconnue : « ${line.commune} » (donnez son code INSEE, son code postal ou son nom).`,
        );
      else if (found.length > 1)
        reasons.push(
          `Commune ambiguë : « ${line.commune} » désigne plusieurs communes ; donnez son code INSEE.`,
        );
      else communeId = found[0]!;
      const dwellingId = existing.get(line.reference);
      const onDwelling = dwellingId ? inForce.filter((c) => c.dwellingId === dwellingId) : [];
      if (line.tenant) {
        const tenant = line.tenant.reference;
        if (
          onDwelling.some(
            (c) => c.tenantReference !== tenant || c.lessorOrganisationId !== run.landlordOrganisationId,
          )
        )
          reasons.push(
            'Ce logement a déjà un contrat en cours avec un autre occupant : un logement n’a qu’un contrat en cours à la fois.',
          );
        if (
          inForce.some(
            (c) =>
              c.tenantReference === tenant &&
              c.lessorOrganisationId === landlordId &&
              c.dwellingId !== dwellingId,
          )
        )
          reasons.push(`Le locataire « ${tenant} » a un contrat en cours sur un autre logement.`);
      } else if (line.status === 'vacant' && onDwelling.length > 0)
        reasons.push('Statut : ce logement a un contrat en cours, il ne peut pas être vacant.');
    }
    const values: StockValues | null =
      r.ok && reasons.length === 0 ? { ...r.line, communeId: communeId! } : null;
    return {
      line: lineNumbers[i]!,
      reference: refs[i],
      tenantReference: tenants[i],
      values,
      reasons,
    };
  });
}

async function checkArrearsLines(ctx: Context, run: Run, cells: string[][], lineNumbers: number[]) {
  const read = cells.map((c) => readArrearsLine(cellsByField(run.mapping!, run.columns, c)));
  const tenants = read.map(
    (r, i) =>
      (r.ok
        ? r.line.tenantReference
        : cellsByField(run.mapping!, run.columns, cells[i]!)('tenantReference')) || null,
  );
  const dupTenants = await duplicates(ctx, run.id, 'tenantReference', tenants, lineNumbers);
  const contracts = await latestTenantContracts(
    ctx.db,
    run.landlordOrganisationId,
    tenants.filter((t): t is string => !!t),
  );
  return read.map((r, i): LineReading => {
    const reasons = r.ok ? [] : [...r.reasons];
    if (dupTenants[i] !== null)
      reasons.push(`Référence du locataire « ${tenants[i]} » en double : déjà à la ligne ${dupTenants[i]}.`);
    const contractId = tenants[i] ? contracts.get(tenants[i]!) : undefined;
    if (r.ok && !contractId)
      reasons.push(
        `Locataire inconnu : « ${tenants[i]} » (importez d’abord vos logements avec leurs locataires).`,
      );
    const values: ArrearsValues | null =
      r.ok && reasons.length === 0 ? { ...r.line, contractId: contractId! } : null;
    return {
      line: lineNumbers[i]!,
      reference: null,
      tenantReference: tenants[i],
      values,
      reasons,
    };
  });
}
