import type { OrganisationType, Role } from '../contracts/roles.ts';
import { atLeast, type HouseholdAccessLevel } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who does what on a support measure. Pure: the measures module enforces it, the web client only
 * hides what the server would refuse.
 *  - A social worker of a party that sees the whole shared file proposes a measure.
 *  - The operator's social workers run it: prescription, start, renewals, end, référent.
 *  - The scheme's funder (its officers and administrators) validates or refuses it; it reads the
 *    measures it funds, never the household file.
 *  - The funder's administrators keep its schemes (dated versions) and programmes.
 */
export interface MeasureActor {
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

export const canProposeMeasure = (actor: MeasureActor, level: HouseholdAccessLevel) =>
  atLeast(level, 'party') && hasRoleIn(actor.roles, 'socialWork');

export const canRunMeasure = (actor: MeasureActor, measure: { operatorOrganisationId: string }) =>
  actor.organisationId === measure.operatorOrganisationId && hasRoleIn(actor.roles, 'socialWork');

/**
 * An incident during the watch (new arrears, trouble de voisinage…) is reported by the landlord's
 * staff, or by a social worker of a party, on a file they read.
 */
export const canReportWatchIncident = (actor: MeasureActor, level: HouseholdAccessLevel) =>
  atLeast(level, 'landlord_summary') &&
  (hasRoleIn(actor.roles, 'landlordStaff') || hasRoleIn(actor.roles, 'socialWork'));

export const canDecideMeasure = (actor: MeasureActor, scheme: { funderOrganisationId: string }) =>
  actor.organisationId === scheme.funderOrganisationId && hasRoleIn(actor.roles, 'funders');

/** Funders, and landlords that fund support themselves (bail accompagné), keep their schemes. */
const FUNDING_TYPES: readonly OrganisationType[] = ['funder', 'landlord'];

export const canManageSchemes = (actor: MeasureActor, scheme?: { funderOrganisationId: string }) =>
  FUNDING_TYPES.includes(actor.organisationType) &&
  (!scheme || actor.organisationId === scheme.funderOrganisationId) &&
  hasRoleIn(actor.roles, 'administrators');

/** Team managers and administrators see and set their organisation's caseloads. */
export const canManageCaseloads = (actor: MeasureActor) => hasRoleIn(actor.roles, 'caseloadManagers');

export interface MeasureFields {
  criteria: boolean;
  timeline: boolean;
  refusalReason: boolean;
}

/** Fields of a measure a reader below the référent's level does not receive. */
export const measureFieldsFor = (level: HouseholdAccessLevel): MeasureFields => ({
  criteria: level === 'caseworker',
  timeline: atLeast(level, 'party'),
  refusalReason: atLeast(level, 'party'),
});

/** The funder reads the measures it pays for and its own decisions: no criteria, no timeline notes. */
export const FUNDER_MEASURE_FIELDS: MeasureFields = { criteria: false, timeline: false, refusalReason: true };
