/**
 * The enumerations of the housing stock and of occupancy contracts, with their French labels: shared by
 * the dwellings and leases modules, their imports and the web client.
 */

/** How the construction of a dwelling was financed (decides its rent ceiling and who may live there). */
export const DWELLING_FINANCINGS = ['plai', 'plus', 'pls', 'private_conventioned', 'private'] as const;
export type DwellingFinancing = (typeof DWELLING_FINANCINGS)[number];
export const DWELLING_FINANCING_LABELS: Record<DwellingFinancing, string> = {
  plai: 'PLAI',
  plus: 'PLUS',
  pls: 'PLS',
  private_conventioned: 'Parc privé conventionné',
  private: 'Parc privé',
};

export const DWELLING_STATUSES = ['vacant', 'let', 'works', 'made_available'] as const;
export type DwellingStatus = (typeof DWELLING_STATUSES)[number];
export const DWELLING_STATUS_LABELS: Record<DwellingStatus, string> = {
  vacant: 'Vacant',
  let: 'Loué',
  works: 'En travaux',
  made_available: 'Mis à disposition d’une association',
};

export const DWELLING_ACCESSIBILITIES = ['not_accessible', 'adaptable', 'wheelchair_accessible'] as const;
export type DwellingAccessibility = (typeof DWELLING_ACCESSIBILITIES)[number];
export const DWELLING_ACCESSIBILITY_LABELS: Record<DwellingAccessibility, string> = {
  not_accessible: 'Non accessible',
  adaptable: 'Adaptable',
  wheelchair_accessible: 'Accessible en fauteuil roulant',
};

/**
 * The kinds of occupancy contract. For the sublease kinds an association (the intermediary) holds the
 * main lease and sublets to the household; under a management mandate it manages for the owner.
 */
export const OCCUPANCY_KINDS = [
  'direct_lease',
  'sublease',
  'bail_glissant',
  'transit',
  'transit_glissant',
  'bail_accompagne',
  'management_mandate',
  'bail_sauvegarde',
] as const;
export type OccupancyKind = (typeof OCCUPANCY_KINDS)[number];
export const OCCUPANCY_KIND_LABELS: Record<OccupancyKind, string> = {
  direct_lease: 'Bail direct',
  sublease: 'Sous-location sans glissement',
  bail_glissant: 'Bail glissant',
  transit: 'Bail de transit (ALT)',
  transit_glissant: 'Transit-glissant',
  bail_accompagne: 'Bail accompagné',
  management_mandate: 'Mandat de gestion',
  bail_sauvegarde: 'Bail de sauvegarde',
};
/** The kinds where an association holds the main lease and the household sublets. */
export const SUBLEASE_KINDS: readonly OccupancyKind[] = [
  'sublease',
  'bail_glissant',
  'transit',
  'transit_glissant',
  'bail_sauvegarde',
];
/** The kinds whose lease may slide to the household (review date, by default 12 months after the start). */
export const SLIDING_KINDS: readonly OccupancyKind[] = ['bail_glissant', 'transit_glissant'];

/** Who the lessor is: it decides, among other things, whether the CCAPEX must be referred before an assignation. */
export const LESSOR_KINDS = ['legal_person', 'natural_person'] as const;
export type LessorKind = (typeof LESSOR_KINDS)[number];
export const LESSOR_KIND_LABELS: Record<LessorKind, string> = {
  legal_person: 'Personne morale (bailleur social, société…)',
  natural_person: 'Personne physique ou SCI familiale',
};

export const OCCUPANCY_STATUSES = ['draft', 'active', 'ended'] as const;
export type OccupancyStatus = (typeof OCCUPANCY_STATUSES)[number];
export const OCCUPANCY_STATUS_LABELS: Record<OccupancyStatus, string> = {
  draft: 'En préparation',
  active: 'En cours',
  ended: 'Terminé',
};
