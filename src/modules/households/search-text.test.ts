import { describe, expect, it } from 'vitest';
import { householdSearchText, normaliseForSearch, searchPattern } from './search-text.ts';

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
});
