import type { JournalSensitivity } from '../contracts/journal.ts';
import { atLeast, type HouseholdAccessLevel } from './household-access.ts';

/**
 * Who reads and writes the case journal of a household. Pure: the journal module enforces it (in
 * SQL for lists, in the presenter for every answer), the web client only hides what the server
 * would refuse.
 *  - The social workers who follow the household (caseworker level) record activities.
 *  - An ordinary entry, note included, is read by every party that sees the shared file (the SIAO,
 *    the CCAPEX, the other associations); a landlord reads none: it learns of the support through
 *    the contract and the evaluations' landlord versions.
 *  - A confidential entry is read by the social workers of its author's organisation only: another
 *    party never receives it, not even its kind or date.
 *  - Only the author's organisation corrects or cancels an entry.
 */
export interface JournalReader {
  organisationId: string;
  level: HouseholdAccessLevel;
}

export interface JournalEntryScope {
  sensitivity: JournalSensitivity;
  authorOrganisationId: string;
}

export const canWriteJournal = (level: HouseholdAccessLevel) => level === 'caseworker';

export const canReadJournal = (level: HouseholdAccessLevel) => atLeast(level, 'party');

export function canReadJournalEntry(reader: JournalReader, entry: JournalEntryScope): boolean {
  if (entry.sensitivity === 'confidential')
    return reader.level === 'caseworker' && reader.organisationId === entry.authorOrganisationId;
  return canReadJournal(reader.level);
}

export const canCorrectJournalEntry = (reader: JournalReader, entry: { authorOrganisationId: string }) =>
  canWriteJournal(reader.level) && reader.organisationId === entry.authorOrganisationId;
