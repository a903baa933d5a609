import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { ZMeasureEnd, ZMeasurePropose } from '../../../shared/contracts/measures.ts';
import { measureToRun } from '../measure-writes.ts';
import { applyEnd } from './end-measure.ts';
import { applyPrescription } from './prescribe-measure.ts';
import { recordProposal } from './propose-measure.ts';
import { applyRenewal } from './renew-measure.ts';

type Proposal = Pick<
  z.output<typeof ZMeasurePropose>,
  'schemeId' | 'operatorOrganisationId' | 'briques' | 'visitsPerMonth' | 'occupancy' | 'initialMonths'
>;

/**
 * What a committee decides about a measure, as the committees module hands it over once it has
 * checked the decider's authority: an orientation prescribes the proposed measure on the agenda,
 * or a new one; a renewal and a closure go through the same scheme rules as the operator's.
 */
export type CommitteeDecision = { householdId: string; decidedOn: string; committee: string } & (
  | { kind: 'orientation'; measureId: string }
  | { kind: 'orientation'; proposal: Proposal }
  | { kind: 'renewal'; measureId: string; months: number | null; evaluation: string }
  | {
      kind: 'closure';
      measureId: string;
      end: Omit<z.output<typeof ZMeasureEnd>, 'rowVersion' | 'endedOn'>;
    }
);

/** Applies the decision to the measure it concerns; the measure's id. */
export async function applyCommitteeDecision(ctx: Context, d: CommitteeDecision): Promise<string> {
  const measureId =
    'proposal' in d
      ? await recordProposal(ctx, {
          householdId: d.householdId,
          ...d.proposal,
          caseworkerUserId: null,
          criteriaMet: [],
          stateValidationReference: null,
          confirmOverCapacity: false,
        })
      : d.measureId;
  const record = await measureToRun(ctx, d.householdId, measureId, 'decision');
  const rowVersion = record.measure.rowVersion;
  const detail = `Décision du ${d.committee}.`;
  if (d.kind === 'orientation')
    await applyPrescription(ctx, record, { rowVersion, prescribedOn: d.decidedOn, detail });
  else if (d.kind === 'renewal')
    await applyRenewal(ctx, record, {
      rowVersion,
      months: d.months,
      evaluation: `${detail} ${d.evaluation}`,
    });
  else await applyEnd(ctx, record, { rowVersion, endedOn: d.decidedOn, ...d.end });
  return measureId;
}
