import type { Context } from '../../kernel/context.ts';
import { invalid } from '../../kernel/errors.ts';
import type { TEvaluationContent } from '../../shared/contracts/evaluations.ts';
import { organisationName } from '../organisations/index.ts';

/**
 * What a draft's edit may change: the ratings, comments, grid, next step and notes — not the list of
 * the contract's objectives (their titles and briques stay those the draft was prepared with, so
 * the landlord's version follows the contract's briques); a relaying organisation must exist.
 */
export async function checkContent(
  ctx: Context,
  before: TEvaluationContent,
  after: TEvaluationContent,
): Promise<void> {
  const fields: Record<string, string> = {};
  if (after.objectives.length !== before.objectives.length)
    fields.objectives = 'Les objectifs évalués sont ceux du contrat : ni ajout ni retrait.';
  after.objectives.forEach((o, i) => {
    const b = before.objectives[i];
    if (b && (o.title !== b.title || o.briques.join() !== b.briques.join()))
      fields[`objectives.${i}.title`] = 'L’intitulé d’un objectif du contrat ne se modifie pas ici.';
  });
  const relay = after.nextStep?.relayOrganisationId;
  if (relay && !(await organisationName(ctx.db, relay)))
    fields['nextStep.relayOrganisationId'] = 'Organisation inconnue.';
  if (Object.keys(fields).length > 0) throw invalid(fields, 'L’évaluation n’a pas été enregistrée.');
}
