import type { Routes } from '../../kernel/routes.ts';
import { VACANCY_ROUTES as R } from '../../shared/routes/vacancies.ts';
import { endVacancy } from './use-cases/end-vacancy.ts';
import { getVacancy } from './use-cases/get-vacancy.ts';
import { listVacancies } from './use-cases/list-vacancies.ts';
import { publishVacancy } from './use-cases/publish-vacancy.ts';

/** Vacancies of dwellings (transport only). */
export function vacanciesRoutes(routes: Routes): void {
  routes.add(R.list, (ctx) => listVacancies(ctx));
  routes.add(R.get, (ctx, { params }) => getVacancy(ctx, params.id));
  routes.add(R.publish, (ctx, { body }) => publishVacancy(ctx, body));
  routes.add(R.withdraw, (ctx, { params, body }) => endVacancy(ctx, params.id, 'withdrawn', body));
  routes.add(R.close, (ctx, { params, body }) => endVacancy(ctx, params.id, 'closed', body));
}
