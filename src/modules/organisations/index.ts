/** Organisations, their management units (agences) and the territories. */
export { organisationsRoutes } from './organisations.routes.ts';
export { departementOf, organisationDepartement } from './territory-tree.ts';
export { organisationName, organisationNames } from './organisation-name.ts';
