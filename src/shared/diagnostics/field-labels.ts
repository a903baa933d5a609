import {
  BENEFIT_LABELS,
  CAPACITY_TO_ACT_LABELS,
  CONTRACT_TYPE_LABELS,
  DECENCY_LABELS,
  DISABILITY_RECOGNITION_LABELS,
  DWELLING_STATUS_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  MARITAL_STATUS_LABELS,
  OVERINDEBTEDNESS_LABELS,
  PROJECT_HOUSING_TYPE_LABELS,
  RIGHT_STATUS_LABELS,
  SOCIAL_SECURITY_LABELS,
  STEP_STATUS_LABELS,
  TENANCY_END_REASON_LABELS,
} from '../contracts/diagnostics.ts';
import { TYPOLOGY_LABELS } from '../contracts/household-enums.ts';
import type { DiagnosticFieldPath } from '../access/diagnostic-sharing.ts';
import { formatCents, formatDate } from '../format.ts';

/** French label of every content field (same paths as the sharing classification). */
export const DIAGNOSTIC_FIELD_LABELS: Record<DiagnosticFieldPath, string> = {
  'familySituation.maritalStatus': 'Situation conjugale',
  'familySituation.adults': 'Adultes',
  'familySituation.children': 'Enfants',
  'familySituation.expectingChild': 'Naissance attendue',
  'familySituation.custodyArrangements': 'Garde des enfants',
  'familySituation.familyConflictNotes': 'Conflits familiaux',
  'familySituation.narrative': 'Récit',
  'lifePath.keyEvents[].date': 'Date',
  'lifePath.keyEvents[].event': 'Événement',
  'lifePath.narrative': 'Récit',
  'administrative.identityPapersValid': 'Pièces d’identité valides',
  'administrative.residencePermitUntil': 'Titre de séjour valable jusqu’au',
  'administrative.residencePermitPending': 'Titre de séjour en cours de demande',
  'administrative.socialSecurity': 'Couverture maladie',
  'administrative.bankAccount': 'Compte bancaire',
  'administrative.daloRecognised': 'Reconnu prioritaire DALO',
  'administrative.socialHousingApplicationNumber': 'Numéro unique de demande',
  'administrative.justiceNotes': 'Situation judiciaire',
  'administrative.narrative': 'Récit',
  'finances.monthlyIncomeCents': 'Ressources mensuelles',
  'finances.monthlyExpensesCents': 'Charges mensuelles',
  'finances.debtsTotalCents': 'Total des dettes',
  'finances.repaymentPlan': 'Plan d’apurement',
  'finances.overindebtedness': 'Surendettement',
  'finances.narrative': 'Récit',
  'employment.status': 'Situation',
  'employment.contractType': 'Contrat',
  'employment.weeklyHours': 'Heures par semaine',
  'employment.narrative': 'Récit',
  'health.followUp': 'Suivi médical',
  'health.followUpNotes': 'Suivi',
  'health.disabilityRecognition': 'Reconnaissance du handicap',
  'health.addictionNotes': 'Addictions',
  'health.mentalHealthNotes': 'Santé mentale',
  'health.narrative': 'Récit',
  'residentialProject.housingType': 'Type de logement visé',
  'residentialProject.typology': 'Typologie',
  'residentialProject.preferredAreas': 'Secteurs souhaités',
  'residentialProject.maxRentCents': 'Loyer maximal',
  'residentialProject.constraints': 'Contraintes',
  'residentialProject.narrative': 'Récit',
  'stepsUnderWay.items[].label': 'Démarche',
  'stepsUnderWay.items[].startedOn': 'Depuis le',
  'stepsUnderWay.items[].status': 'État',
  'stepsUnderWay.narrative': 'Récit',
  'rights[].benefit': 'Droit',
  'rights[].status': 'Statut',
  'rights[].note': 'Note',
  'housingHistory.arrearsCents': 'Dette locative',
  'housingHistory.arrearsSince': 'Dette depuis',
  'housingHistory.arrearsRepaymentPlan': 'Plan d’apurement de la dette locative',
  'housingHistory.previousTenancies[].landlordName': 'Bailleur',
  'housingHistory.previousTenancies[].from': 'Du',
  'housingHistory.previousTenancies[].to': 'Au',
  'housingHistory.previousTenancies[].endReason': 'Fin du bail',
  'housingHistory.shelters[].name': 'Hébergement',
  'housingHistory.shelters[].from': 'Du',
  'housingHistory.shelters[].to': 'Au',
  'housingHistory.narrative': 'Récit',
  'currentDwelling.hasDwelling': 'A un logement',
  'currentDwelling.status': 'Statut d’occupation',
  'currentDwelling.decency': 'Décence',
  'currentDwelling.overcrowded': 'Suroccupation',
  'currentDwelling.fitsHousehold': 'Adapté à la composition du ménage',
  'currentDwelling.rentCents': 'Loyer',
  'currentDwelling.withoutHousingSince': 'Sans logement depuis le',
  'currentDwelling.shelterApplications': 'Demandes d’hébergement',
  'currentDwelling.narrative': 'Récit',
  'needsAndExpectations.inHouseholdWords': 'Avec les mots du ménage',
  'conclusion.needVsMarket': 'Besoin au regard du marché local',
  'conclusion.tactic': 'Tactique',
  'conclusion.capacityToActAlone': 'Capacité à agir seul',
  'conclusion.capacityNotes': 'Capacité du ménage (notes)',
  'conclusion.narrative': 'Récit',
  'budgetSummary.monthlyIncomeCents': 'Ressources mensuelles',
  'budgetSummary.monthlyExpensesCents': 'Dépenses mensuelles',
  'budgetSummary.estimatedHousingBenefitCents': 'Aide au logement estimée',
  'budgetSummary.remainingToLiveCents': 'Reste à vivre',
  'budgetSummary.effortRatePercent': 'Taux d’effort (%)',
  'notes[].text': 'Note',
  'notes[].confidential': 'Confidentielle',
};

/** Labels of the coded values, by field. */
export const DIAGNOSTIC_OPTION_LABELS: Partial<Record<DiagnosticFieldPath, Record<string, string>>> = {
  'familySituation.maritalStatus': MARITAL_STATUS_LABELS,
  'administrative.socialSecurity': SOCIAL_SECURITY_LABELS,
  'finances.overindebtedness': OVERINDEBTEDNESS_LABELS,
  'employment.status': EMPLOYMENT_STATUS_LABELS,
  'employment.contractType': CONTRACT_TYPE_LABELS,
  'health.disabilityRecognition': DISABILITY_RECOGNITION_LABELS,
  'residentialProject.housingType': PROJECT_HOUSING_TYPE_LABELS,
  'residentialProject.typology': TYPOLOGY_LABELS,
  'stepsUnderWay.items[].status': STEP_STATUS_LABELS,
  'rights[].benefit': BENEFIT_LABELS,
  'rights[].status': RIGHT_STATUS_LABELS,
  'housingHistory.previousTenancies[].endReason': TENANCY_END_REASON_LABELS,
  'currentDwelling.status': DWELLING_STATUS_LABELS,
  'currentDwelling.decency': DECENCY_LABELS,
  'conclusion.capacityToActAlone': CAPACITY_TO_ACT_LABELS,
};

/** A field's value as a French reader reads it (amounts in euros, dates dd/mm/yyyy, codes labelled). */
export function formatDiagnosticValue(path: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number')
    return path.endsWith('Cents') ? formatCents(value) : value.toLocaleString('fr-FR');
  const options = DIAGNOSTIC_OPTION_LABELS[path as DiagnosticFieldPath];
  if (options) return options[value] ?? value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

export const diagnosticFieldLabel = (path: string) =>
  (DIAGNOSTIC_FIELD_LABELS as Record<string, string>)[path] ?? path;

/** Label of one row of a list ("Bail précédent 2"). */
export const DIAGNOSTIC_LIST_ROW_LABELS: Record<string, string> = {
  'lifePath.keyEvents': 'Événement',
  'stepsUnderWay.items': 'Démarche',
  rights: 'Droit',
  'housingHistory.previousTenancies': 'Bail précédent',
  'housingHistory.shelters': 'Hébergement',
  notes: 'Note',
};
