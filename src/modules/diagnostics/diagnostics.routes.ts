import type { Routes } from '../../kernel/routes.ts';
import { DIAGNOSTIC_ROUTES as R } from '../../shared/routes/diagnostics.ts';
import { createDiagnostic } from './use-cases/create-diagnostic.ts';
import { saveDiagnosticDraft } from './use-cases/save-diagnostic-draft.ts';
import { presentDiagnostic } from './use-cases/present-diagnostic.ts';
import { approveDiagnostic } from './use-cases/approve-diagnostic.ts';
import { recordDiagnosticDisagreement } from './use-cases/record-diagnostic-disagreement.ts';
import { createDiagnosticVersion } from './use-cases/create-diagnostic-version.ts';
import { getDiagnostic } from './use-cases/get-diagnostic.ts';
import { listDiagnostics } from './use-cases/list-diagnostics.ts';
import { previewPartnerVersion } from './use-cases/preview-partner-version.ts';
import { shareDiagnostic } from './use-cases/share-diagnostic.ts';
import { listDiagnosticShares } from './use-cases/list-diagnostic-shares.ts';
import { exportDiagnosticPdf } from './use-cases/export-diagnostic-pdf.ts';
import { recordDiagnosticEvictionStep } from './use-cases/record-diagnostic-eviction-step.ts';
import { recordCapacityAssessment } from './use-cases/record-capacity-assessment.ts';
import { listHouseholdCapacityAssessments } from './use-cases/list-capacity-assessments.ts';
import type { DiagnosticRef } from './diagnostic-writes.ts';

/** `/api/households/:id/diagnostics/:diagId` names the household and the diagnostic. */
const ref = (params: { id: string; diagId: string }): DiagnosticRef => ({
  householdId: params.id,
  diagnosticId: params.diagId,
});

/**
 * The shared diagnostic, its partner versions and the capacity grid (transport only: each route
 * calls one use case). The audited reads run in a transaction: a read and its entry land together.
 */
export function diagnosticsRoutes(routes: Routes): void {
  const audited = { transaction: true };
  routes.add(R.list, (ctx, { params }) => listDiagnostics(ctx, params.id), audited);
  routes.add(R.create, (ctx, { params, body }) =>
    createDiagnostic(ctx, { householdId: params.id, content: body.content }),
  );
  routes.add(R.get, (ctx, { params }) => getDiagnostic(ctx, ref(params)), audited);
  routes.add(R.save, (ctx, { params, body }) => saveDiagnosticDraft(ctx, { ...ref(params), ...body }));
  routes.add(R.present, (ctx, { params, body }) => presentDiagnostic(ctx, { ...ref(params), ...body }));
  routes.add(R.approve, (ctx, { params, body }) => approveDiagnostic(ctx, { ...ref(params), ...body }));
  routes.add(R.disagree, (ctx, { params, body }) =>
    recordDiagnosticDisagreement(ctx, { ...ref(params), ...body }),
  );
  routes.add(R.newVersion, (ctx, { params }) => createDiagnosticVersion(ctx, ref(params)));
  routes.add(R.recordEvictionStep, (ctx, { params, body }) =>
    recordDiagnosticEvictionStep(ctx, { ...ref(params), ...body }),
  );
  routes.add(
    R.preview,
    (ctx, { params, query }) =>
      previewPartnerVersion(ctx, { diagnosticId: params.id, audience: query.audience }),
    audited,
  );
  routes.add(R.share, (ctx, { params, body }) => shareDiagnostic(ctx, { diagnosticId: params.id, ...body }));
  routes.add(R.shares, (ctx, { params }) => listDiagnosticShares(ctx, params.id), audited);
  routes.add(
    R.pdf,
    (ctx, { params, query }) => exportDiagnosticPdf(ctx, { diagnosticId: params.id, version: query.version }),
    audited,
  );
  routes.add(
    R.capacityAssessments,
    (ctx, { params }) => listHouseholdCapacityAssessments(ctx, params.id),
    audited,
  );
  routes.add(R.recordCapacityAssessment, (ctx, { params, body }) =>
    recordCapacityAssessment(ctx, { householdId: params.id, ...body }),
  );
}
