/** Committees where partners decide together: meetings, agendas built from what waits, decisions. */
export { committeesRoutes } from './committees.routes.ts';
export { listMeetingsBetween, type MeetingSlot } from './use-cases/list-meetings-between.ts';
export { measuresDueAtNextMeetings } from './measures-due.ts';
