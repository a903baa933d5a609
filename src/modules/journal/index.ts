/** The case journal (journal d'accompagnement) of a household and its timeline across the modules. */
export { journalRoutes } from './journal.routes.ts';
export {
  recordWorkshopAttendance,
  type WorkshopAttendanceInput,
} from './use-cases/record-workshop-attendance.ts';
export { recordPermanenceVisit, type PermanenceVisitInput } from './use-cases/record-permanence-visit.ts';
export { measureActivities } from './journal.repository.ts';
