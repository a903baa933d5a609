import type { TScenario, TScenarioCreate, Typology } from '../../shared/contracts/budget.ts';
import type { budgetScenarios } from './schema.ts';

export type ScenarioRow = typeof budgetScenarios.$inferSelect;

export function presentScenario(row: ScenarioRow): TScenario {
  return {
    id: row.id,
    label: row.label,
    typology: row.typology as Typology,
    surfaceM2: row.surfaceM2,
    monthlyRentCents: row.monthlyRentCents,
    monthlyChargesCents: row.monthlyChargesCents,
    zone: row.zone as 1 | 2 | 3,
    conventioned: row.conventioned,
    socialLandlord: row.socialLandlord,
    furnished: row.furnished,
    annualResourcesOverrideCents: row.annualResourcesOverrideCents,
    rowVersion: row.rowVersion,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit keeps of a scenario: the dwelling, not the household's figures. */
export const scenarioAuditDetails = (s: TScenarioCreate) => ({
  label: s.label,
  typology: s.typology,
  surfaceM2: s.surfaceM2,
  monthlyRentCents: s.monthlyRentCents,
  monthlyChargesCents: s.monthlyChargesCents,
  zone: s.zone,
});
