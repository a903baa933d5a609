import { and, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { AppError } from '../../kernel/errors.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { TImportCounts } from '../../shared/contracts/dwellings.ts';
import { dwellingRents, dwellings } from '../dwellings/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { contractsInForce } from './stock-imports.repository.ts';
import { arrearsBalances } from './schema.ts';
import type { ArrearsValues, StockValues } from './use-cases/check-import.ts';

/**
 * The writes of an applied import, a batch of checked lines at a time, all in the caller's transaction:
 * dwellings found again by (landlord, reference), their rent when it changed, their tenants' direct
 * leases found again by (landlord, tenant reference), and the arrears balances by (contract, day).
 */
export async function writeStockBatch(
  q: Queryable,
  input: { landlordId: string; userId: string; day: string; at: Date; lines: StockValues[] },
  counts: TImportCounts,
): Promise<void> {
  const { landlordId, day, at, lines } = input;
  const ids = new Map<string, string>();
  // A line that gives no status (and no tenant) keeps the dwelling's; an empty cell keeps the stored value.
  for (const statusGiven of [true, false]) {
    const group = lines.filter((l) => (l.status !== null || l.tenant !== null) === statusGiven);
    if (group.length === 0) continue;
    const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, dwellings.${column})`);
    const rows = await q
      .insert(dwellings)
      .values(
        group.map((l) => ({
          landlordOrganisationId: landlordId,
          externalReference: l.reference,
          address: l.address,
          communeId: l.communeId,
          typology: l.typology,
          surfaceM2: l.surfaceM2,
          floor: l.floor,
          lift: l.lift,
          accessibility: l.accessibility,
          financing: l.financing,
          status: l.status ?? (l.tenant ? ('let' as const) : ('vacant' as const)),
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflictDoUpdate({
        target: [dwellings.landlordOrganisationId, dwellings.externalReference],
        targetWhere: sql`${dwellings.externalReference} is not null`,
        set: {
          address: sql.raw('excluded.address'),
          communeId: sql.raw('excluded.commune_id'),
          typology: keep('typology'),
          surfaceM2: keep('surface_m2'),
          floor: keep('floor'),
          lift: keep('lift'),
          accessibility: keep('accessibility'),
          financing: keep('financing'),
          ...(statusGiven ? { status: sql.raw('excluded.status') } : {}),
          updatedAt: at,
        },
      })
      .returning({
        id: dwellings.id,
        reference: dwellings.externalReference,
        inserted: sql<boolean>`(xmax = 0)`,
      });
    for (const r of rows) {
      ids.set(r.reference!, r.id);
      if (r.inserted) counts.dwellingsCreated++;
      else counts.dwellingsUpdated++;
    }
  }
  await writeRents(q, lines, ids, day, at);
  await writeTenants(q, { ...input, ids }, counts);
}

/** A rent from today when the file's differs from the one in force (or there is none yet). */
async function writeRents(
  q: Queryable,
  lines: StockValues[],
  ids: Map<string, string>,
  day: string,
  at: Date,
) {
  const withRent = lines.filter((l) => l.rentCents !== null);
  if (withRent.length === 0) return;
  const current = await q
    .selectDistinctOn([dwellingRents.dwellingId], {
      dwellingId: dwellingRents.dwellingId,
      rent: dwellingRents.monthlyRentCents,
      charges: dwellingRents.monthlyChargesCents,
    })
    .from(dwellingRents)
    .where(
      and(
        inArray(
          dwellingRents.dwellingId,
          withRent.map((l) => ids.get(l.reference)!),
        ),
        lte(dwellingRents.effectiveFrom, day),
      ),
    )
    .orderBy(dwellingRents.dwellingId, desc(dwellingRents.effectiveFrom));
  const inForce = new Map(current.map((r) => [r.dwellingId, r]));
  const changed = withRent.flatMap((l) => {
    const dwellingId = ids.get(l.reference)!;
    const now = inForce.get(dwellingId);
    const charges = l.chargesCents ?? now?.charges ?? 0;
    if (now && now.rent === l.rentCents && now.charges === charges) return [];
    return [
      {
        dwellingId,
        effectiveFrom: day,
        monthlyRentCents: l.rentCents!,
        monthlyChargesCents: charges,
        createdAt: at,
      },
    ];
  });
  if (changed.length === 0) return;
  await q
    .insert(dwellingRents)
    .values(changed)
    .onConflictDoUpdate({
      target: [dwellingRents.dwellingId, dwellingRents.effectiveFrom],
      set: {
        monthlyRentCents: sql.raw('excluded.monthly_rent_cents'),
        monthlyChargesCents: sql.raw('excluded.monthly_charges_cents'),
      },
    });
}

/**
 * The imported tenants as direct leases of the landlord (no household file): the contract of the same
 * tenant reference is updated, else one is created, active. The leases module owns what follows
 * (events, end, sliding); the check made sure no other contract is in force on the dwelling.
 */
export async function writeTenants(
  q: Queryable,
  input: {
    landlordId: string;
    userId: string;
    day: string;
    at: Date;
    lines: StockValues[];
    ids: Map<string, string>;
  },
  counts: TImportCounts,
): Promise<void> {
  const { landlordId, at, ids } = input;
  const lines = input.lines.filter((l) => l.tenant !== null);
  if (lines.length === 0) return;
  const existing = await q
    .select({ id: occupancyContracts.id, tenantReference: occupancyContracts.tenantReference })
    .from(occupancyContracts)
    .where(
      and(
        eq(occupancyContracts.lessorOrganisationId, landlordId),
        ne(occupancyContracts.status, 'ended'),
        inArray(
          occupancyContracts.tenantReference,
          lines.map((l) => l.tenant!.reference),
        ),
      ),
    );
  await refuseOtherContractInForce(q, { ...input, lines });
  const byReference = new Map(existing.map((c) => [c.tenantReference!, c.id]));
  const fresh = lines.filter((l) => !byReference.has(l.tenant!.reference));
  if (fresh.length > 0) {
    await q.insert(occupancyContracts).values(
      fresh.map((l) => ({
        dwellingId: ids.get(l.reference)!,
        kind: 'direct_lease' as const,
        tenantReference: l.tenant!.reference,
        tenantName: l.tenant!.name,
        lessorOrganisationId: landlordId,
        lessorKind: l.tenant!.lessorKind,
        status: 'active' as const,
        signedOn: l.tenant!.signedOn,
        startOn: l.tenant!.startOn,
        createdByUserId: input.userId,
        createdAt: at,
        updatedAt: at,
      })),
    );
    counts.tenantsCreated += fresh.length;
  }
  for (const l of lines) {
    const id = byReference.get(l.tenant!.reference);
    if (!id) continue;
    await q
      .update(occupancyContracts)
      .set({
        tenantName: l.tenant!.name,
        lessorKind: l.tenant!.lessorKind,
        signedOn: l.tenant!.signedOn,
        startOn: l.tenant!.startOn,
        rowVersion: sql`${occupancyContracts.rowVersion} + 1`,
        updatedAt: at,
      })
      .where(eq(occupancyContracts.id, id));
    counts.tenantsUpdated++;
  }
}

/**
 * One contract in force per dwelling, checked again at the import (the dry run's reading may be old):
 * the dwellings' rows written just before stay locked until the commit, as the leases module locks a
 * dwelling's row before its own check, so no contract can slip in between.
 */
async function refuseOtherContractInForce(
  q: Queryable,
  input: { landlordId: string; day: string; lines: StockValues[]; ids: Map<string, string> },
) {
  const tenantOf = new Map(input.lines.map((l) => [input.ids.get(l.reference)!, l.tenant!.reference]));
  const inForce = await contractsInForce(q, input.landlordId, [...tenantOf.keys()], [], input.day);
  const clash = inForce.find(
    (c) => c.tenantReference !== tenantOf.get(c.dwellingId) || c.lessorOrganisationId !== input.landlordId,
  );
  if (clash) {
    const reference = input.lines.find((l) => input.ids.get(l.reference) === clash.dwellingId)?.reference;
    throw new AppError(
      'CONFLICT',
      `Le logement « ${reference} » a maintenant un contrat en cours avec un autre occupant : rien n’a été importé. Relancez l’essai à blanc.`,
    );
  }
}

/** The month's balances of an arrears file; the same contract and day again replaces the balance. */
export async function writeArrearsBatch(
  q: Queryable,
  input: { runId: string; at: Date; lines: ArrearsValues[] },
  counts: TImportCounts,
): Promise<void> {
  if (input.lines.length === 0) return;
  await q
    .insert(arrearsBalances)
    .values(
      input.lines.map((l) => ({
        contractId: l.contractId,
        asOf: l.asOf,
        balanceCents: l.balanceCents,
        monthsOfArrears: l.months,
        importRunId: input.runId,
        createdAt: input.at,
      })),
    )
    .onConflictDoUpdate({
      target: [arrearsBalances.contractId, arrearsBalances.asOf],
      set: {
        balanceCents: sql.raw('excluded.balance_cents'),
        monthsOfArrears: sql.raw('excluded.months_of_arrears'),
        importRunId: sql.raw('excluded.import_run_id'),
      },
    });
  counts.balances += input.lines.length;
}
