import type { TDiagnosticContent } from '../../src/shared/contracts/diagnostics.ts';

/** A complete diagnostic: every required field, and caseworker-only markers in private fields. */
export function completeDiagnostic(): TDiagnosticContent {
  return {
    familySituation: {
      adults: 1,
      children: 1,
      maritalStatus: 'separated',
      familyConflictNotes: 'SECRET-FAMILY',
    },
    administrative: {
      identityPapersValid: true,
      socialSecurity: 'css',
      bankAccount: true,
      justiceNotes: 'SECRET-JUSTICE',
    },
    employment: { status: 'employed', contractType: 'cdd', weeklyHours: 24 },
    health: { followUp: true, mentalHealthNotes: 'SECRET-HEALTH', disabilityRecognition: 'rqth' },
    rights: [
      { benefit: 'housing_benefit', status: 'to_open' },
      { benefit: 'aah', status: 'opened' },
    ],
    housingHistory: {
      arrearsCents: 120_000,
      arrearsSince: '2024-01-01',
      narrative: 'Dette née d’une perte d’emploi.',
    },
    currentDwelling: { hasDwelling: false, withoutHousingSince: '2025-06-01', status: 'shelter' },
    residentialProject: { housingType: 'social_rental', typology: 't2', maxRentCents: 45_000 },
    needsAndExpectations: { inHouseholdWords: 'Un logement près de l’école de mon fils.' },
    conclusion: {
      needVsMarket: 'T2 accessible dans le parc social.',
      tactic: 'Accord collectif.',
      capacityToActAlone: 'partly',
    },
    notes: [
      { text: 'SECRET-NOTE', confidential: true },
      { text: 'Note partagée', confidential: false },
    ],
  };
}
