import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid, type FieldErrors } from '../../../kernel/errors.ts';
import { canProposeMeasure } from '../../../shared/access/measure-policy.ts';
import type { TMeasure, ZMeasurePropose } from '../../../shared/contracts/measures.ts';
import { parisDate } from '../../../shared/time.ts';
import { activeParties, requireHouseholdAccess } from '../../households/index.ts';
import { unknownBriques } from '../../../shared/referentiel/referentiel.ts';
import { referentielInForce } from '../../referentiel/index.ts';
import { checkCapacity } from '../caseload-check.ts';
import { insertEvent, insertMeasure, isSocialWorkerOf } from '../measures.repository.ts';
import { reloadMeasure } from '../measure-writes.ts';
import { findScheme, versionInForce } from '../schemes.repository.ts';

type ProposeInput = z.output<typeof ZMeasurePropose> & { householdId: string };

/**
 * Proposes a support measure for the household: a scheme, an operator that is a party to the file,
 * briques, intensity and occupancy. The scheme's rules are checked at prescription, against the
 * version then in force; the référent, when named, is checked against the operator's caseloads.
 */
export async function proposeMeasure(ctx: Context, input: ProposeInput): Promise<TMeasure> {
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!canProposeMeasure(ctx.actor, level))
    throw forbidden('Seuls les travailleurs sociaux parties au dossier proposent une mesure.');
  return reloadMeasure(ctx, input.householdId, await recordProposal(ctx, input));
}

/**
 * What a proposal names, checked: a scheme with rules in force, an operator that is a party to the
 * file, a référent among its social workers, briques of the référentiel in force.
 */
export async function checkProposal(
  ctx: Context,
  input: Pick<
    ProposeInput,
    'householdId' | 'schemeId' | 'operatorOrganisationId' | 'caseworkerUserId' | 'briques'
  >,
) {
  const { db, now } = ctx;
  const errors: FieldErrors = {};
  const scheme = await findScheme(db, input.schemeId);
  const version = scheme ? await versionInForce(db, scheme.id, parisDate(now)) : null;
  if (!scheme) errors.schemeId = 'Dispositif inconnu.';
  else if (!version) errors.schemeId = 'Ce dispositif n’a pas encore de règles en vigueur.';
  const parties = await activeParties(db, input.householdId, now);
  if (!parties.some((p) => p.organisationId === input.operatorOrganisationId))
    errors.operatorOrganisationId = 'L’opérateur doit être une organisation partie au dossier.';
  else if (
    input.caseworkerUserId &&
    !(await isSocialWorkerOf(db, input.caseworkerUserId, input.operatorOrganisationId))
  )
    errors.caseworkerUserId = 'Le référent doit être un travailleur social de l’opérateur.';
  const referentiel = referentielInForce(parisDate(now));
  const unknown = unknownBriques(input.briques, referentiel);
  if (unknown.length > 0)
    errors.briques = `Brique${unknown.length > 1 ? 's' : ''} inconnue${unknown.length > 1 ? 's' : ''} du référentiel : ${unknown.join(', ')}.`;
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return { scheme: scheme!, version: version!, referentiel };
}

/**
 * The proposal itself, by a party's social worker, by a committee's decision or as a case reopened
 * after an incident during a watch (`reopen`: the ended measure and why, kept on the new one and
 * in its first event); its id.
 */
export async function recordProposal(
  ctx: Context,
  input: ProposeInput,
  reopen?: { fromMeasureId: string; reason: string },
): Promise<string> {
  const { db, actor, now } = ctx;
  const { scheme, version, referentiel } = await checkProposal(ctx, input);
  if (input.caseworkerUserId)
    await checkCapacity(db, {
      organisationId: input.operatorOrganisationId,
      userId: input.caseworkerUserId,
      kind: scheme.kind,
      alreadyFollowed: false,
      confirmed: input.confirmOverCapacity,
    });
  const id = await insertMeasure(db, {
    householdId: input.householdId,
    schemeId: scheme.id,
    schemeVersionId: version.id,
    referentielVersion: referentiel.version,
    briques: [...new Set(input.briques)],
    visitsPerMonth: input.visitsPerMonth ?? null,
    occupancy: input.occupancy ?? null,
    operatorOrganisationId: input.operatorOrganisationId,
    caseworkerUserId: input.caseworkerUserId ?? null,
    proposedByOrganisationId: actor.organisationId,
    initialMonths: input.initialMonths ?? version.rules.initialMonths,
    criteriaMet: [...new Set(input.criteriaMet)],
    stateValidationReference: input.stateValidationReference?.trim() || null,
    reopenedFromMeasureId: reopen?.fromMeasureId ?? null,
    reopenReason: reopen?.reason ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await insertEvent(db, {
    measureId: id,
    kind: 'proposed',
    detail: reopen?.reason ?? null,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  await audit(db, actor, {
    action: 'measure.propose',
    entityType: 'measure',
    entityId: id,
    householdId: input.householdId,
    details: { scheme: scheme.name },
  });
  return id;
}
