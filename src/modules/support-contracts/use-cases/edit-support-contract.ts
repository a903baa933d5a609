import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { invalid, type FieldErrors } from '../../../kernel/errors.ts';
import type { TSupportContractAnswer, ZContractEdit } from '../../../shared/contracts/support-contracts.ts';
import { unknownBriques } from '../../../shared/referentiel/referentiel.ts';
import { referentielVersion } from '../../referentiel/index.ts';
import { generateTerms } from '../contract-terms.ts';
import {
  auditContract,
  claim,
  invalidState,
  reloadContract,
  requireContract,
  scopeToWrite,
} from '../contract-writes.ts';
import { updateVersion } from '../support-contracts.repository.ts';

type EditInput = z.output<typeof ZContractEdit> & { householdId: string; measureId: string };

/**
 * Saves the draft's objectives (briques of the measure's référentiel version), commitments,
 * modalities and clauses at the version read; its terms are read again from their sources. A
 * version with a signature is never edited.
 */
export async function editSupportContract(ctx: Context, input: EditInput): Promise<TSupportContractAnswer> {
  const scope = await scopeToWrite(ctx, input.householdId, input.measureId);
  const record = requireContract(scope);
  const version = record.versions[0]!;
  if (version.status === 'signing')
    throw invalidState(
      'Cette version a déjà été signée : elle ne se modifie plus. Elle pourra être changée par un avenant une fois en vigueur.',
    );
  if (version.status !== 'draft')
    throw invalidState('Un contrat en vigueur ne change que par une nouvelle version (avenant).');
  const referentiel = referentielVersion(scope.measure.referentielVersion);
  const errors: FieldErrors = {};
  input.objectives.forEach((o, i) => {
    const unknown = referentiel ? unknownBriques(o.briques, referentiel) : o.briques;
    if (unknown.length > 0)
      errors[`objectives.${i}.briques`] =
        `Brique${unknown.length > 1 ? 's' : ''} inconnue${unknown.length > 1 ? 's' : ''} du référentiel : ${unknown.join(', ')}.`;
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);
  await claim(ctx, record, input.rowVersion);
  const terms = await generateTerms(ctx.db, scope.measure);
  await updateVersion(ctx.db, version.id, {
    terms,
    landlordOrganisationId: terms.landlordOrganisationId,
    objectives: input.objectives.map((o) => ({ ...o, briques: [...new Set(o.briques)] })),
    commitments: input.commitments,
    modalities: input.modalities,
    clauses: input.clauses,
    updatedAt: ctx.now,
  });
  await auditContract(ctx, record.contract, scope, {
    action: 'support_contract.edit',
    details: { version: version.number },
  });
  return reloadContract(ctx, input.householdId, input.measureId);
}
