import type { CeilingZone } from '../calculators/social-housing-ceilings.ts';

/**
 * The resource-ceiling zone of a dwelling's commune (allocation-rules.md §1.4, §7.6 `zoneOfCommune`):
 * Paris and its communes limitrophes, the rest of Île-de-France, the other regions. The zone is the
 * dwelling's, never the household's. Overseas départements have their own ceilings: no zone here, and
 * the ceiling filter says so rather than guess.
 */

/**
 * Communes limitrophes de Paris by INSEE code, those that touch Paris including across the bois de
 * Boulogne and de Vincennes. The note warns that OpenFisca's list misses Boulogne-Billancourt
 * (92012): it is here. Data, so that a correction of the official list is a one-line change.
 */
export const PARIS_LIMITROPHES: ReadonlySet<string> = new Set([
  '92012', // Boulogne-Billancourt
  '92024', // Clichy
  '92040', // Issy-les-Moulineaux
  '92044', // Levallois-Perret
  '92046', // Malakoff
  '92049', // Montrouge
  '92051', // Neuilly-sur-Seine
  '92062', // Puteaux
  '92064', // Saint-Cloud
  '92073', // Suresnes
  '92075', // Vanves
  '93001', // Aubervilliers
  '93006', // Bagnolet
  '93045', // Les Lilas
  '93048', // Montreuil
  '93055', // Pantin
  '93061', // Le Pré-Saint-Gervais
  '93066', // Saint-Denis
  '93070', // Saint-Ouen-sur-Seine
  '94018', // Charenton-le-Pont
  '94033', // Fontenay-sous-Bois
  '94037', // Gentilly
  '94041', // Ivry-sur-Seine
  '94042', // Joinville-le-Pont
  '94043', // Le Kremlin-Bicêtre
  '94052', // Nogent-sur-Marne
  '94067', // Saint-Mandé
  '94069', // Saint-Maurice
  '94080', // Vincennes
]);

const ILE_DE_FRANCE = new Set(['75', '77', '78', '91', '92', '93', '94', '95']);

/** The zone of a commune from its INSEE code (Paris: 75056 or an arrondissement 751xx); null overseas. */
export function ceilingZoneOf(inseeCode: string): CeilingZone | null {
  const departement = inseeCode.slice(0, 2);
  if (departement === '97' || departement === '98') return null;
  if (departement === '75' || PARIS_LIMITROPHES.has(inseeCode)) return 'paris_limitrophes';
  return ILE_DE_FRANCE.has(departement) ? 'ile_de_france' : 'autres_regions';
}
