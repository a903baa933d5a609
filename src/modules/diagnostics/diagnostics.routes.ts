import { z } from 'zod';
import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZErrorBody, ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZApproval,
  ZAudienceQuery,
  ZCapacityAssessmentCreate,
  ZCapacityHistory,
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
  ZUrgentActionList,
  READINESS_OPINIONS,
} from '../../shared/contracts/diagnostics.ts';
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
import { prepareDiagnosticPdf } from './use-cases/export-diagnostic-pdf.ts';
import { listMyUrgentActions } from './use-cases/list-my-urgent-actions.ts';
import { recordCapacityAssessment } from './use-cases/record-capacity-assessment.ts';
import { listHouseholdCapacityAssessments } from './use-cases/list-capacity-assessments.ts';
import { renderDiagnosticPdf } from './diagnostic-pdf.ts';
import type { DiagnosticWriteRequest } from './diagnostic-writes.ts';

const tags = ['diagnostics'];
const writeErrors = { 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const ZCapacityRecorded = z.object({
  id: z.string(),
  derivedOpinion: z.enum(READINESS_OPINIONS),
  opinion: z.enum(READINESS_OPINIONS),
});

/** The shared diagnostic (briques 1.1–1.5), its partner versions and the capacité à habiter grid. */
export async function diagnosticsRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  const inTx = <T>(work: (tx: Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0]) => Promise<T>) =>
    deps.db.transaction(work);

  app.get(
    '/api/diagnostics/urgent-actions/mine',
    {
      schema: {
        tags,
        summary: 'Mes actions urgentes ouvertes (diagnostics des ménages que je suis), par échéance',
        response: { 200: ZUrgentActionList },
      },
    },
    async (request) => listMyUrgentActions({ q: deps.db, actor: actorOf(request), now: deps.clock() }),
  );

  app.get(
    '/api/households/:id/diagnostics',
    {
      schema: {
        tags,
        summary: 'Versions du diagnostic (référent) ou versions partagées avec mon organisation',
        params: ZIdParams,
        response: { 200: ZDiagnosticList, 404: ZErrorBody },
      },
    },
    async (request) =>
      inTx((tx) =>
        listDiagnostics({ tx, actor: actorOf(request), householdId: request.params.id, now: deps.clock() }),
      ),
  );

  app.post(
    '/api/households/:id/diagnostics',
    {
      schema: {
        tags,
        summary: 'Ouvrir le diagnostic du ménage (brouillon)',
        params: ZIdParams,
        body: ZDiagnosticCreate,
        response: { 201: ZDiagnosticSaved, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await inTx((tx) =>
        createDiagnostic({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          content: request.body.content,
          now: deps.clock(),
        }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/households/:id/diagnostics/:diagId',
    {
      schema: {
        tags,
        summary: 'Lire le diagnostic complet (référent ; lecture journalisée)',
        params: ZDiagnosticParams,
        response: { 200: ZDiagnosticDetail, 404: ZErrorBody },
      },
    },
    async (request) =>
      inTx((tx) =>
        getDiagnostic({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          diagnosticId: request.params.diagId,
          now: deps.clock(),
        }),
      ),
  );

  /** A write to one diagnostic at the rowVersion read; answers the saved version. */
  const registerWrite = <Input extends { rowVersion: number }>(
    route: { method: 'PUT' | 'POST'; url: string; summary: string; body: z.ZodType<Input> },
    write: (request: DiagnosticWriteRequest<Input>) => Promise<z.infer<typeof ZDiagnosticSaved>>,
  ) =>
    app.route({
      method: route.method,
      url: route.url,
      schema: {
        tags,
        summary: route.summary,
        params: ZDiagnosticParams,
        body: route.body,
        response: { 200: ZDiagnosticSaved, ...writeErrors },
      },
      handler: async (request) => {
        // `body` validated it; the type provider's mapping of a generic schema does not narrow back.
        const input = request.body as Input;
        return inTx((tx) =>
          write({
            tx,
            actor: actorOf(request),
            householdId: request.params.id,
            diagnosticId: request.params.diagId,
            input,
            now: deps.clock(),
          }),
        );
      },
    });

  const diagnosticUrl = '/api/households/:id/diagnostics/:diagId';
  registerWrite(
    {
      method: 'PUT',
      url: diagnosticUrl,
      summary: 'Enregistrer le brouillon (partiel accepté ; contrôle de version rowVersion)',
      body: ZDiagnosticSave,
    },
    saveDiagnosticDraft,
  );
  registerWrite(
    {
      method: 'POST',
      url: `${diagnosticUrl}/present`,
      summary: 'Présenter le diagnostic au ménage (brique 1.2)',
      body: ZPresentation,
    },
    presentDiagnostic,
  );
  registerWrite(
    {
      method: 'POST',
      url: `${diagnosticUrl}/approve`,
      summary: 'Approbation par le ménage (signature ou nom saisi)',
      body: ZApproval,
    },
    approveDiagnostic,
  );
  registerWrite(
    {
      method: 'POST',
      url: `${diagnosticUrl}/disagree`,
      summary: 'Noter le désaccord du ménage avec ses mots',
      body: ZDisagreement,
    },
    recordDiagnosticDisagreement,
  );

  app.post(
    '/api/households/:id/diagnostics/:diagId/new-version',
    {
      schema: {
        tags,
        summary: 'Nouvelle version (brouillon copiant une version approuvée ou refusée)',
        params: ZDiagnosticParams,
        response: { 201: ZDiagnosticSaved, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await inTx((tx) =>
        createDiagnosticVersion({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          diagnosticId: request.params.diagId,
          now: deps.clock(),
        }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/diagnostics/:id/preview',
    {
      schema: {
        tags,
        summary: 'Voir comme le bailleur ou le comité (version partenaire, référent)',
        params: ZIdParams,
        querystring: ZAudienceQuery,
        response: { 200: ZPartnerVersion, 400: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request) =>
      inTx((tx) =>
        previewPartnerVersion({
          tx,
          actor: actorOf(request),
          diagnosticId: request.params.id,
          audience: request.query.audience,
          now: deps.clock(),
        }),
      ),
  );

  app.post(
    '/api/diagnostics/:id/share',
    {
      schema: {
        tags,
        summary: 'Partager la version partenaire d’un diagnostic approuvé (brique 1.4)',
        params: ZIdParams,
        body: ZShareBody,
        response: { 200: ZDiagnosticSaved, ...writeErrors },
      },
    },
    async (request) =>
      inTx((tx) =>
        shareDiagnostic({
          tx,
          actor: actorOf(request),
          diagnosticId: request.params.id,
          audience: request.body.audience,
          organisationIds: request.body.organisationIds,
          now: deps.clock(),
        }),
      ),
  );

  app.get(
    '/api/diagnostics/:id/shares',
    {
      schema: {
        tags,
        summary: 'Qui a reçu quelle version du diagnostic (référent)',
        params: ZIdParams,
        response: { 200: ZShareList, 404: ZErrorBody },
      },
    },
    async (request) =>
      inTx((tx) =>
        listDiagnosticShares({
          tx,
          actor: actorOf(request),
          diagnosticId: request.params.id,
          now: deps.clock(),
        }),
      ),
  );

  app.get(
    '/api/diagnostics/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Export PDF : version ménage (intégrale, référent), bailleur ou comité (export journalisé)',
        params: ZIdParams,
        querystring: ZPdfQuery,
      },
    },
    async (request, reply) => {
      const { input, fileName } = await inTx((tx) =>
        prepareDiagnosticPdf({
          tx,
          actor: actorOf(request),
          diagnosticId: request.params.id,
          version: request.query.version,
          now: deps.clock(),
        }),
      );
      const pdf = await renderDiagnosticPdf(input);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/households/:id/capacity-assessments',
    {
      schema: {
        tags,
        summary: 'Grilles de capacité à habiter du ménage (évolution dans le temps)',
        params: ZIdParams,
        response: { 200: ZCapacityHistory, 404: ZErrorBody },
      },
    },
    async (request) =>
      inTx((tx) =>
        listHouseholdCapacityAssessments({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          now: deps.clock(),
        }),
      ),
  );

  app.post(
    '/api/households/:id/capacity-assessments',
    {
      schema: {
        tags,
        summary: 'Enregistrer une grille de capacité à habiter (avis « prêt à sortir » confirmé ou motivé)',
        params: ZIdParams,
        body: ZCapacityAssessmentCreate,
        response: { 201: ZCapacityRecorded, ...writeErrors },
      },
    },
    async (request, reply) => {
      const created = await inTx((tx) =>
        recordCapacityAssessment({
          tx,
          actor: actorOf(request),
          householdId: request.params.id,
          input: request.body,
          now: deps.clock(),
        }),
      );
      return reply.status(201).send(created);
    },
  );
}
