import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import { ZErrorBody } from '../../shared/contracts/common.ts';
import {
  ZCreateScale,
  ZHousingBenefitBatchInput,
  ZHousingBenefitBatchResult,
  ZHousingBenefitInput,
  ZHousingBenefitResult,
  ZScaleList,
  ZScaleListQuery,
  ZScaleSummary,
} from '../../shared/contracts/calculators.ts';
import { scaleCoverage } from '../../shared/calculators/housing-benefit-scales.ts';
import { FIRST_PERIOD } from '../../shared/calculators/housing-benefit.ts';
import { createScaleStore } from './scales.repository.ts';
import { presentScale } from './calculators.presenter.ts';
import { estimateHousingBenefits } from './use-cases/estimate-housing-benefits.ts';
import { addHousingBenefitScale } from './use-cases/add-housing-benefit-scale.ts';

const tags = ['calculators'];

export async function calculatorsRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  const store = createScaleStore(deps.db);

  app.post(
    '/api/calculators/housing-benefit',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Estimer l’aide au logement (APL, ALF, ALS) d’un ménage locataire, sans rien enregistrer',
        body: ZHousingBenefitInput,
        response: { 200: ZHousingBenefitResult, 400: ZErrorBody, 422: ZErrorBody },
      },
    },
    async (request) => {
      const [item] = await estimateHousingBenefits(store, [request.body]);
      if (item && 'error' in item) throw new AppError('OUT_OF_SCOPE', item.error.message);
      return item!;
    },
  );

  app.post(
    '/api/calculators/housing-benefit/batch',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Estimer l’aide au logement pour une liste de ménages (10 000 au plus) ; un cas hors champ donne { error } à sa place',
        body: ZHousingBenefitBatchInput,
        response: { 200: ZHousingBenefitBatchResult, 400: ZErrorBody },
      },
    },
    async (request) => estimateHousingBenefits(store, request.body),
  );

  app.get(
    '/api/housing-benefit-scales',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Barèmes de l’aide au logement connus (fichiers versionnés et ajouts), avec leurs valeurs si full=true',
        querystring: ZScaleListQuery,
        response: { 200: ZScaleList },
      },
    },
    async (request) => {
      const { scales, set } = await store.get();
      return {
        scales: scales.map((scale) => presentScale(scale, request.query.full)),
        coverage: scaleCoverage(set, FIRST_PERIOD),
      };
    },
  );

  app.post(
    '/api/admin/housing-benefit-scales',
    {
      schema: {
        tags,
        summary:
          'Ajouter un barème publié (administrateur) ; refusé si ses dates chevauchent un barème connu',
        body: ZCreateScale,
        response: { 201: ZScaleSummary, 400: ZErrorBody, 403: ZErrorBody, 409: ZErrorBody },
      },
    },
    async (request, reply) => {
      const scale = await addHousingBenefitScale({
        deps,
        store,
        actor: actorOf(request),
        scale: request.body,
      });
      return reply.status(201).send(presentScale(scale, true));
    },
  );
}
