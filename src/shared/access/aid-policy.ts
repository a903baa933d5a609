import type { Role } from '../contracts/roles.ts';
import { atLeast, type HouseholdAccessLevel } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may see and handle a household's financial aids. Pure: the server enforces it on every route,
 * the web client shows only what would succeed. The aids are the household's finances: its social
 * workers (a party reading the shared part of the file) see them all and manage them (request,
 * decision, payments); a landlord (summary level) sees only the aids paid to it — directly or to a
 * rent account it collects — so that it can follow what it receives, nothing of the rest.
 */
export interface AidReader {
  organisationId: string;
  roles: readonly Role[];
  level: HouseholdAccessLevel;
}

/** Whether the reader sees this aid, paid to `payeeOrganisationId` (null: the household, or a private person). */
export const canReadAid = (reader: AidReader, payeeOrganisationId: string | null): boolean =>
  atLeast(reader.level, 'party') ||
  (reader.level === 'landlord_summary' && payeeOrganisationId === reader.organisationId);

/** Why the reader may not request, decide or record payments of the household's aids (null when it may). */
export const aidManageRefusal = (reader: AidReader): string | null =>
  atLeast(reader.level, 'party') && hasRoleIn(reader.roles, 'socialWork')
    ? null
    : 'Seuls les travailleurs sociaux qui suivent le ménage gèrent ses aides financières.';
