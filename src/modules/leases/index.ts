/**
 * Leases: occupancy contracts of dwellings (direct leases, subleases with or without sliding, transit,
 * management mandates, baux de sauvegarde), their events and their sliding.
 */
export {};
