import { z } from 'zod';
import { ZId, ZIdParams } from '../contracts/common.ts';
import {
  ZEvaluation,
  ZEvaluationAct,
  ZEvaluationApply,
  ZEvaluationAudienceQuery,
  ZEvaluationCreate,
  ZEvaluationList,
  ZEvaluationParams,
  ZEvaluationShare,
  ZEvaluationSignature,
  ZEvaluationUpdate,
  ZPartnerEvaluation,
  ZPdfVersionQuery,
  ZSharedEvaluation,
  ZMonthlyPoint,
  ZMonthlyPointAct,
  ZMonthlyPointCreate,
  ZMonthlyPointParams,
  ZMonthlyPoints,
  ZMonthlyPointUpdate,
} from '../contracts/evaluations.ts';
import { ZMeasureParams } from '../contracts/measures.ts';
import { FILE_RESPONSE, defineRoute } from './define.ts';

const tag = 'evaluations';
/** The social workers who follow the household prepare, read and validate its monthly points. */
const caseworker = {
  param: 'id',
  level: 'caseworker',
  refusal: 'Seuls les travailleurs sociaux qui accompagnent le ménage font ses points mensuels.',
} as const;

/**
 * The evaluation is the caseworker's: another party gets the 404 of an unknown record (its existence
 * before sharing is need-to-know); writing it, another party is told who may.
 */
const evaluationOnly = { param: 'id', level: 'caseworker', below: 404 } as const;
const evaluationWriter = {
  param: 'id',
  level: 'caseworker',
  refusal: 'Seuls les travailleurs sociaux de l’organisation qui conduit la mesure rédigent ses évaluations.',
} as const;
const ZShareParams = z.object({ id: ZId, shareId: ZId });
const ZFunderShareParams = z.object({ shareId: ZId });

/** Monthly points and evaluations (interim and final) of the measures. */
export const EVALUATION_ROUTES = {
  monthlyPoints: defineRoute({
    method: 'GET',
    path: '/api/households/:id/monthly-points',
    tag,
    summary: 'Points mensuels des mesures du ménage, mois par mois, avec les chiffres du journal',
    params: ZIdParams,
    response: ZMonthlyPoints,
    household: caseworker,
  }),
  prepareMonthlyPoint: defineRoute({
    method: 'POST',
    path: '/api/households/:id/measures/:measureId/monthly-points',
    tag,
    summary: 'Préparer le point mensuel d’un mois (brouillon tiré du journal du mois ; un point par mois)',
    params: ZMeasureParams,
    body: ZMonthlyPointCreate,
    response: ZMonthlyPoint,
    status: 201,
    household: caseworker,
    errors: [409],
  }),
  updateMonthlyPoint: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/monthly-points/:pointId',
    tag,
    summary: 'Compléter le brouillon du point mensuel (à la version lue ; chiffres du journal remis à jour)',
    params: ZMonthlyPointParams,
    body: ZMonthlyPointUpdate,
    response: ZMonthlyPoint,
    household: caseworker,
    errors: [409],
  }),
  validateMonthlyPoint: defineRoute({
    method: 'POST',
    path: '/api/households/:id/monthly-points/:pointId/validate',
    tag,
    summary: 'Valider le point mensuel : ses chiffres sont figés, il ne se modifie plus',
    params: ZMonthlyPointParams,
    body: ZMonthlyPointAct,
    response: ZMonthlyPoint,
    household: caseworker,
    errors: [409],
  }),
  correctMonthlyPoint: defineRoute({
    method: 'POST',
    path: '/api/households/:id/monthly-points/:pointId/correct',
    tag,
    summary: 'Corriger un point validé : une nouvelle version en brouillon, l’ancienne reste',
    params: ZMonthlyPointParams,
    body: ZMonthlyPointAct,
    response: ZMonthlyPoint,
    status: 201,
    household: caseworker,
    errors: [409],
  }),
  evaluations: defineRoute({
    method: 'GET',
    path: '/api/households/:id/evaluations',
    tag,
    summary: 'Évaluations des mesures du ménage (référent) ou versions partagées avec mon organisation',
    params: ZIdParams,
    response: ZEvaluationList,
    household: { param: 'id', level: 'landlord_summary' },
  }),
  prepareEvaluation: defineRoute({
    method: 'POST',
    path: '/api/households/:id/measures/:measureId/evaluations',
    tag,
    summary:
      'Préparer le bilan d’étape ou l’évaluation finale (brouillon tiré du contrat, des points mensuels et de la grille)',
    params: ZMeasureParams,
    body: ZEvaluationCreate,
    response: ZEvaluation,
    status: 201,
    household: evaluationWriter,
    errors: [409],
  }),
  updateEvaluation: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/evaluations/:evaluationId',
    tag,
    summary: 'Compléter le brouillon de l’évaluation (à la version lue)',
    params: ZEvaluationParams,
    body: ZEvaluationUpdate,
    response: ZEvaluation,
    household: evaluationWriter,
    errors: [409],
  }),
  validateEvaluation: defineRoute({
    method: 'POST',
    path: '/api/households/:id/evaluations/:evaluationId/validate',
    tag,
    summary: 'Valider l’évaluation : complète, elle ne se modifie plus',
    params: ZEvaluationParams,
    body: ZEvaluationAct,
    response: ZEvaluation,
    household: evaluationWriter,
    errors: [409],
  }),
  previewEvaluation: defineRoute({
    method: 'GET',
    path: '/api/households/:id/evaluations/:evaluationId/preview',
    tag,
    summary: 'Voir la version bailleur ou financeur avant de la partager',
    params: ZEvaluationParams,
    query: ZEvaluationAudienceQuery,
    response: ZPartnerEvaluation,
    household: evaluationOnly,
  }),
  shareEvaluation: defineRoute({
    method: 'POST',
    path: '/api/households/:id/evaluations/:evaluationId/share',
    tag,
    summary:
      'Partager la version bailleur (bailleurs parties au dossier) ou financeur (financeur du dispositif)',
    params: ZEvaluationParams,
    body: ZEvaluationShare,
    response: ZEvaluation,
    household: evaluationWriter,
    errors: [409],
  }),
  signEvaluation: defineRoute({
    method: 'POST',
    path: '/api/households/:id/evaluations/:evaluationId/signature',
    tag,
    summary: 'Signature du ménage sur la tablette (ou nom saisi devant le travailleur social)',
    params: ZEvaluationParams,
    body: ZEvaluationSignature,
    response: ZEvaluation,
    household: evaluationWriter,
    errors: [409],
  }),
  applyEvaluation: defineRoute({
    method: 'POST',
    path: '/api/households/:id/evaluations/:evaluationId/apply',
    tag,
    summary:
      'Donner suite à l’évaluation finale : renouveler la mesure ou la clore avec l’orientation recommandée',
    params: ZEvaluationParams,
    body: ZEvaluationApply,
    response: ZEvaluation,
    household: evaluationWriter,
    errors: [409],
  }),
  evaluationPdf: defineRoute({
    method: 'GET',
    path: '/api/households/:id/evaluations/:evaluationId/pdf',
    tag,
    summary: 'Export PDF de l’évaluation : version intégrale, bailleur ou financeur (export journalisé)',
    params: ZEvaluationParams,
    query: ZPdfVersionQuery,
    response: FILE_RESPONSE,
    household: evaluationOnly,
  }),
  sharedEvaluationPdf: defineRoute({
    method: 'GET',
    path: '/api/households/:id/evaluation-shares/:shareId/pdf',
    tag,
    summary: 'Export PDF d’une version d’évaluation partagée avec mon organisation',
    params: ZShareParams,
    response: FILE_RESPONSE,
    household: { param: 'id', level: 'landlord_summary' },
  }),
  funderEvaluations: defineRoute({
    method: 'GET',
    path: '/api/funder/evaluations',
    tag,
    summary: 'Versions financeur des évaluations partagées avec mon organisation',
    response: z.object({ items: z.array(ZSharedEvaluation) }),
  }),
  funderEvaluationPdf: defineRoute({
    method: 'GET',
    path: '/api/funder/evaluation-shares/:shareId/pdf',
    tag,
    summary: 'Export PDF d’une version financeur partagée avec mon organisation',
    params: ZFunderShareParams,
    response: FILE_RESPONSE,
  }),
};
