/** The support contract of a measure: generated, edited as a draft, signed by every party, amended by versions. */
export { supportContractsRoutes } from './support-contracts.routes.ts';
export {
  contractSignaturesOf,
  latestContractVersion,
  objectivesInForce,
} from './support-contracts.repository.ts';
