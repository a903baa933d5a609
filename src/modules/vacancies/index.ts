/**
 * Vacancies (issue 12 point 2): a landlord publishes a free dwelling of its stock with its reservation
 * channel, answer deadline and visits; the SIAO and associations holding a pool in the dwelling's
 * département are notified and list the open vacancies. For the matching module: a vacancy read (and
 * locked), and its close when the commission allocates the dwelling.
 */
export { vacanciesRoutes } from './vacancies.routes.ts';
export { vacancyWithDwelling } from './vacancies.repository.ts';
export { closeAllocatedVacancy } from './use-cases/end-vacancy.ts';
export { findVacancy, vacanciesByIds, type ListedVacancy } from './vacancies.repository.ts';
