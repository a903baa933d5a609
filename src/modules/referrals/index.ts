/** Referrals (saisines) between landlords, associations and the SIAO. */
export { referralRoutes } from './referrals.routes.ts';
export { referralEventsOfHousehold } from './referrals.repository.ts';
export { createReferral, type ReferredContractPort } from './use-cases/create-referral.ts';
