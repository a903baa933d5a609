import type { Routes } from '../../kernel/routes.ts';
import { DESIGNATION_ROUTES as R } from '../../shared/routes/designations.ts';
import { answerProposal } from './use-cases/answer-proposal.ts';
import { designate } from './use-cases/designate.ts';
import { listHouseholdProposals, listVacancyProposals } from './use-cases/list-proposals.ts';
import { recordDecision } from './use-cases/record-decision.ts';

/** Designations on vacancies and the proposals' outcome (transport only); reads land with their audit entries. */
export function designationsRoutes(routes: Routes): void {
  routes.add(R.designate, (ctx, { params, body }) => designate(ctx, params.id, body));
  routes.add(R.vacancyProposals, (ctx, { params }) => listVacancyProposals(ctx, params.id), {
    transaction: true,
  });
  routes.add(R.householdProposals, (ctx, { params }) => listHouseholdProposals(ctx, params.householdId), {
    transaction: true,
  });
  routes.add(R.answer, (ctx, { params, body }) => answerProposal(ctx, params.proposalId, body));
  routes.add(R.decision, (ctx, { params, body }) => recordDecision(ctx, params.proposalId, body));
}
