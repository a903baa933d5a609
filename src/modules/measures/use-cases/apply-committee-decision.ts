import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { ZMeasureEnd, ZMeasurePropose } from '../../../shared/contracts/measures.ts';
import { isSocialWorkerOf, updateMeasure, type MeasureRecord } from '../measures.repository.ts';
import { versionConflict } from '../../../kernel/errors.ts';
import { measureToRun } from '../measure-writes.ts';
import { applyEnd } from './end-measure.ts';
import { applyPrescription } from './prescribe-measure.ts';
import { checkProposal, recordProposal } from './propose-measure.ts';
import { applyRenewal } from './renew-measure.ts';

type Proposal = Pick<
  z.output<typeof ZMeasurePropose>,
  'schemeId' | 'operatorOrganisationId' | 'briques' | 'visitsPerMonth' | 'occupancy' | 'initialMonths'
>;

/**
 * What a committee decides about a measure, as the committees module hands it over once it has
 * checked the decider's authority: an orientation prescribes the proposed measure on the agenda
 * as the committee settled it, or a new one; a renewal and a closure go through the same scheme
 * rules as the operator's.
 */
export type CommitteeDecision = { householdId: string; decidedOn: string; committee: string } & (
  | { kind: 'orientation'; measureId?: string; proposal: Proposal }
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
    'proposal' in d && !d.measureId
      ? await recordProposal(ctx, {
          householdId: d.householdId,
          ...d.proposal,
          caseworkerUserId: null,
          criteriaMet: [],
          stateValidationReference: null,
          confirmOverCapacity: false,
        })
      : d.measureId!;
  let record = await measureToRun(ctx, d.householdId, measureId, 'decision');
  if (d.kind === 'orientation' && d.measureId) {
    await settleProposal(ctx, record, d.proposal);
    record = await measureToRun(ctx, d.householdId, measureId, 'decision');
  }
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

/**
 * The proposed measure as the committee settled it: the scheme and operator it decided, and the
 * briques, intensity, occupancy and duration it set (what it left empty stays as proposed). The
 * référent stays when he or she works for the operator decided.
 */
async function settleProposal(ctx: Context, record: MeasureRecord, p: Proposal) {
  const m = record.measure;
  const briques = p.briques.length > 0 ? [...new Set(p.briques)] : m.briques;
  const { scheme, version, referentiel } = await checkProposal(ctx, {
    householdId: m.householdId,
    schemeId: p.schemeId,
    operatorOrganisationId: p.operatorOrganisationId,
    caseworkerUserId: null,
    briques,
  });
  const keepsReferent =
    m.caseworkerUserId !== null &&
    (await isSocialWorkerOf(ctx.db, m.caseworkerUserId, p.operatorOrganisationId));
  const schemeChanged = scheme.id !== m.schemeId;
  const settled = await updateMeasure(
    ctx.db,
    { id: m.id, rowVersion: m.rowVersion, from: ['proposed'], at: ctx.now },
    {
      schemeId: scheme.id,
      schemeVersionId: version.id,
      referentielVersion: referentiel.version,
      operatorOrganisationId: p.operatorOrganisationId,
      caseworkerUserId: keepsReferent ? m.caseworkerUserId : null,
      briques,
      visitsPerMonth: p.visitsPerMonth ?? m.visitsPerMonth,
      occupancy: p.occupancy ?? m.occupancy,
      initialMonths: p.initialMonths ?? (schemeChanged ? version.rules.initialMonths : m.initialMonths),
    },
  );
  if (!settled) throw versionConflict();
}
