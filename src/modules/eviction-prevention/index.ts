/**
 * Eviction prevention: the household's procedure record read through the public calculator (its legal
 * deadlines, each stage with what the support worker can do), the lease and rent facts and the debt's
 * balances they are computed from, the instruments of prevention used; the facts the alerts read.
 */
export { evictionPreventionRoutes } from './prevention.routes.ts';
export { evictionAlertFacts } from './alert-facts.ts';
