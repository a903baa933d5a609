import { TYPOLOGY_LABELS } from '@shared/contracts/household-enums.ts';
import {
  DWELLING_ACCESSIBILITY_LABELS,
  DWELLING_FINANCING_LABELS,
  DWELLING_STATUS_LABELS,
} from '@shared/contracts/housing-stock.ts';

/** Select options from a shared label table. */
export const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const TYPOLOGY_OPTIONS = optionsOf(TYPOLOGY_LABELS);
export const STATUS_OPTIONS = optionsOf(DWELLING_STATUS_LABELS);
export const FINANCING_OPTIONS = optionsOf(DWELLING_FINANCING_LABELS);
export const ACCESSIBILITY_OPTIONS = optionsOf(DWELLING_ACCESSIBILITY_LABELS);

/** "64,5 m²" */
export const formatSurface = (m2: number | null) =>
  m2 === null ? '—' : `${m2.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} m²`;
