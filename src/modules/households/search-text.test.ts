import { describe, expect, it } from 'vitest';
import { normaliseForSearch, searchTermProblem } from '../../shared/households/search.ts';
import { householdSearchText, searchPattern } from './search-text.ts';

describe('household search text', () => {
  it('lower-cases and strips accents from names, and keeps numbers', () => {
    expect(
      householdSearchText({
        fileNumber: 123,
        applicationNumber: '0751220ABC12',
        members: [
          { firstName: 'Éloïse', lastName: 'NGUYỄN' },
          { firstName: 'François', lastName: 'Çelik' },
        ],
      }),
    ).toBe('m-000123 0751220abc12 eloise nguyen francois celik');
  });

  it('normalises a query the same way and escapes LIKE wildcards', () => {
    expect(normaliseForSearch('  Hélène   DUPRÉ ')).toBe('helene dupre');
    expect(searchPattern('50%_a')).toBe('%50\\%\\_a%');
  });

  it.each([
    ['', null],
    ['   ', null],
    ['Dup', null],
    ['M-0', null],
    ['a', 'Saisissez au moins 3 lettres ou chiffres pour rechercher.'],
    ['Dé', 'Saisissez au moins 3 lettres ou chiffres pour rechercher.'],
    ['a  b', 'Saisissez au moins 3 lettres ou chiffres pour rechercher.'],
    ['\u0301\u0301\u0301', 'Saisissez au moins 3 lettres ou chiffres pour rechercher.'],
  ])('takes a search of %j or says why not', (term, problem) => {
    expect(searchTermProblem(term)).toBe(problem);
  });
});
