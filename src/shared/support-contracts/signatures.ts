import type { ContractParty, ContractStatus, TObjective } from '../contracts/support-contracts.ts';

/**
 * Who must sign a version: the household and the association that runs the measure, and the
 * landlord when the contract names one in Relais that is not the association itself (an
 * association subletting signs once).
 */
export function requiredSignatories(terms: {
  landlordOrganisationId: string | null;
  operatorOrganisationId: string;
}): ContractParty[] {
  const landlord =
    terms.landlordOrganisationId !== null && terms.landlordOrganisationId !== terms.operatorOrganisationId;
  return landlord ? ['household', 'association', 'landlord'] : ['household', 'association'];
}

/** A version in preparation is a draft until its first signature, in force once all required ones are there. */
export function statusFromSignatures(
  required: readonly ContractParty[],
  signed: readonly ContractParty[],
): Exclude<ContractStatus, 'replaced'> {
  if (signed.length === 0) return 'draft';
  return required.every((p) => signed.includes(p)) ? 'in_force' : 'signing';
}

/**
 * What a version lacks before anyone signs it, by field path: at least one objective, each with
 * its indicator, target date and briques.
 */
export function missingForSignature(objectives: readonly TObjective[]): Record<string, string> {
  if (objectives.length === 0)
    return { objectives: 'Le contrat doit compter au moins un objectif avant d’être signé.' };
  const missing: Record<string, string> = {};
  objectives.forEach((o, i) => {
    if (!o.indicator.trim()) missing[`objectives.${i}.indicator`] = 'Indiquez comment mesurer l’objectif.';
    if (!o.targetDate) missing[`objectives.${i}.targetDate`] = 'Indiquez la date visée.';
    if (o.briques.length === 0) missing[`objectives.${i}.briques`] = 'Rattachez l’objectif à une brique.';
  });
  return missing;
}
