import { formatCents } from '../../shared/format.ts';
import { FEE_MODE_LABELS } from '../../shared/contracts/partnerships.ts';
import type { ConventionFee } from '../../shared/partnerships/review.ts';
import { briqueName } from '../referentiel/index.ts';
import type { ConventionRecord, ConventionRow } from './partnerships.repository.ts';

export const feeOf = (c: ConventionRow): ConventionFee =>
  c.feeMode === 'per_dwelling_year'
    ? { mode: 'per_dwelling_year', perDwellingYearCents: c.feePerDwellingYearCents ?? 0 }
    : { mode: 'rent_share', perMille: c.feeRentSharePerMille ?? 0 };

/** The fee in words: « 300,00 € par logement et par an », « 10 % du loyer hors charges ». */
export function feeText(fee: ConventionFee): string {
  if (fee.mode === 'per_dwelling_year')
    return `${formatCents(fee.perDwellingYearCents)} ${FEE_MODE_LABELS.per_dwelling_year.toLowerCase()}, au prorata des jours`;
  const percent = (fee.perMille / 10).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return `${percent} % du loyer hors charges des jours de mise à disposition`;
}

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
