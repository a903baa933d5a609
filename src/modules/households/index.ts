/**
 * The households module's front door: the household file and its parts, the parties and consents
 * that ground every organisation's access, and the access guard the other household-scoped
 * modules call.
 */
export {
  requireHouseholdAccess,
  activeParties,
  partyIsCurrent,
  householdIdVisibleTo,
  householdVisibleTo,
  householdAccessPort,
} from './access-guard.ts';
export { addParty } from './parties.repository.ts';
export { createHousehold } from './use-cases/create-household.ts';
export { recordEvictionStep } from './use-cases/record-eviction-step.ts';
export { recordRentArrears } from './use-cases/record-rent-arrears.ts';
export { recordHouseholdAgreement } from './use-cases/record-household-agreement.ts';
export { communeOfAddress } from './household-input.ts';
export {
  evictionProcedureOf,
  householdMemberNames,
  unsafeLoadHouseholdFile,
  type HouseholdFile,
} from './households.repository.ts';
export { noteRows } from './notes.repository.ts';
export { householdSearchText } from './search-text.ts';
export { householdsRoutes, type HouseholdsPorts } from './households.routes.ts';
export type { WatchStatusPort } from './use-cases/list-households.ts';
