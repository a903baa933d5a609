import { ZIdParams } from '../contracts/common.ts';
import {
  ZApproval,
  ZAudienceQuery,
  ZCapacityAssessmentCreate,
  ZCapacityHistory,
  ZCapacityRecorded,
  ZDiagnosticCreate,
  ZDiagnosticDetail,
  ZDiagnosticList,
  ZDiagnosticParams,
  ZDiagnosticSave,
  ZDiagnosticSaved,
  ZDisagreement,
  ZPartnerVersion,
  ZPdfQuery,
  ZPresentation,
  ZShareBody,
  ZShareList,
} from '../contracts/diagnostics.ts';
import { ZEvictionStepCreate, ZEvictionStepRecorded } from '../contracts/households.ts';
import type { HouseholdScope } from './define.ts';
import { FILE_RESPONSE, defineRoute } from './define.ts';

const tag = 'diagnostics';
type Level = HouseholdScope['level'];
/** `/api/households/:id/…` */
const household = (level: Level) => ({ param: 'id', level }) as const;
/**
 * The caseworker's own material (the full diagnostic, its previews, the grid): any other party gets
 * the 404 of an unknown record, an unshared diagnostic's existence being itself need-to-know.
 */
const caseworkerOnly = { param: 'id', level: 'caseworker', below: 404 } as const;
/** Writing the diagnostic or the grid: another party is told who may. */
const WRITER_REFUSAL = 'Seul le travailleur social référent du ménage peut rédiger le diagnostic.';
const writing = { param: 'id', level: 'caseworker', refusal: WRITER_REFUSAL } as const;
/** `/api/diagnostics/:id/…`: the household is the diagnostic's. */
const viaDiagnostic = <S extends Omit<HouseholdScope, 'param' | 'via'>>(scope: S) =>
  ({ param: 'id', via: 'diagnostic', ...scope }) as const;

/**
 * The shared diagnostic (briques 1.1–1.5), its partner versions and the capacité à habiter grid.
 * The full diagnostic is the caseworker's; other parties read only the partner versions shared
 * with their organisation (the list and the PDF serve them).
 */
export const DIAGNOSTIC_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/households/:id/diagnostics',
    tag,
    summary: 'Versions du diagnostic (référent) ou versions partagées avec mon organisation',
    params: ZIdParams,
    response: ZDiagnosticList,
    household: household('landlord_summary'),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/households/:id/diagnostics',
    tag,
    summary: 'Ouvrir le diagnostic du ménage (brouillon)',
    params: ZIdParams,
    body: ZDiagnosticCreate,
    response: ZDiagnosticSaved,
    status: 201,
    household: writing,
    errors: [409],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/households/:id/diagnostics/:diagId',
    tag,
    summary: 'Lire le diagnostic complet (référent ; lecture journalisée)',
    params: ZDiagnosticParams,
    response: ZDiagnosticDetail,
    household: caseworkerOnly,
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/diagnostics/:diagId',
    tag,
    summary: 'Enregistrer le brouillon (partiel accepté ; contrôle de version rowVersion)',
    params: ZDiagnosticParams,
    body: ZDiagnosticSave,
    response: ZDiagnosticSaved,
    household: caseworkerOnly,
    errors: [409],
  }),
  present: defineRoute({
    method: 'POST',
    path: '/api/households/:id/diagnostics/:diagId/present',
    tag,
    summary: 'Présenter le diagnostic au ménage (brique 1.2)',
    params: ZDiagnosticParams,
    body: ZPresentation,
    response: ZDiagnosticSaved,
    household: caseworkerOnly,
    errors: [409],
  }),
  approve: defineRoute({
    method: 'POST',
    path: '/api/households/:id/diagnostics/:diagId/approve',
    tag,
    summary: 'Approbation par le ménage (signature ou nom saisi)',
    params: ZDiagnosticParams,
    body: ZApproval,
    response: ZDiagnosticSaved,
    household: caseworkerOnly,
    errors: [409],
  }),
  disagree: defineRoute({
    method: 'POST',
    path: '/api/households/:id/diagnostics/:diagId/disagree',
    tag,
    summary: 'Noter le désaccord du ménage avec ses mots',
    params: ZDiagnosticParams,
    body: ZDisagreement,
    response: ZDiagnosticSaved,
    household: caseworkerOnly,
    errors: [409],
  }),
  newVersion: defineRoute({
    method: 'POST',
    path: '/api/households/:id/diagnostics/:diagId/new-version',
    tag,
    summary: 'Nouvelle version (brouillon copiant une version approuvée ou refusée)',
    params: ZDiagnosticParams,
    response: ZDiagnosticSaved,
    status: 201,
    household: caseworkerOnly,
    errors: [409],
  }),
  recordEvictionStep: defineRoute({
    method: 'POST',
    path: '/api/households/:id/diagnostics/:diagId/eviction-steps',
    tag,
    summary: 'Noter, depuis le diagnostic, une étape de la procédure d’expulsion du ménage',
    params: ZDiagnosticParams,
    body: ZEvictionStepCreate,
    response: ZEvictionStepRecorded,
    status: 201,
    household: caseworkerOnly,
    errors: [409],
  }),
  preview: defineRoute({
    method: 'GET',
    path: '/api/diagnostics/:id/preview',
    tag,
    summary: 'Voir comme le bailleur ou le comité (version partenaire, référent)',
    params: ZIdParams,
    query: ZAudienceQuery,
    response: ZPartnerVersion,
    household: viaDiagnostic(caseworkerOnly),
  }),
  share: defineRoute({
    method: 'POST',
    path: '/api/diagnostics/:id/share',
    tag,
    summary: 'Partager la version partenaire d’un diagnostic approuvé (brique 1.4)',
    params: ZIdParams,
    body: ZShareBody,
    response: ZDiagnosticSaved,
    household: viaDiagnostic(writing),
    errors: [409],
  }),
  shares: defineRoute({
    method: 'GET',
    path: '/api/diagnostics/:id/shares',
    tag,
    summary: 'Qui a reçu quelle version du diagnostic (référent)',
    params: ZIdParams,
    response: ZShareList,
    household: viaDiagnostic(caseworkerOnly),
  }),
  pdf: defineRoute({
    method: 'GET',
    path: '/api/diagnostics/:id/pdf',
    tag,
    summary: 'Export PDF : version ménage (intégrale, référent), bailleur ou comité (export journalisé)',
    params: ZIdParams,
    query: ZPdfQuery,
    response: FILE_RESPONSE,
    household: viaDiagnostic({ level: 'landlord_summary' }),
  }),
  capacityAssessments: defineRoute({
    method: 'GET',
    path: '/api/households/:id/capacity-assessments',
    tag,
    summary: 'Grilles de capacité à habiter du ménage (évolution dans le temps)',
    params: ZIdParams,
    response: ZCapacityHistory,
    household: caseworkerOnly,
  }),
  recordCapacityAssessment: defineRoute({
    method: 'POST',
    path: '/api/households/:id/capacity-assessments',
    tag,
    summary: 'Enregistrer une grille de capacité à habiter (avis « prêt à sortir » confirmé ou motivé)',
    params: ZIdParams,
    body: ZCapacityAssessmentCreate,
    response: ZCapacityRecorded,
    status: 201,
    household: writing,
  }),
};
