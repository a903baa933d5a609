import type { ConventionFee } from '../../shared/partnerships/review.ts';
import { briqueName } from '../referentiel/index.ts';
import type { ConventionRecord, ConventionRow } from './partnerships.repository.ts';

export const feeOf = (c: ConventionRow): ConventionFee =>
  c.feeMode === 'per_dwelling_year'
    ? { mode: 'per_dwelling_year', perDwellingYearCents: c.feePerDwellingYearCents ?? 0 }
    : { mode: 'rent_share', perMille: c.feeRentSharePerMille ?? 0 };

export const briquesOf = (c: ConventionRow) =>
  c.briques.map((code) => ({ code, label: briqueName(c.referentielVersion, code) }));

export const presentSummary = (r: ConventionRecord) => ({
  id: r.convention.id,
  title: r.convention.title,
  landlordOrganisationId: r.convention.landlordOrganisationId,
  landlordName: r.landlordName,
  associationOrganisationId: r.convention.associationOrganisationId,
  associationName: r.associationName,
  startOn: r.convention.startOn,
  endOn: r.convention.endOn,
  dwellingCount: r.dwellingCount,
});
