import { TYPOLOGY_LABELS, type Typology } from '../contracts/household-enums.ts';

/**
 * Adequacy of a dwelling to a household (allocation-rules.md §2.2–2.4), for the matching's hard
 * filters and its typology signal (not wired yet). Pure. The legal bounds are hard: a dwelling under
 * the minimum surface for the household's size is over-occupied (the housing aid is not opened),
 * one with more main rooms than occupants + 1 is under-occupied. The usual typology by household is
 * landlord practice: a configurable table, its mismatch a soft signal with a reason.
 */

/** CCH R822-25: 9 m² alone, 16 m² for two, 9 m² more per person, 70 m² from 8 persons. */
export const SURFACE_RULE = {
  single: 9,
  couple: 16,
  perExtraPerson: 9,
  cap: 70,
  reference: 'CCH R822-25',
} as const;

/** The minimum habitable surface (m²) for `persons` occupants (§2.2). */
export function minimumSurface(persons: number): number {
  if (persons <= 1) return SURFACE_RULE.single;
  return Math.min(SURFACE_RULE.couple + SURFACE_RULE.perExtraPerson * (persons - 2), SURFACE_RULE.cap);
}

/** Over-occupied (surpeuplé): below the minimum surface for the household's size. */
export function overOccupation(
  surface: number,
  persons: number,
): { overOccupied: boolean; minimum: number; reason: string } {
  const minimum = minimumSurface(persons);
  const overOccupied = surface < minimum;
  const reason = overOccupied
    ? `Surface de ${surface} m² inférieure au minimum de ${minimum} m² pour ${persons} personne${persons > 1 ? 's' : ''} (${SURFACE_RULE.reference}) : logement suroccupé.`
    : `Surface de ${surface} m² au moins égale au minimum de ${minimum} m² pour ${persons} personne${persons > 1 ? 's' : ''} (${SURFACE_RULE.reference}).`;
  return { overOccupied, minimum, reason };
}

/** Main rooms of a typology (T6 stands for six rooms or more: its lower bound). */
export const typologyRooms = (typology: Typology): number => Number(typology.slice(1));

/** CCH L621-2: under-occupied when the main rooms exceed the occupants plus one. */
export const isUnderOccupied = (rooms: number, persons: number): boolean => rooms > persons + 1;

/** The household as the usual-typology table reads it. */
export interface HouseholdSize {
  persons: number;
  /** Personnes à charge among them: tells one adult with a child from a couple. */
  dependants: number;
}

/**
 * Usual typologies by household (§2.4, landlord practice): keyed by persons, `2_with_child` for one
 * adult with one dependant, the last key for that many persons and more. A landlord's own table
 * (its CALEOL rules) replaces it.
 */
export type UsualTypologies = Record<string, readonly Typology[]>;
export const DEFAULT_USUAL_TYPOLOGIES: UsualTypologies = {
  '1': ['t1', 't2'],
  '2': ['t2'],
  '2_with_child': ['t2', 't3'],
  '3': ['t3'],
  '4': ['t3', 't4'],
  '5': ['t4', 't5'],
  '6': ['t5'],
  '7': ['t5', 't6'],
};

/** The usual typologies for a household under a table (§2.4). */
export function usualTypologies(
  household: HouseholdSize,
  table: UsualTypologies = DEFAULT_USUAL_TYPOLOGIES,
): readonly Typology[] {
  if (household.persons === 2 && household.dependants === 1 && table['2_with_child']) {
    return table['2_with_child'];
  }
  const largest = Math.max(...Object.keys(table).map((k) => Number.parseInt(k, 10)));
  return table[String(Math.min(household.persons, largest))] ?? [];
}

export interface TypologyFit {
  /** Hard: false when the dwelling would be under-occupied from day one (L621-2). */
  withinLegalBounds: boolean;
  /** Soft: the typology is among the usual ones for this household. */
  usual: boolean;
  reason: string;
}

/** Whether the typology is a usual one for the household within the legal bounds (typologyFit's `usual`, without its words). */
export const isUsualTypology = (
  household: HouseholdSize,
  typology: Typology,
  table: UsualTypologies = DEFAULT_USUAL_TYPOLOGIES,
): boolean =>
  !isUnderOccupied(typologyRooms(typology), household.persons) &&
  usualTypologies(household, table).includes(typology);

/** How a dwelling's typology fits a household: the legal bound, then the usual table (§2.3–2.4). */
export function typologyFit(
  household: HouseholdSize,
  typology: Typology,
  table: UsualTypologies = DEFAULT_USUAL_TYPOLOGIES,
): TypologyFit {
  const label = TYPOLOGY_LABELS[typology];
  const n = household.persons;
  const who = `${n} personne${n > 1 ? 's' : ''}`;
  if (isUnderOccupied(typologyRooms(typology), n)) {
    return {
      withinLegalBounds: false,
      usual: false,
      reason: `Un ${label} pour ${who} serait sous-occupé : plus de pièces principales que d’occupants plus une (CCH L621-2).`,
    };
  }
  const usual = usualTypologies(household, table);
  const expected = usual.map((t) => TYPOLOGY_LABELS[t]).join(' ou ');
  return usual.includes(typology)
    ? { withinLegalBounds: true, usual: true, reason: `${label} : typologie habituelle pour ${who}.` }
    : {
        withinLegalBounds: true,
        usual: false,
        reason: `${label} : hors des typologies habituelles pour ${who} (${expected || 'aucune indiquée'}), sans obstacle légal.`,
      };
}
