/** Referrals (saisines) between landlords, associations and the SIAO. */
export { referralRoutes } from './referrals.routes.ts';
export { referralEventsOfHousehold } from './referrals.repository.ts';
export { createReferral } from './use-cases/create-referral.ts';
