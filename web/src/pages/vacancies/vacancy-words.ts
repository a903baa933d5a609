import { TYPOLOGY_LABELS, type Typology } from '@shared/contracts/household-enums.ts';
import { DWELLING_ACCESSIBILITY_LABELS, DWELLING_FINANCING_LABELS } from '@shared/contracts/housing-stock.ts';
import type { TVacancy } from '@shared/contracts/vacancies.ts';

/** « T3 — Metz »: a dwelling by its typology and commune (its address when it has neither). */
export const dwellingTitle = (d: {
  typology: Typology | null;
  commune: string | null;
  address: string;
}): string => [d.typology && TYPOLOGY_LABELS[d.typology], d.commune].filter(Boolean).join(' — ') || d.address;

export const vacancyTitle = (v: TVacancy): string => dwellingTitle(v.dwelling);

/** The dwelling in one line: surface, floor, lift, accessibility, financing. */
export const dwellingWords = (v: TVacancy): string =>
  [
    v.dwelling.surfaceM2 !== null && `${v.dwelling.surfaceM2} m²`,
    v.dwelling.floor !== null && (v.dwelling.floor === 0 ? 'rez-de-chaussée' : `étage ${v.dwelling.floor}`),
    v.dwelling.lift && 'ascenseur',
    v.dwelling.accessibility && DWELLING_ACCESSIBILITY_LABELS[v.dwelling.accessibility],
    v.dwelling.financing && DWELLING_FINANCING_LABELS[v.dwelling.financing],
  ]
    .filter(Boolean)
    .join(' · ');
