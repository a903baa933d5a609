import { ZIdParams } from '../contracts/common.ts';
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
} from '../contracts/budget.ts';
import { defineRoute } from './define.ts';

const tag = 'budget';
/** The budget is shared data of the file: a landlord (summary level) gets the 404 of an unknown file. */
const household = { param: 'id', level: 'party', below: 404 } as const;

/** The household budget, its target dwellings, the public budget calculator and the conventions. */
export const BUDGET_ROUTES = {
  get: defineRoute({
    method: 'GET',
    path: '/api/households/:id/budget',
    tag,
    summary:
      'Budget du ménage : ressources, dépenses, dettes, taux d’effort et reste à vivre actuels et pour chaque logement cible (lecture journalisée)',
    params: ZIdParams,
    response: ZBudget,
    household,
  }),
  createScenario: defineRoute({
    method: 'POST',
    path: '/api/households/:id/budget/scenarios',
    tag,
    summary: 'Enregistrer un logement cible (« et si… ») pour le budget du ménage',
    params: ZIdParams,
    body: ZScenarioCreate,
    response: ZScenario,
    status: 201,
    household,
  }),
  updateScenario: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/budget/scenarios/:scenarioId',
    tag,
    summary: 'Modifier un logement cible (rowVersion lu obligatoire ; 409 s’il a changé entre-temps)',
    params: ZScenarioParams,
    body: ZScenarioUpdate,
    response: ZScenario,
    household,
    errors: [409],
  }),
  deleteScenario: defineRoute({
    method: 'DELETE',
    path: '/api/households/:id/budget/scenarios/:scenarioId',
    tag,
    summary: 'Supprimer un logement cible',
    params: ZScenarioParams,
    response: null,
    household,
  }),
  calculate: defineRoute({
    method: 'POST',
    path: '/api/calculators/budget',
    tag,
    summary:
      'Calculer, sans rien enregistrer, l’aide au logement, les charges, le taux d’effort et le reste à vivre d’un logement cible',
    access: 'public',
    body: ZBudgetCalculatorInput,
    response: ZBudgetCalculatorResult,
  }),
  conventions: defineRoute({
    method: 'GET',
    path: '/api/admin/budget-conventions',
    tag,
    summary:
      'Conventions budgétaires datées du département de l’organisation (administrateur), et la convention par défaut',
    query: ZBudgetConventionQuery,
    response: ZBudgetConventionList,
  }),
  addConvention: defineRoute({
    method: 'POST',
    path: '/api/admin/budget-conventions',
    tag,
    summary:
      'Ajouter une convention budgétaire datée pour un département (administrateur d’une organisation de ce département) ; refusée si ses dates en chevauchent une autre',
    body: ZBudgetConventionCreate,
    response: ZBudgetConvention,
    status: 201,
    errors: [409],
  }),
};
