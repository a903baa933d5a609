import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { PartnerAudience, TPartnerVersion } from '../../shared/contracts/diagnostics.ts';
import { axisAverages } from '../../shared/diagnostics/capacity.ts';
import {
  audienceGetsCapacity,
  derivePartnerVersion,
  partnerCapacity,
  partnerEvictionSteps,
} from '../../shared/access/diagnostic-sharing.ts';
import { frozenAt } from './diagnostic-access.ts';
import {
  approvedOn,
  evictionProcedureAt,
  latestApprovedRow,
  type DiagnosticRow,
} from './diagnostics.repository.ts';
import { capacityAssessments } from './schema.ts';

/**
 * The partner version of a diagnostic as of now: derived content, the eviction procedure's steps as
 * the diagnostic shows them, plus the latest grid for committees.
 */
export async function buildPartnerVersion(
  q: Queryable,
  diagnostic: DiagnosticRow,
  audience: PartnerAudience,
): Promise<TPartnerVersion> {
  let capacity: TPartnerVersion['capacity'] = null;
  if (audienceGetsCapacity(audience)) {
    const [latest] = await q
      .select()
      .from(capacityAssessments)
      .where(eq(capacityAssessments.householdId, diagnostic.householdId))
      .orderBy(desc(capacityAssessments.assessedOn), desc(capacityAssessments.createdAt))
      .limit(1);
    if (latest) {
      capacity = partnerCapacity({ ...latest, axisAverages: axisAverages(latest.scores) });
    }
  }
  const procedure = await evictionProcedureAt(q, diagnostic.householdId, frozenAt(diagnostic));
  return {
    audience,
    content: derivePartnerVersion(diagnostic.content, audience),
    capacity,
    evictionSteps: partnerEvictionSteps(procedure?.steps ?? []),
  };
}

/**
 * The landlord version of the household's latest approved diagnostic, as derived now (what a CAL
 * file carries: only a diagnostic the household approved goes to the landlord); null when none.
 */
export async function approvedLandlordVersion(
  q: Queryable,
  householdId: string,
): Promise<{ version: number; approvedOn: string; partner: TPartnerVersion } | null> {
  const row = await latestApprovedRow(q, householdId);
  if (!row) return null;
  return {
    version: row.version,
    approvedOn: approvedOn(row),
    partner: await buildPartnerVersion(q, row, 'landlord'),
  };
}
