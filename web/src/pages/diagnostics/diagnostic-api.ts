import type { z } from 'zod';
import type {
  ZCapacityAssessment,
  ZCapacityHistory,
  ZDiagnosticList,
  ZDiagnosticSaved,
  ZDiagnosticSummary,
  ZShareList,
  ZSharedVersion,
  ZUrgentActionList,
} from '@shared/contracts/diagnostics.ts';

/** Paths of the diagnostic endpoints (src/modules/diagnostics/diagnostics.routes.ts). */
export const diagnosticPaths = (householdId: string) => {
  const list = `/api/households/${householdId}/diagnostics`;
  return {
    list,
    capacity: `/api/households/${householdId}/capacity-assessments`,
    parties: `/api/households/${householdId}/parties`,
    detail: (diagId: string) => `${list}/${diagId}`,
    step: (diagId: string, step: 'present' | 'approve' | 'disagree' | 'new-version') =>
      `${list}/${diagId}/${step}`,
  };
};

export const diagnosticGlobalPaths = (diagId: string) => ({
  preview: `/api/diagnostics/${diagId}/preview`,
  share: `/api/diagnostics/${diagId}/share`,
  shares: `/api/diagnostics/${diagId}/shares`,
  pdf: (version: 'household' | 'landlord' | 'committee') =>
    `/api/diagnostics/${diagId}/pdf?version=${version}`,
});

export const URGENT_ACTIONS_PATH = '/api/diagnostics/urgent-actions/mine';

export type TDiagnosticList = z.infer<typeof ZDiagnosticList>;
export type TDiagnosticSummary = z.infer<typeof ZDiagnosticSummary>;
export type TDiagnosticSaved = z.infer<typeof ZDiagnosticSaved>;
export type TSharedVersion = z.infer<typeof ZSharedVersion>;
export type TShareList = z.infer<typeof ZShareList>;
export type TCapacityHistory = z.infer<typeof ZCapacityHistory>;
export type TCapacityAssessment = z.infer<typeof ZCapacityAssessment>;
export type TUrgentActionList = z.infer<typeof ZUrgentActionList>;

/** Today as YYYY-MM-DD in the user's time zone (default date of the forms). */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
