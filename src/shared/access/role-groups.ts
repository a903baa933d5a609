import type { Role } from '../contracts/roles.ts';

/**
 * The groups of roles the access rules speak of, defined once for the server (enforcement) and
 * the web client (navigation, buttons).
 */
export const ROLE_GROUPS = {
  /** Landlord staff who follow tenants: social advisers (CESF) and rental managers. */
  landlordStaff: ['landlord_social_advisor', 'landlord_rental_manager'],
  /** Social workers of associations, the SIAO, the CCAPEX and CCAS: the household's référent and their managers. */
  socialWork: ['caseworker', 'team_manager'],
  /** Who decides on an incoming referral: social workers, and administrators dispatching the inbox. */
  referralDeciders: ['caseworker', 'team_manager', 'admin'],
  /** Who makes referrals and follows the ones their organisation sent. */
  referrers: ['landlord_social_advisor', 'landlord_rental_manager', 'caseworker', 'team_manager'],
  /** Who decides on the measures an organisation funds: its officers and administrators. */
  funders: ['funder_officer', 'admin'],
  /** Who sees the caseworkers' load and sets their capacity. */
  caseloadManagers: ['team_manager', 'admin'],
  /** Who convenes committees, prepares their meetings and records their decisions. */
  committeeCoordinators: ['committee_coordinator', 'admin'],
  /** An organisation's administrators (users, invitations, settings, parameters). */
  administrators: ['admin'],
  /** Who reads an organisation's audit log: its administrators and read-only auditors. */
  auditReaders: ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUPS;

export const hasRoleIn = (roles: readonly Role[], group: RoleGroup): boolean =>
  roles.some((r) => (ROLE_GROUPS[group] as readonly Role[]).includes(r));
