import type { TScaleSummary } from '../../shared/contracts/calculators.ts';
import { SCALE_FAMILY_LABELS } from '../../shared/calculators/housing-benefit-scales.ts';
import type { StoredScale } from './scales.repository.ts';

export function presentScale(scale: StoredScale, withValues: boolean): TScaleSummary {
  return {
    family: scale.family,
    label: SCALE_FAMILY_LABELS[scale.family],
    effectiveFrom: scale.effectiveFrom,
    effectiveTo: scale.effectiveTo ?? null,
    source: scale.source,
    origin: scale.origin,
    ...(withValues ? { values: scale.values } : {}),
  };
}
