import type { Context } from '../../../kernel/context.ts';
import { isLandlordSide, partnershipRefusal } from '../../../shared/access/partnership-policy.ts';
import type { TConvention } from '../../../shared/contracts/partnerships.ts';
import { amendmentLines } from '../../../shared/partnerships/amendments.ts';
import { requireConvention } from '../convention-access.ts';
import { briquesOf, feeOf, presentSummary } from '../partnerships.presenter.ts';
import { amendmentsOf, candidateDwellings, conventionDwellingsOf } from '../partnerships.repository.ts';

/**
 * A convention with its dwellings and its amendments (latest first, what each changed in words); the
 * landlord's staff also get the dwellings it may still add.
 */
export async function getConvention(ctx: Context, conventionId: string): Promise<TConvention> {
  const record = await requireConvention(ctx, conventionId, 'read');
  const c = record.convention;
  const landlordSide = isLandlordSide(ctx.actor, c);
  const [dwellings, candidates, amendments] = await Promise.all([
    conventionDwellingsOf(ctx.db, conventionId),
    landlordSide ? candidateDwellings(ctx.db, c.landlordOrganisationId, conventionId) : [],
    amendmentsOf(ctx.db, conventionId),
  ]);
  return {
    ...presentSummary({ ...record, dwellingCount: dwellings.length }),
    fee: feeOf(c),
    commitments: c.commitments,
    briques: briquesOf(c),
    dwellings: dwellings.map(({ communeId: _, ...d }) => d),
    candidateDwellings: candidates.map((d) => ({
      id: d.id,
      label: d.reference ? `${d.address} (réf. ${d.reference})` : d.address,
    })),
    canManageDwellings: landlordSide,
    amendments: amendments.toReversed().map(({ amendment: a, recordedBy }) => ({
      id: a.id,
      number: a.number,
      effectiveOn: a.effectiveOn,
      changes: amendmentLines(a.changes),
      recordedBy,
      recordedAt: a.createdAt.toISOString(),
    })),
    canAmend: partnershipRefusal(ctx.actor, 'amend', c) === null,
  };
}
