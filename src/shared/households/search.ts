/** Lower-case and strip accents (NFD then drop combining marks), as the search column stores it. */
export const normaliseForSearch = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The fewest letters or digits a search takes: a shorter term matches most of an organisation's
 * households, and its index cannot narrow them (trigrams), so the search would read them all.
 */
export const SEARCH_MIN_CHARACTERS = 3;

/** Why a search term is not searched, in French, or null (an empty term is no search). */
export function searchTermProblem(term: string): string | null {
  if (term.trim() === '') return null;
  return normaliseForSearch(term).replace(/ /g, '').length < SEARCH_MIN_CHARACTERS
    ? `Saisissez au moins ${SEARCH_MIN_CHARACTERS} lettres ou chiffres pour rechercher.`
    : null;
}
