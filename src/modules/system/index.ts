/** Health of the running app. */
export { systemRoutes } from './system.routes.ts';
