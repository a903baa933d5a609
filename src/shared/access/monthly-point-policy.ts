import type { HouseholdAccessLevel } from './household-access.ts';

/**
 * Who keeps the monthly points of a measure. Pure: the evaluations module enforces it.
 *  - They are the social workers' own follow-up (the report of the point held with the household):
 *    read by the social workers who follow the household (caseworker level), no other party.
 *  - Prepared, completed, validated and corrected by the organisation that runs the measure only.
 */
export const canReadMonthlyPoints = (level: HouseholdAccessLevel) => level === 'caseworker';

export const canWriteMonthlyPoint = (
  reader: { level: HouseholdAccessLevel; organisationId: string },
  measure: { operatorOrganisationId: string },
) => canReadMonthlyPoints(reader.level) && reader.organisationId === measure.operatorOrganisationId;
