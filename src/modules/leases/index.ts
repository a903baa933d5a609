/**
 * Leases: occupancy contracts of dwellings (direct leases, subleases with or without sliding, transit,
 * management mandates, baux de sauvegarde), their events and their sliding.
 */
export { leasesRoutes } from './leases.routes.ts';
export { slideContract, type SlideHooks } from './use-cases/slide-contract.ts';
export { createContract } from './use-cases/create-contract.ts';
export { activateContract } from './use-cases/activate-contract.ts';
export { recordContractEvent } from './use-cases/record-contract-event.ts';
export { evaluateSliding } from './use-cases/evaluate-sliding.ts';
export { contractToRefer, referredContractPort, type ContractToRefer } from './use-cases/link-household.ts';
