import { z } from 'zod';
import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZErrorBody, ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZBudget,
  ZBudgetCalculatorInput,
  ZBudgetCalculatorResult,
  ZBudgetConvention,
  ZBudgetConventionCreate,
  ZBudgetConventionList,
  ZBudgetConventionQuery,
  ZScenario,
  ZScenarioCreate,
  ZScenarioParams,
  ZScenarioUpdate,
} from '../../shared/contracts/budget.ts';
import { getHouseholdBudget } from './use-cases/get-household-budget.ts';
import { createBudgetScenario } from './use-cases/create-budget-scenario.ts';
import { updateBudgetScenario } from './use-cases/update-budget-scenario.ts';
import { deleteBudgetScenario } from './use-cases/delete-budget-scenario.ts';
import { calculateBudget } from './use-cases/calculate-budget.ts';
import { addBudgetConvention } from './use-cases/add-budget-convention.ts';
import { listBudgetConventions } from './use-cases/list-budget-conventions.ts';

const tags = ['budget'];
const errors = { 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export async function budgetRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/households/:id/budget',
    {
      schema: {
        tags,
        summary:
          'Budget du ménage : ressources, dépenses, dettes, taux d’effort et reste à vivre actuels et pour chaque logement cible (lecture journalisée)',
        params: ZIdParams,
        response: { 200: ZBudget, 404: ZErrorBody },
      },
    },
    async (request) => getHouseholdBudget({ deps, actor: actorOf(request), householdId: request.params.id }),
  );

  app.post(
    '/api/households/:id/budget/scenarios',
    {
      schema: {
        tags,
        summary: 'Enregistrer un logement cible (« et si… ») pour le budget du ménage',
        params: ZIdParams,
        body: ZScenarioCreate,
        response: { 201: ZScenario, ...errors },
      },
    },
    async (request, reply) => {
      const scenario = await createBudgetScenario({
        deps,
        actor: actorOf(request),
        householdId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(scenario);
    },
  );

  app.put(
    '/api/households/:id/budget/scenarios/:scenarioId',
    {
      schema: {
        tags,
        summary: 'Modifier un logement cible (rowVersion lu obligatoire ; 409 s’il a changé entre-temps)',
        params: ZScenarioParams,
        body: ZScenarioUpdate,
        response: { 200: ZScenario, ...errors, 409: ZErrorBody },
      },
    },
    async (request) =>
      updateBudgetScenario({
        deps,
        actor: actorOf(request),
        householdId: request.params.id,
        scenarioId: request.params.scenarioId,
        input: request.body,
      }),
  );

  app.delete(
    '/api/households/:id/budget/scenarios/:scenarioId',
    {
      schema: {
        tags,
        summary: 'Supprimer un logement cible',
        params: ZScenarioParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteBudgetScenario({
        deps,
        actor: actorOf(request),
        householdId: request.params.id,
        scenarioId: request.params.scenarioId,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/calculators/budget',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Calculer, sans rien enregistrer, l’aide au logement, les charges, le taux d’effort et le reste à vivre d’un logement cible',
        body: ZBudgetCalculatorInput,
        response: { 200: ZBudgetCalculatorResult, 400: ZErrorBody },
      },
    },
    async (request) => calculateBudget({ deps, input: request.body }),
  );

  app.get(
    '/api/admin/budget-conventions',
    {
      schema: {
        tags,
        summary:
          'Conventions budgétaires datées du département de l’organisation (administrateur), et la convention par défaut',
        querystring: ZBudgetConventionQuery,
        response: { 200: ZBudgetConventionList, ...errors },
      },
    },
    async (request) =>
      listBudgetConventions({ deps, actor: actorOf(request), territoryId: request.query.territoryId }),
  );

  app.post(
    '/api/admin/budget-conventions',
    {
      schema: {
        tags,
        summary:
          'Ajouter une convention budgétaire datée pour un département (administrateur d’une organisation de ce département) ; refusée si ses dates en chevauchent une autre',
        body: ZBudgetConventionCreate,
        response: { 201: ZBudgetConvention, ...errors, 409: ZErrorBody },
      },
    },
    async (request, reply) => {
      const convention = await addBudgetConvention({ deps, actor: actorOf(request), input: request.body });
      return reply.status(201).send(convention);
    },
  );
}
