import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import {
  COMMITTEE_KIND_LABELS,
  DECISION_OUTCOME_LABELS,
  type TMeeting,
  type ZDecisionInput,
} from '../../../shared/contracts/committees.ts';
import {
  MEASURE_END_REASON_LABELS,
  MEASURE_ORIENTATION_LABELS,
  OCCUPANCY_LABELS,
} from '../../../shared/contracts/measures.ts';
import { formatDate } from '../../../shared/format.ts';
import { applyCommitteeDecision, schemeName } from '../../measures/index.ts';
import { requireConvenedMeeting } from '../committee-access.ts';
import { organisationName } from '../../organisations/index.ts';
import { findItem, insertDecision, lockItem } from '../committees.repository.ts';
import { getMeeting } from './get-meeting.ts';

type DecisionInput = z.output<typeof ZDecisionInput> & { meetingId: string; itemId: string };

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/**
 * Records the meeting's decision on an item, once: an orientation prescribes a measure (the one
 * proposed on the item, or a new one) with the scheme, operator, briques and intensity decided, a
 * renewal or a closure acts on the item's measure; each through the scheme's rules, so a broken rule
 * refuses the decision by name and nothing is recorded.
 */
export async function recordDecision(ctx: Context, input: DecisionInput): Promise<TMeeting> {
  const { db, actor } = ctx;
  const { meeting, committee } = await requireConvenedMeeting(ctx, input.meetingId);
  const found = await findItem(db, meeting.id, input.itemId);
  if (!found) throw notFound('Point de l’ordre du jour introuvable.');
  await lockItem(db, found.item.id);
  if (found.decisionId) throw new AppError('CONFLICT', 'Une décision est déjà enregistrée pour ce point.');
  const item = found.item;
  const onMeasure = item.kind === 'measure_review' || item.kind === 'measure_closing';
  const base = {
    householdId: item.householdId,
    decidedOn: input.decidedOn,
    committee: `${COMMITTEE_KIND_LABELS[committee.kind].toLowerCase()} « ${committee.name} » du ${formatDate(meeting.startsAt)}`,
  };
  let measureId: string | null = null;
  let summary: string = DECISION_OUTCOME_LABELS[input.outcome];
  let reason: string | null = null;
  switch (input.outcome) {
    case 'orientation': {
      // The measure proposed on the item, settled as decided (its own scheme and operator unless
      // the committee chose others); otherwise a new one, as decided.
      const proposed = onMeasure && found.measureStatus === 'proposed';
      const schemeId = input.schemeId ?? (proposed ? found.measureSchemeId : null);
      const operatorOrganisationId =
        input.operatorOrganisationId ?? (proposed ? found.measureOperatorId : null);
      if (!schemeId || !operatorOrganisationId)
        throw invalid({
          ...(schemeId ? {} : { schemeId: 'Choisissez le dispositif.' }),
          ...(operatorOrganisationId
            ? {}
            : { operatorOrganisationId: 'Choisissez l’organisation qui accompagne.' }),
        });
      measureId = await applyCommitteeDecision(ctx, {
        ...base,
        kind: 'orientation',
        ...(proposed ? { measureId: item.referenceId! } : {}),
        proposal: {
          schemeId,
          operatorOrganisationId,
          briques: input.briques,
          visitsPerMonth: input.visitsPerMonth ?? null,
          occupancy: input.occupancy ?? null,
          initialMonths: input.initialMonths ?? null,
        },
      });
      summary = [
        `Orientation : ${await schemeName(db, schemeId)}`,
        input.initialMonths ? `${input.initialMonths} mois` : null,
        await organisationName(db, operatorOrganisationId),
        input.visitsPerMonth ? `${plural(input.visitsPerMonth, 'visite')} par mois` : null,
        input.occupancy ? OCCUPANCY_LABELS[input.occupancy] : null,
        input.briques.length > 0 ? `briques ${input.briques.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join(' — ');
      reason = input.note?.trim() || null;
      break;
    }
    case 'renewal':
    case 'closure': {
      if (!onMeasure || !item.referenceId)
        throw invalid({ outcome: 'Ce point ne porte sur aucune mesure : choisissez une autre décision.' });
      measureId = await applyCommitteeDecision(
        ctx,
        input.outcome === 'renewal'
          ? {
              ...base,
              kind: 'renewal',
              measureId: item.referenceId,
              months: input.months ?? null,
              evaluation: input.reason,
            }
          : {
              ...base,
              kind: 'closure',
              measureId: item.referenceId,
              end: {
                endReason: input.endReason,
                orientation: input.orientation,
                watchMonths: input.watchMonths ?? null,
                relayOrganisationId: input.relayOrganisationId ?? null,
                note: input.reason ?? null,
              },
            },
      );
      summary =
        input.outcome === 'renewal'
          ? `Renouvellement${input.months ? ` pour ${input.months} mois` : ''}`
          : `Clôture : ${MEASURE_END_REASON_LABELS[input.endReason]} — ${MEASURE_ORIENTATION_LABELS[input.orientation]}`;
      reason = input.reason?.trim() || null;
      break;
    }
    case 'deferral':
    case 'decline':
      reason = input.reason;
      break;
  }
  if (
    !(await insertDecision(db, {
      itemId: item.id,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      summary,
      reason,
      measureId,
      decidedByUserId: actor.userId,
    }))
  )
    throw new AppError('CONFLICT', 'Une décision est déjà enregistrée pour ce point.');
  await audit(db, actor, {
    action: 'committee.decision.record',
    entityType: 'meeting_item',
    entityId: item.id,
    householdId: item.householdId,
    details: { name: committee.name, outcome: input.outcome },
  });
  return getMeeting(ctx, meeting.id);
}
