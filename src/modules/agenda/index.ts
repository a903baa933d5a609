/** The agenda: planned appointments, a social worker's week and the personal calendar feed. */
export { agendaRoutes } from './agenda.routes.ts';
