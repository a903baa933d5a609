/** Closed lists of the household file, with their French labels (one source for DB enums, API and UI). */
export const HOUSING_SITUATIONS = [
  'street',
  'shelter',
  'chrs',
  'hotel',
  'hosted_by_third_party',
  'sublet',
  'social_tenant',
  'private_tenant',
  'owner',
  'other',
] as const;
export type HousingSituation = (typeof HOUSING_SITUATIONS)[number];
export const HOUSING_SITUATION_LABELS: Record<HousingSituation, string> = {
  street: 'Sans abri / à la rue',
  shelter: "Hébergement d'urgence",
  chrs: 'CHRS',
  hotel: 'Hôtel',
  hosted_by_third_party: 'Hébergé par un tiers',
  sublet: 'Sous-location',
  social_tenant: 'Locataire du parc social',
  private_tenant: 'Locataire du parc privé',
  owner: 'Propriétaire',
  other: 'Autre',
};

export const RELATIONSHIPS = ['reference_person', 'spouse', 'child', 'other_relative', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  reference_person: 'Personne de référence',
  spouse: 'Conjoint(e)',
  child: 'Enfant',
  other_relative: 'Autre parent',
  other: 'Autre',
};

export const RESOURCE_TYPES = [
  'wages',
  'rsa',
  'aah',
  'are',
  'pension',
  'family_benefits',
  'housing_benefit',
  'activity_bonus',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export const RESOURCE_TYPE_LABELS: Record<ResourceType, string> = {
  wages: 'Salaires',
  rsa: 'RSA',
  aah: 'AAH',
  are: 'ARE (chômage)',
  pension: 'Retraite / pension',
  family_benefits: 'Prestations familiales',
  housing_benefit: 'Aide au logement (APL/AL)',
  activity_bonus: "Prime d'activité",
  other: 'Autre',
};

export const EXPENSE_CATEGORIES = [
  'rent',
  'charges',
  'energy',
  'insurance',
  'transport',
  'childcare',
  'debt_repayment',
  'phone',
  'other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export const EXPENSE_CATEGORY_LABELS: Record<ExpenseCategory, string> = {
  rent: 'Loyer',
  charges: 'Charges locatives',
  energy: 'Énergie',
  insurance: 'Assurances',
  transport: 'Transport',
  childcare: "Garde d'enfants",
  debt_repayment: 'Remboursements de dettes',
  phone: 'Téléphone / internet',
  other: 'Autre',
};

export const DEBT_KINDS = ['rent_arrears', 'energy', 'other'] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];
export const DEBT_KIND_LABELS: Record<DebtKind, string> = {
  rent_arrears: 'Dette de loyer',
  energy: 'Énergie',
  other: 'Autre dette',
};

/** Sensitivity of a note or a document. */
export const SENSITIVITIES = ['shared', 'landlord_visible', 'confidential'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  shared: 'Partagé avec les parties',
  landlord_visible: 'Visible du bailleur',
  confidential: 'Confidentiel (référent uniquement)',
};

export const HOUSEHOLD_STATUSES = ['active', 'closed'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  active: 'Suivi en cours',
  closed: 'Clos',
};

/** Why an organisation is a party to a household (the recorded basis of its access). */
export const PARTY_BASES = ['consent', 'own_tenant', 'referral_made', 'referral_accepted'] as const;
export type PartyBasis = (typeof PARTY_BASES)[number];
export const PARTY_BASIS_LABELS: Record<PartyBasis, string> = {
  consent: 'Accord du ménage',
  own_tenant: 'Locataire du bailleur',
  referral_made: 'Saisine adressée',
  referral_accepted: 'Saisine acceptée',
};

export const CONSENT_PURPOSES = [
  'support',
  'diagnostic_sharing',
  'referral',
  'committee_review',
  'other',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  support: 'Accompagnement',
  diagnostic_sharing: 'Partage du diagnostic',
  referral: 'Orientation / saisine',
  committee_review: 'Examen en comité',
  other: 'Autre',
};

export const CONSENT_METHODS = ['signed_form', 'oral_with_witness'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  signed_form: 'Formulaire signé',
  oral_with_witness: 'Accord oral devant témoin',
};

/** Size of a dwelling by its number of main rooms (T1 = one room). */
export const TYPOLOGIES = ['t1', 't2', 't3', 't4', 't5', 't6'] as const;
export type Typology = (typeof TYPOLOGIES)[number];
export const TYPOLOGY_LABELS: Record<Typology, string> = {
  t1: 'T1',
  t2: 'T2',
  t3: 'T3',
  t4: 'T4',
  t5: 'T5',
  t6: 'T6 et plus',
};

/** The dated steps of an eviction procedure (prévention des expulsions), in legal order. */
export const EVICTION_STEPS = [
  'first_unpaid_rent',
  'caf_signal',
  'ccapex_referral',
  'payment_order',
  'summons',
  'hearing',
  'judgment',
  'order_to_leave',
  'police_assistance_request',
  'police_assistance_granted',
  'eviction_executed',
] as const;
export type EvictionStep = (typeof EVICTION_STEPS)[number];
export const EVICTION_STEP_LABELS: Record<EvictionStep, string> = {
  first_unpaid_rent: 'Premier impayé de loyer',
  caf_signal: 'Signalement de l’impayé à la CAF',
  ccapex_referral: 'Saisine de la CCAPEX',
  payment_order: 'Commandement de payer',
  summons: 'Assignation devant le tribunal',
  hearing: 'Audience',
  judgment: 'Jugement (résiliation du bail, expulsion)',
  order_to_leave: 'Commandement de quitter les lieux',
  police_assistance_request: 'Demande de concours de la force publique',
  police_assistance_granted: 'Concours de la force publique accordé',
  eviction_executed: 'Expulsion exécutée',
};
