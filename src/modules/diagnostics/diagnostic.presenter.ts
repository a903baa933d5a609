import type { z } from 'zod';
import type {
  TCapacityAssessment,
  TDiagnosticDetail,
  TDiagnosticSummary,
  TSharedVersion,
  ZShareRecord,
} from '../../shared/contracts/diagnostics.ts';
import type { TEvictionProcedure } from '../../shared/contracts/households.ts';
import { missingForPresentation } from '../../shared/diagnostics/completeness.ts';
import { axisAverages } from '../../shared/diagnostics/capacity.ts';
import type {
  DiagnosticRow,
  listCapacityAssessments,
  listSharesOfDiagnostic,
} from './diagnostics.repository.ts';
import { standingPrefill } from './prefill.ts';

export const presentSummary = (d: DiagnosticRow): TDiagnosticSummary => ({
  id: d.id,
  householdId: d.householdId,
  version: d.version,
  status: d.status,
  rowVersion: d.rowVersion,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  approvedAt: d.approvedAt?.toISOString() ?? null,
});

/** The full diagnostic, for the household's caseworker only, with the procedure it shows. */
export const presentDetail = (
  d: DiagnosticRow,
  procedure: { record: TEvictionProcedure | null; asOf: Date | null },
): TDiagnosticDetail => ({
  ...presentSummary(d),
  content: d.content,
  authorship: d.authorship,
  presentation: d.presentation ?? null,
  approval: d.approval ?? null,
  disagreement: d.disagreement ?? null,
  missingForPresentation: missingForPresentation(d.content),
  prefilled: standingPrefill(d.content, d.prefilled),
  evictionProcedure: procedure.record,
  evictionProcedureAsOf: procedure.asOf?.toISOString() ?? null,
});

type ShareRow = Awaited<ReturnType<typeof listSharesOfDiagnostic>>[number];

export const presentShareRecord = (s: ShareRow): z.infer<typeof ZShareRecord> => ({
  id: s.id,
  audience: s.audience,
  organisationId: s.organisationId,
  organisationName: s.organisationName,
  sharedByName: s.sharedByName,
  sharedAt: s.sharedAt.toISOString(),
  diagnosticVersion: s.diagnosticVersion,
});

export const presentSharedVersion = (s: ShareRow): TSharedVersion => ({
  shareId: s.id,
  diagnosticId: s.diagnosticId,
  diagnosticVersion: s.diagnosticVersion,
  audience: s.audience,
  sharedAt: s.sharedAt.toISOString(),
  version: s.snapshot,
});

type CapacityRow = Awaited<ReturnType<typeof listCapacityAssessments>>[number];

export const presentCapacity = ({ row, assessedByName }: CapacityRow): TCapacityAssessment => ({
  id: row.id,
  householdId: row.householdId,
  diagnosticId: row.diagnosticId,
  assessedOn: row.assessedOn,
  scores: row.scores,
  axisAverages: axisAverages(row.scores),
  derivedOpinion: row.derivedOpinion,
  opinion: row.opinion,
  overrideReason: row.overrideReason,
  assessedByName,
  createdAt: row.createdAt.toISOString(),
});
