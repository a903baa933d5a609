import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { DIAGNOSTIC_SECTIONS, type TDiagnosticContent } from '../../../shared/contracts/diagnostics.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess, unsafeLoadHouseholdFile } from '../../households/index.ts';
import { getHouseholdBudgetSummary } from '../../budget/index.ts';
import { assertCanWrite, invalidState } from '../diagnostic-access.ts';
import { changedSections, stampAuthorship } from '../authorship.ts';
import { insertDiagnostic, latestVersionNumber } from '../diagnostics.repository.ts';
import { savedOf } from '../diagnostic-writes.ts';
import { budgetValues, fileValues, prefilledContent } from '../prefill.ts';
import type { PrefilledValues } from '../schema.ts';

/** What an empty first diagnostic opens with: the file's and the budget's figures, marked so. */
async function prefill(ctx: Context, householdId: string) {
  const file = await unsafeLoadHouseholdFile(ctx.db, householdId);
  if (!file) throw notFound('Dossier introuvable.');
  return prefilledContent({
    file: fileValues(file, parisDate(ctx.now)),
    budget: budgetValues(await getHouseholdBudgetSummary(ctx, householdId)),
  });
}

/**
 * Opens the household's first diagnostic (brique 1.1) as a draft; later ones are new versions.
 * Opened empty, it starts from what the file and the budget already say (nothing typed twice).
 */
export async function createDiagnostic(
  ctx: Context,
  input: { householdId: string; content: TDiagnosticContent },
) {
  const { db: tx, actor, now } = ctx;
  const { householdId } = input;
  assertCanWrite(await requireHouseholdAccess(ctx, householdId));
  if ((await latestVersionNumber(tx, householdId)) > 0) {
    throw invalidState('Ce ménage a déjà un diagnostic : reprenez-le ou créez-en une nouvelle version.');
  }
  const empty = DIAGNOSTIC_SECTIONS.every((s) => input.content[s] === undefined);
  const { content, prefilled }: { content: TDiagnosticContent; prefilled: PrefilledValues } = empty
    ? await prefill(ctx, householdId)
    : { content: input.content, prefilled: {} };
  const row = await insertDiagnostic(tx, {
    householdId,
    version: 1,
    content,
    prefilled,
    authorship: stampAuthorship({
      previous: {},
      sections: changedSections({}, content),
      householdVoice: [],
      actor,
      at: now,
    }),
    createdByUserId: actor.userId,
    createdByOrganisationId: actor.organisationId,
    createdAt: now,
    updatedAt: now,
  });
  await audit(tx, actor, {
    action: 'diagnostic.create',
    entityType: 'diagnostic',
    entityId: row.id,
    householdId,
    details: { version: 1, prefilledFields: Object.keys(prefilled).length },
  });
  return savedOf(row);
}
