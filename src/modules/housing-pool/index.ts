/**
 * The pool of households ready to leave (issue 12 point 1): each household's housing project, opened
 * on a capacity grid confirmed ready into the pool of a SIAO or association, and the pool it holds.
 */
export { housingPoolRoutes } from './housing-pool.routes.ts';
export type { PoolAllocationsPort } from './use-cases/list-pool.ts';
export { findProject, poolHolderIds } from './housing-pool.repository.ts';
