/** Collective workshops (ateliers collectifs): sessions, invitations and attendance written to each household's journal. */
export { workshopsRoutes } from './workshops.routes.ts';
