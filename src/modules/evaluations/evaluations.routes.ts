import type { Routes } from '../../kernel/routes.ts';
import { EVALUATION_ROUTES as R } from '../../shared/routes/evaluations.ts';
import { applyEvaluation } from './use-cases/apply-evaluation.ts';
import { exportEvaluationPdf } from './use-cases/export-evaluation-pdf.ts';
import { exportSharedEvaluationPdf } from './use-cases/export-shared-evaluation-pdf.ts';
import { listEvaluations } from './use-cases/list-evaluations.ts';
import { listFunderEvaluations } from './use-cases/list-funder-evaluations.ts';
import { prepareEvaluation } from './use-cases/prepare-evaluation.ts';
import { previewEvaluation } from './use-cases/preview-evaluation.ts';
import { shareEvaluation } from './use-cases/share-evaluation.ts';
import { signEvaluation } from './use-cases/sign-evaluation.ts';
import { updateEvaluation } from './use-cases/update-evaluation.ts';
import { validateEvaluation } from './use-cases/validate-evaluation.ts';
import { correctMonthlyPoint } from './use-cases/correct-monthly-point.ts';
import { listMonthlyPoints } from './use-cases/list-monthly-points.ts';
import { prepareMonthlyPoint } from './use-cases/prepare-monthly-point.ts';
import { updateMonthlyPoint } from './use-cases/update-monthly-point.ts';
import { validateMonthlyPoint } from './use-cases/validate-monthly-point.ts';

/** Monthly points and evaluations of the measures (transport only). */
export function evaluationsRoutes(routes: Routes): void {
  routes.add(R.monthlyPoints, (ctx, { params }) => listMonthlyPoints(ctx, params.id));
  routes.add(R.prepareMonthlyPoint, (ctx, { params, body }) =>
    prepareMonthlyPoint(ctx, { householdId: params.id, measureId: params.measureId, ...body }),
  );
  const onPoint = (params: { id: string; pointId: string }) => ({
    householdId: params.id,
    pointId: params.pointId,
  });
  routes.add(R.updateMonthlyPoint, (ctx, { params, body }) =>
    updateMonthlyPoint(ctx, { ...onPoint(params), ...body }),
  );
  routes.add(R.validateMonthlyPoint, (ctx, { params, body }) =>
    validateMonthlyPoint(ctx, { ...onPoint(params), ...body }),
  );
  routes.add(R.correctMonthlyPoint, (ctx, { params, body }) =>
    correctMonthlyPoint(ctx, { ...onPoint(params), ...body }),
  );

  routes.add(R.evaluations, (ctx, { params }) => listEvaluations(ctx, params.id));
  routes.add(R.prepareEvaluation, (ctx, { params, body }) =>
    prepareEvaluation(ctx, { householdId: params.id, measureId: params.measureId, kind: body.kind }),
  );
  const onEvaluation = (params: { id: string; evaluationId: string }) => ({
    householdId: params.id,
    evaluationId: params.evaluationId,
  });
  routes.add(R.updateEvaluation, (ctx, { params, body }) =>
    updateEvaluation(ctx, { ...body, ...onEvaluation(params) }),
  );
  routes.add(R.validateEvaluation, (ctx, { params, body }) =>
    validateEvaluation(ctx, { ...onEvaluation(params), rowVersion: body.rowVersion }),
  );
  routes.add(R.previewEvaluation, (ctx, { params, query }) =>
    previewEvaluation(ctx, { ...onEvaluation(params), audience: query.audience }),
  );
  routes.add(R.shareEvaluation, (ctx, { params, body }) =>
    shareEvaluation(ctx, { ...onEvaluation(params), ...body }),
  );
  routes.add(R.signEvaluation, (ctx, { params, body }) =>
    signEvaluation(ctx, { ...body, ...onEvaluation(params) }),
  );
  routes.add(R.applyEvaluation, (ctx, { params, body }) =>
    applyEvaluation(ctx, { ...body, ...onEvaluation(params) }),
  );
  routes.add(R.evaluationPdf, (ctx, { params, query }) =>
    exportEvaluationPdf(ctx, { ...onEvaluation(params), version: query.version }),
  );
  routes.add(R.sharedEvaluationPdf, (ctx, { params }) =>
    exportSharedEvaluationPdf(ctx, { householdId: params.id, shareId: params.shareId }),
  );
  routes.add(R.funderEvaluations, (ctx) => listFunderEvaluations(ctx));
  routes.add(R.funderEvaluationPdf, (ctx, { params }) =>
    exportSharedEvaluationPdf(ctx, { shareId: params.shareId }),
  );
}
