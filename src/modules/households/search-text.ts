import { formatFileNumber } from '../../shared/contracts/households.ts';
import { normaliseForSearch } from '../../shared/households/search.ts';

/** The households.search_text value: member names, application number and file number. */
export function householdSearchText(input: {
  fileNumber: number;
  applicationNumber: string | null | undefined;
  members: readonly { firstName: string; lastName: string }[];
}): string {
  return normaliseForSearch(
    [
      formatFileNumber(input.fileNumber),
      input.applicationNumber ?? '',
      ...input.members.map((m) => `${m.firstName} ${m.lastName}`),
    ].join(' '),
  );
}

/** An ILIKE pattern for a user's query, with LIKE wildcards in the query taken literally. */
export const searchPattern = (query: string) => `%${normaliseForSearch(query).replace(/[\\%_]/g, '\\$&')}%`;
