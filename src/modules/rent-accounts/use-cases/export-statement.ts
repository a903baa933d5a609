import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { statement } from '../../../shared/rent-accounts/ledger.ts';
import { collectorName } from '../rent-account.presenter.ts';
import { renderStatementPdf } from '../statement-pdf.ts';
import { requireContract } from '../rent-account-access.ts';
import { accountPostings, findAccount } from '../rent-accounts.repository.ts';
import { occupantOf } from './get-account.ts';

/** The tenant's statement (relevé de compte) of a period, as a PDF; audited. */
export async function exportStatement(
  ctx: Context,
  contractId: string,
  period: { from: string; to: string },
): Promise<FileAnswer> {
  if (period.to < period.from) throw invalid({ to: 'La fin de la période précède son début.' });
  const { contract } = await requireContract(ctx, contractId, 'read_account');
  const account = await findAccount(ctx.db, contractId);
  const rows = account ? await accountPostings(ctx.db, account.id) : [];
  const content = await renderStatementPdf({
    occupant: await occupantOf(ctx.db, contract),
    dwelling: contract.dwellingAddress,
    collector: collectorName(contract),
    statement: statement(rows, period.from, period.to),
    kinds: new Map(rows.map((r) => [r.id, r.kind])),
    generatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'rent_account.statement',
    entityType: 'rent_account',
    entityId: contract.id,
    householdId: contract.householdId,
    details: { from: period.from, to: period.to },
  });
  return {
    fileName: `releve-compte-locatif-${period.from}-${period.to}.pdf`,
    mimeType: 'application/pdf',
    content,
  };
}
