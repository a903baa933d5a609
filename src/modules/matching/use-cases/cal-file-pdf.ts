import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { householdAccessLevel } from '../../../shared/access/household-access.ts';
import { mayReadCalFile } from '../../../shared/access/proposal-policy.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { activeParties, unsafeLoadHouseholdFile } from '../../households/index.ts';
import { vacancyWithDwelling } from '../../vacancies/index.ts';
import { loadCalFileFacts } from '../cal-file-facts.ts';
import { renderCalFile } from '../cal-file.ts';
import { findProposal } from '../proposals.repository.ts';

/** An unknown proposal and one the reader may not see answer alike. */
export const PROPOSAL_NOT_FOUND = 'Proposition introuvable.';

/**
 * The CAL file of a candidate as a PDF: for the staff of the vacancy's landlord (how a landlord sees
 * a candidate) and the social workers of the household's parties; anyone else gets the 404 of an
 * unknown proposal. Audited as a read of the household's file.
 */
export async function calFilePdf(ctx: Context, proposalId: string): Promise<FileAnswer> {
  const { db, actor } = ctx;
  const found = await findProposal(db, proposalId);
  if (!found) throw notFound(PROPOSAL_NOT_FOUND);
  const { householdId } = found.proposal;
  const level = householdAccessLevel(actor, await activeParties(db, householdId, ctx.now));
  if (!mayReadCalFile(actor, { vacancyLandlordId: found.vacancy.landlordOrganisationId, level }))
    throw notFound(PROPOSAL_NOT_FOUND);
  const [vacancy, file] = await Promise.all([
    vacancyWithDwelling(db, found.proposal.vacancyId),
    unsafeLoadHouseholdFile(db, householdId),
  ]);
  if (!vacancy || !file) throw notFound(PROPOSAL_NOT_FOUND);
  const facts = await loadCalFileFacts(ctx, found, vacancy, file);
  await audit(db, actor, {
    action: 'proposal.cal_file.export_pdf',
    entityType: 'vacancy_proposal',
    entityId: proposalId,
    householdId,
    details: {
      rank: found.proposal.rank,
      diagnosticVersion: facts.diagnostic?.version ?? null,
      accessLevel: level,
    },
  });
  return {
    fileName: `dossier-cal-${facts.fileLabel}-rang-${found.proposal.rank}.pdf`,
    mimeType: 'application/pdf',
    content: await renderCalFile(facts),
  };
}
