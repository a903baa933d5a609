import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { renderContractPdf } from '../contract-pdf.ts';
import { auditContract, contractAnswer, contractScope, requireContract } from '../contract-writes.ts';

/**
 * The contract in PDF, the latest version or the one asked for, with what the reader may see of
 * it (a landlord's copy leaves out the household's objectives and commitments). Audited.
 */
export async function exportSupportContractPdf(
  ctx: Context,
  input: { householdId: string; measureId: string; version?: number },
): Promise<FileAnswer> {
  const scope = await contractScope(ctx, input.householdId, input.measureId);
  const record = requireContract(scope);
  const { contract } = await contractAnswer(ctx, scope);
  const version = input.version
    ? contract!.versions.find((v) => v.number === input.version)
    : contract!.versions[0];
  if (!version) throw notFound('Cette version du contrat n’existe pas.');
  await auditContract(ctx, record.contract, scope, {
    action: 'support_contract.export_pdf',
    details: { version: version.number, accessLevel: scope.level },
  });
  return {
    fileName: `contrat-accompagnement-${version.terms.fileLabel}-v${version.number}.pdf`,
    mimeType: 'application/pdf',
    content: await renderContractPdf(version, ctx.now),
    disposition: 'inline',
  };
}
