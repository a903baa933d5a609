import type { TCommitteePerson } from '../../shared/contracts/committees.ts';
import type { CommitteePersonRecord } from './committees.repository.ts';

/** A person who sits, in words: « Nadia Benali (Présidente de séance), Habitat Val-de-Brenne ». */
export const personLine = (p: { fullName: string; function: string | null; organisationName: string }) =>
  `${p.fullName}${p.function ? ` (${p.function})` : ''}, ${p.organisationName}`;

/** A person who sits, as a reader sees them. */
export const personPresenter =
  (readerUserId: string) =>
  ({ committeeId: _committee, userId, email: _email, ...p }: CommitteePersonRecord): TCommitteePerson => ({
    ...p,
    hasAccount: userId !== null,
    isReader: userId === readerUserId,
  });
