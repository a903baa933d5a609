/** Drop-in sessions (permanences): recurring slots, walk-in visits, their conversion into a referral or a file. */
export { permanencesRoutes } from './permanences.routes.ts';
