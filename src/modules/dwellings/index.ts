/**
 * Dwellings: a landlord's housing stock (address, commune and EPCI, typology, surface, floor, lift,
 * accessibility, financing, status) and its dated rents, managed by the landlord's staff. Tenancies, in
 * the households module, link a household to a dwelling; occupancy contracts are the leases module's.
 */
export { dwellingsRoutes } from './dwellings.routes.ts';
export {
  findDwelling,
  insertDwelling,
  rentsInForce,
  updateDwelling,
  type DwellingValues,
} from './dwellings.repository.ts';
export { requireStockRight } from './dwelling-access.ts';
