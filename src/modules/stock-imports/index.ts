/**
 * Imports of a landlord's exports (ADR 0026): its stock with its tenants (dwellings by reference, their
 * rents, the tenants' direct leases) and its monthly arrears (balances per contract, the tenants crossing
 * its threshold). The balances are read by the eviction-prevention work through `arrearsHistory` (one
 * contract) and `arrearsHistories` (several at once).
 */
export { stockImportsRoutes } from './stock-imports.routes.ts';
export { arrearsHistories, arrearsHistory } from './arrears.repository.ts';
