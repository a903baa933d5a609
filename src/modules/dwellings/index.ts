/**
 * Dwellings: the housing stock households occupy (address, commune, landlord, management unit,
 * typology, surface). Tenancies, in the households module, link a household to a dwelling.
 */
export { insertDwelling, updateDwelling, type DwellingValues } from './dwellings.repository.ts';
