import { z } from 'zod';
import { ZCents, ZId, ZIsoDate } from './common.ts';
import { EVICTION_STEPS, TYPOLOGIES } from './household-enums.ts';
import { ZEvictionProcedure } from './households.ts';

/**
 * The shared diagnostic (référentiel briques 1.1–1.5): its content, lifecycle and partner versions,
 * and the capacité à habiter grid. Drafts are saved partially (autosave): every content field is
 * optional here and completeness is checked only when the diagnostic is presented to the household.
 * Objects are strict: an unknown key is refused rather than silently stored. Urgent actions are the
 * household's tasks and eviction steps its procedure's: the diagnostic shows them, never copies them.
 */

const text = (max: number) =>
  z.string({ message: 'Texte attendu.' }).max(max, { message: `${max} caractères au plus.` });
const optText = (max: number) => text(max).optional();
const narrative = optText(5000);
const optBool = z.boolean({ message: 'Oui ou non attendu.' }).optional();
const optDate = ZIsoDate.optional();
const optCents = ZCents.optional();
const optCount = z
  .number({ message: 'Nombre attendu.' })
  .int({ message: 'Nombre entier attendu.' })
  .min(0)
  .max(30)
  .optional();
const optEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: 'Valeur non autorisée.' }).optional();
const list = <T extends z.ZodType>(item: T, max = 50) =>
  z
    .array(item)
    .max(max, { message: `${max} éléments au plus.` })
    .optional();

export const MARITAL_STATUSES = ['single', 'couple', 'married_or_pacs', 'separated', 'widowed'] as const;
export const MARITAL_STATUS_LABELS: Record<(typeof MARITAL_STATUSES)[number], string> = {
  single: 'Seul(e)',
  couple: 'En couple',
  married_or_pacs: 'Marié(e) ou pacsé(e)',
  separated: 'Séparé(e) ou divorcé(e)',
  widowed: 'Veuf ou veuve',
};

export const SOCIAL_SECURITY_STATUSES = ['general', 'css', 'ame', 'none', 'unknown'] as const;
export const SOCIAL_SECURITY_LABELS: Record<(typeof SOCIAL_SECURITY_STATUSES)[number], string> = {
  general: 'Assurance maladie ouverte',
  css: 'Complémentaire santé solidaire (CSS)',
  ame: 'Aide médicale de l’État (AME)',
  none: 'Aucune couverture',
  unknown: 'Non connu',
};

export const OVERINDEBTEDNESS_STAGES = ['none', 'file_in_progress', 'admissible', 'plan_in_force'] as const;
export const OVERINDEBTEDNESS_LABELS: Record<(typeof OVERINDEBTEDNESS_STAGES)[number], string> = {
  none: 'Aucun dossier',
  file_in_progress: 'Dossier de surendettement en cours',
  admissible: 'Dossier recevable',
  plan_in_force: 'Plan en cours',
};

export const EMPLOYMENT_STATUSES = [
  'employed',
  'job_seeker',
  'training',
  'inactive',
  'retired',
  'unable_to_work',
] as const;
export const EMPLOYMENT_STATUS_LABELS: Record<(typeof EMPLOYMENT_STATUSES)[number], string> = {
  employed: 'En emploi',
  job_seeker: 'Demandeur d’emploi',
  training: 'En formation',
  inactive: 'Sans activité',
  retired: 'Retraité(e)',
  unable_to_work: 'Dans l’incapacité de travailler',
};

export const CONTRACT_TYPES = ['cdi', 'cdd', 'interim', 'subsidised', 'self_employed', 'none'] as const;
export const CONTRACT_TYPE_LABELS: Record<(typeof CONTRACT_TYPES)[number], string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  subsidised: 'Contrat aidé',
  self_employed: 'Indépendant',
  none: 'Aucun',
};

export const DISABILITY_RECOGNITIONS = ['none', 'rqth', 'mdph_pending', 'mdph_recognised'] as const;
export const DISABILITY_RECOGNITION_LABELS: Record<(typeof DISABILITY_RECOGNITIONS)[number], string> = {
  none: 'Aucune',
  rqth: 'RQTH',
  mdph_pending: 'Demande MDPH en cours',
  mdph_recognised: 'Reconnaissance MDPH',
};

export const PROJECT_HOUSING_TYPES = [
  'social_rental',
  'private_rental',
  'residence_sociale',
  'maison_relais',
  'adapted_housing',
  'other',
] as const;
export const PROJECT_HOUSING_TYPE_LABELS: Record<(typeof PROJECT_HOUSING_TYPES)[number], string> = {
  social_rental: 'Logement social',
  private_rental: 'Logement privé',
  residence_sociale: 'Résidence sociale',
  maison_relais: 'Maison relais / pension de famille',
  adapted_housing: 'Logement adapté',
  other: 'Autre',
};

export const STEP_STATUSES = ['in_progress', 'blocked', 'done'] as const;
export const STEP_STATUS_LABELS: Record<(typeof STEP_STATUSES)[number], string> = {
  in_progress: 'En cours',
  blocked: 'Bloquée',
  done: 'Aboutie',
};

export const BENEFITS = [
  'rsa',
  'housing_benefit',
  'family_benefits',
  'activity_bonus',
  'are',
  'aah',
  'pension',
  'css',
  'fsl',
  'other',
] as const;
export type Benefit = (typeof BENEFITS)[number];
export const BENEFIT_LABELS: Record<Benefit, string> = {
  rsa: 'RSA',
  housing_benefit: 'Aide au logement (APL/AL)',
  family_benefits: 'Prestations familiales',
  activity_bonus: 'Prime d’activité',
  are: 'ARE (chômage)',
  aah: 'AAH',
  pension: 'Retraite / pension',
  css: 'Complémentaire santé solidaire',
  fsl: 'FSL',
  other: 'Autre',
};

export const RIGHT_STATUSES = ['opened', 'to_open', 'pending', 'refused', 'ended'] as const;
export const RIGHT_STATUS_LABELS: Record<(typeof RIGHT_STATUSES)[number], string> = {
  opened: 'Ouvert',
  to_open: 'À ouvrir',
  pending: 'Demande en cours',
  refused: 'Refusé',
  ended: 'Terminé',
};

export const TENANCY_END_REASONS = ['moved', 'eviction', 'left_with_arrears', 'other'] as const;
export const TENANCY_END_REASON_LABELS: Record<(typeof TENANCY_END_REASONS)[number], string> = {
  moved: 'Déménagement',
  eviction: 'Expulsion',
  left_with_arrears: 'Départ avec une dette locative',
  other: 'Autre',
};

export const DWELLING_STATUSES = [
  'social_tenant',
  'private_tenant',
  'sublet',
  'hosted_by_third_party',
  'shelter',
  'hotel',
  'occupant_without_title',
  'street',
  'other',
] as const;
export const DWELLING_STATUS_LABELS: Record<(typeof DWELLING_STATUSES)[number], string> = {
  social_tenant: 'Locataire du parc social',
  private_tenant: 'Locataire du parc privé',
  sublet: 'Sous-locataire',
  hosted_by_third_party: 'Hébergé par un tiers',
  shelter: 'Hébergement (CHRS, urgence)',
  hotel: 'Hôtel',
  occupant_without_title: 'Occupant sans droit ni titre',
  street: 'Sans abri',
  other: 'Autre',
};

export const DECENCY_LEVELS = ['decent', 'non_decent', 'insalubrious', 'unknown'] as const;
export const DECENCY_LABELS: Record<(typeof DECENCY_LEVELS)[number], string> = {
  decent: 'Décent',
  non_decent: 'Non décent',
  insalubrious: 'Insalubre',
  unknown: 'Non évalué',
};

export const CAPACITY_TO_ACT = ['alone', 'partly', 'not_alone'] as const;
export const CAPACITY_TO_ACT_LABELS: Record<(typeof CAPACITY_TO_ACT)[number], string> = {
  alone: 'Peut mener seul les démarches',
  partly: 'Peut les mener en partie, avec un appui',
  not_alone: 'Ne peut pas les mener seul',
};

export const ZDiagnosticContent = z.strictObject({
  familySituation: z
    .strictObject({
      maritalStatus: optEnum(MARITAL_STATUSES),
      adults: optCount,
      children: optCount,
      expectingChild: optBool,
      custodyArrangements: optText(2000),
      familyConflictNotes: optText(5000),
      narrative,
    })
    .optional(),
  lifePath: z
    .strictObject({
      keyEvents: list(z.strictObject({ date: optDate, event: text(500) })),
      narrative,
    })
    .optional(),
  administrative: z
    .strictObject({
      identityPapersValid: optBool,
      residencePermitUntil: optDate,
      residencePermitPending: optBool,
      socialSecurity: optEnum(SOCIAL_SECURITY_STATUSES),
      bankAccount: optBool,
      daloRecognised: optBool,
      socialHousingApplicationNumber: optText(20),
      justiceNotes: optText(5000),
      narrative,
    })
    .optional(),
  finances: z
    .strictObject({
      monthlyIncomeCents: optCents,
      monthlyExpensesCents: optCents,
      debtsTotalCents: optCents,
      repaymentPlan: optBool,
      overindebtedness: optEnum(OVERINDEBTEDNESS_STAGES),
      narrative,
    })
    .optional(),
  employment: z
    .strictObject({
      status: optEnum(EMPLOYMENT_STATUSES),
      contractType: optEnum(CONTRACT_TYPES),
      weeklyHours: z.number({ message: 'Nombre attendu.' }).min(0).max(80).optional(),
      narrative,
    })
    .optional(),
  health: z
    .strictObject({
      followUp: optBool,
      followUpNotes: optText(5000),
      disabilityRecognition: optEnum(DISABILITY_RECOGNITIONS),
      addictionNotes: optText(5000),
      mentalHealthNotes: optText(5000),
      narrative,
    })
    .optional(),
  residentialProject: z
    .strictObject({
      housingType: optEnum(PROJECT_HOUSING_TYPES),
      typology: optEnum(TYPOLOGIES),
      preferredAreas: optText(500),
      maxRentCents: optCents,
      constraints: optText(2000),
      narrative,
    })
    .optional(),
  stepsUnderWay: z
    .strictObject({
      items: list(z.strictObject({ label: text(300), startedOn: optDate, status: optEnum(STEP_STATUSES) })),
      narrative,
    })
    .optional(),
  rights: list(
    z.strictObject({
      benefit: z.enum(BENEFITS, { message: 'Droit ou prestation inconnu.' }),
      status: z.enum(RIGHT_STATUSES, { message: 'Statut invalide.' }),
      note: optText(1000),
    }),
  ),
  housingHistory: z
    .strictObject({
      arrearsCents: optCents,
      arrearsSince: optDate,
      arrearsRepaymentPlan: optBool,
      previousTenancies: list(
        z.strictObject({
          landlordName: optText(200),
          from: optDate,
          to: optDate,
          endReason: optEnum(TENANCY_END_REASONS),
        }),
      ),
      shelters: list(z.strictObject({ name: optText(200), from: optDate, to: optDate })),
      narrative,
    })
    .optional(),
  currentDwelling: z
    .strictObject({
      hasDwelling: optBool,
      status: optEnum(DWELLING_STATUSES),
      decency: optEnum(DECENCY_LEVELS),
      overcrowded: optBool,
      fitsHousehold: optBool,
      rentCents: optCents,
      withoutHousingSince: optDate,
      shelterApplications: optText(1000),
      narrative,
    })
    .optional(),
  needsAndExpectations: z.strictObject({ inHouseholdWords: optText(5000) }).optional(),
  conclusion: z
    .strictObject({
      needVsMarket: optText(3000),
      tactic: optText(3000),
      capacityToActAlone: optEnum(CAPACITY_TO_ACT),
      capacityNotes: optText(3000),
      narrative,
    })
    .optional(),
  /** Filled from the budget module when a budget exists; monthly amounts. */
  budgetSummary: z
    .strictObject({
      monthlyIncomeCents: optCents,
      monthlyExpensesCents: optCents,
      estimatedHousingBenefitCents: optCents,
      remainingToLiveCents: z.number().int().min(-100_000_000).max(100_000_000).optional(),
      effortRatePercent: z.number().min(0).max(1000).optional(),
    })
    .optional(),
  notes: list(
    z.strictObject({ text: text(5000), confidential: z.boolean({ message: 'Oui ou non attendu.' }) }),
  ),
});
export type TDiagnosticContent = z.infer<typeof ZDiagnosticContent>;

export const DIAGNOSTIC_SECTIONS = ZDiagnosticContent.keyof().options;
export type DiagnosticSection = (typeof DIAGNOSTIC_SECTIONS)[number];

export const DIAGNOSTIC_SECTION_LABELS: Record<DiagnosticSection, string> = {
  familySituation: 'Situation familiale',
  lifePath: 'Parcours de vie et de logement',
  administrative: 'Situation administrative',
  finances: 'Situation financière',
  employment: 'Situation professionnelle',
  health: 'Santé',
  residentialProject: 'Projet résidentiel',
  stepsUnderWay: 'Démarches en cours',
  rights: 'Droits et prestations',
  housingHistory: 'Historique logement',
  currentDwelling: 'Logement actuel ou absence de logement',
  needsAndExpectations: 'Besoins et attentes (dits par le ménage)',
  conclusion: 'Conclusion',
  budgetSummary: 'Budget (synthèse)',
  notes: 'Notes libres',
};

/** Who wrote a section: an association, a landlord, or the household itself ("dit par le ménage"). */
export const SECTION_VOICES = ['association', 'landlord', 'household'] as const;
export type SectionVoice = (typeof SECTION_VOICES)[number];
export const SECTION_VOICE_LABELS: Record<SectionVoice, string> = {
  association: 'Rédigé par l’association',
  landlord: 'Rédigé par le bailleur',
  household: 'Dit par le ménage',
};

export const ZSectionAuthor = z.object({
  userId: ZId,
  userName: z.string(),
  organisationId: ZId,
  organisationName: z.string(),
  voice: z.enum(SECTION_VOICES),
  writtenAt: z.string(),
});
export type TSectionAuthor = z.infer<typeof ZSectionAuthor>;
export const ZSectionAuthorship = z.partialRecord(z.enum(DIAGNOSTIC_SECTIONS), ZSectionAuthor);
export type TSectionAuthorship = z.infer<typeof ZSectionAuthorship>;

export const DIAGNOSTIC_STATUSES = ['draft', 'presented', 'approved', 'disagreed', 'shared'] as const;
export type DiagnosticStatus = (typeof DIAGNOSTIC_STATUSES)[number];
export const DIAGNOSTIC_STATUS_LABELS: Record<DiagnosticStatus, string> = {
  draft: 'Brouillon',
  presented: 'Présenté au ménage',
  approved: 'Approuvé par le ménage',
  disagreed: 'Désaccord du ménage',
  shared: 'Partagé',
};

export const PRESENTATION_METHODS = ['face_to_face', 'home_visit', 'with_interpreter', 'phone'] as const;
export type PresentationMethod = (typeof PRESENTATION_METHODS)[number];
export const PRESENTATION_METHOD_LABELS: Record<(typeof PRESENTATION_METHODS)[number], string> = {
  face_to_face: 'Entretien au bureau',
  home_visit: 'Visite à domicile',
  with_interpreter: 'Avec un interprète',
  phone: 'Par téléphone',
};

export const PARTNER_AUDIENCES = ['landlord', 'committee'] as const;
export type PartnerAudience = (typeof PARTNER_AUDIENCES)[number];
export const PARTNER_AUDIENCE_LABELS: Record<PartnerAudience, string> = {
  landlord: 'Version bailleur',
  committee: 'Version comité',
};

/** 300 KB of PNG, i.e. about 400 000 characters of base64. */
export const SIGNATURE_MAX_BYTES = 300 * 1024;

// ---------- Requests ----------

export const ZDiagnosticParams = z.object({ id: ZId, diagId: ZId });

export const ZDiagnosticSave = z.object({
  /** The rowVersion the writer read; a stale one is refused (VERSION_CONFLICT), never merged. */
  rowVersion: z.number().int().min(1),
  content: ZDiagnosticContent,
  /** Sections the household dictated in this save: recorded as "dit par le ménage". */
  householdVoiceSections: z.array(z.enum(DIAGNOSTIC_SECTIONS)).max(DIAGNOSTIC_SECTIONS.length).default([]),
});
export type TDiagnosticSave = z.infer<typeof ZDiagnosticSave>;

export const ZDiagnosticCreate = z.object({ content: ZDiagnosticContent.default({}) });

/** Brique 1.2: how the diagnostic was explained to the household. */
export const ZPresentation = z.object({
  rowVersion: z.number().int().min(1),
  presentedOn: ZIsoDate,
  method: z.enum(PRESENTATION_METHODS, { message: 'Modalité inconnue.' }),
  explanation: text(5000).min(10, {
    message: 'Décrivez ce qui a été expliqué au ménage (10 caractères au moins).',
  }),
});
export type TPresentation = z.infer<typeof ZPresentation>;

export const ZApproval = z.discriminatedUnion('method', [
  z.object({
    rowVersion: z.number().int().min(1),
    method: z.literal('signature'),
    signedOn: ZIsoDate,
    /** A PNG drawn on a tablet, as a data URL; checked as PNG by the server. */
    signaturePng: z
      .string()
      .startsWith('data:image/png;base64,', { message: 'Signature attendue au format PNG.' })
      .max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 30, {
        message: 'Signature trop volumineuse (300 Ko au plus).',
      }),
  }),
  z.object({
    rowVersion: z.number().int().min(1),
    method: z.literal('typed_name'),
    signedOn: ZIsoDate,
    /** Typed by the household, witnessed by the caseworker who records it. */
    typedName: text(200).min(2, { message: 'Nom du signataire obligatoire.' }),
  }),
]);
export type TApproval = z.infer<typeof ZApproval>;

export const ZDisagreement = z.object({
  rowVersion: z.number().int().min(1),
  notedOn: ZIsoDate,
  inHouseholdWords: text(5000).min(2, { message: 'Notez le désaccord avec les mots du ménage.' }),
});
export type TDisagreement = z.infer<typeof ZDisagreement>;

export const ZAudienceQuery = z.object({
  audience: z.enum(PARTNER_AUDIENCES, { message: 'Destinataire inconnu.' }),
});
export const ZShareBody = z.object({
  audience: z.enum(PARTNER_AUDIENCES, { message: 'Destinataire inconnu.' }),
  organisationIds: z.array(ZId).min(1, { message: 'Choisissez au moins un destinataire.' }).max(20),
});
export const ZPdfQuery = z.object({
  version: z.enum(['household', ...PARTNER_AUDIENCES], { message: 'Version inconnue.' }),
});

// ---------- Capacité à habiter ----------

export const CAPACITY_AXES = ['occupy', 'finance', 'environment'] as const;
export type CapacityAxis = (typeof CAPACITY_AXES)[number];
export const CAPACITY_AXIS_LABELS: Record<CapacityAxis, string> = {
  occupy: 'Occuper le logement de façon autonome',
  finance: 'Assumer financièrement son logement',
  environment: 'Vivre en interaction avec son environnement',
};

/** Criteria of the PACA shared tool (Mission Ouvrir la ville), grouped by axis. */
export const CAPACITY_CRITERIA = {
  upkeep: { axis: 'occupy', label: 'Entretenir son logement' },
  rights_and_duties: { axis: 'occupy', label: 'Connaître ses droits et devoirs de locataire' },
  equipment_and_energy: { axis: 'occupy', label: 'Utiliser les équipements, maîtriser ses consommations' },
  technical_incidents: { axis: 'occupy', label: 'Signaler les incidents, laisser intervenir le bailleur' },
  resources: { axis: 'finance', label: 'Ressources stables et suffisantes pour le loyer' },
  debts: { axis: 'finance', label: 'Absence de dette ou plan d’apurement respecté' },
  rent_payment: { axis: 'finance', label: 'Payer loyer et charges régulièrement' },
  rent_guarantee: { axis: 'finance', label: 'Garantie de loyer mobilisable' },
  paperwork: { axis: 'finance', label: 'Gérer seul ses démarches administratives' },
  collective_rules: { axis: 'environment', label: 'Respecter les règles de vie collective' },
  neighbours: { axis: 'environment', label: 'Entretenir des relations de voisinage apaisées' },
  local_services: { axis: 'environment', label: 'Se repérer dans le quartier et ses services' },
} as const satisfies Record<string, { axis: CapacityAxis; label: string }>;
export type CapacityCriterion = keyof typeof CAPACITY_CRITERIA;
export const CAPACITY_CRITERION_KEYS = Object.keys(CAPACITY_CRITERIA) as [
  CapacityCriterion,
  ...CapacityCriterion[],
];

/** The scale, labels included: a score means the same thing in every evaluation. */
export const CAPACITY_SCALE = {
  1: 'Pas autonome',
  2: 'Autonome avec une aide importante',
  3: 'Autonome avec une aide ponctuelle',
  4: 'Autonome',
} as const;
export type CapacityScore = 1 | 2 | 3 | 4;

export const READINESS_OPINIONS = ['ready', 'ready_with_support', 'not_yet'] as const;
export type ReadinessOpinion = (typeof READINESS_OPINIONS)[number];
export const READINESS_OPINION_LABELS: Record<ReadinessOpinion, string> = {
  ready: 'Prêt à sortir',
  ready_with_support: 'Prêt à sortir avec un accompagnement',
  not_yet: 'Pas encore prêt',
};

const ZScore = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  message: 'Note de 1 à 4 attendue.',
});
export const ZCapacityScores = z.strictObject(
  Object.fromEntries(
    CAPACITY_CRITERION_KEYS.map((k) => [k, z.strictObject({ score: ZScore, comment: optText(1000) })]),
  ) as Record<CapacityCriterion, z.ZodObject<{ score: typeof ZScore; comment: ReturnType<typeof optText> }>>,
);
export type TCapacityScores = z.infer<typeof ZCapacityScores>;

export const ZCapacityAssessmentCreate = z.object({
  assessedOn: ZIsoDate,
  scores: ZCapacityScores,
  /** The caseworker's opinion: confirms the derived one, or overrides it with a reason. */
  opinion: z.enum(READINESS_OPINIONS, { message: 'Avis inconnu.' }),
  overrideReason: optText(2000),
  diagnosticId: ZId.optional(),
});
export type TCapacityAssessmentCreate = z.infer<typeof ZCapacityAssessmentCreate>;

export const ZAxisAverages = z.record(z.enum(CAPACITY_AXES), z.number());

export const ZCapacityAssessment = z.object({
  id: ZId,
  householdId: ZId,
  diagnosticId: ZId.nullable(),
  assessedOn: z.string(),
  scores: ZCapacityScores,
  axisAverages: ZAxisAverages,
  derivedOpinion: z.enum(READINESS_OPINIONS),
  opinion: z.enum(READINESS_OPINIONS),
  overrideReason: z.string().nullable(),
  assessedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TCapacityAssessment = z.infer<typeof ZCapacityAssessment>;
export const ZCapacityHistory = z.object({ items: z.array(ZCapacityAssessment) });

/** A grid just recorded: the opinion the grid gave and the one the caseworker kept. */
export const ZCapacityRecorded = z.object({
  id: ZId,
  derivedOpinion: z.enum(READINESS_OPINIONS),
  opinion: z.enum(READINESS_OPINIONS),
});

/** The grid as partners receive it: scores and opinion, no free comment, no override reason. */
export const ZPartnerCapacity = z.object({
  assessedOn: z.string(),
  scores: z.record(z.enum(CAPACITY_CRITERION_KEYS), ZScore),
  axisAverages: ZAxisAverages,
  opinion: z.enum(READINESS_OPINIONS),
});
export type TPartnerCapacity = z.infer<typeof ZPartnerCapacity>;

// ---------- Responses ----------

/** A step of the household's eviction procedure as partners read it: the step and its date, no note. */
export const ZPartnerEvictionStep = z.object({ step: z.enum(EVICTION_STEPS), occurredOn: z.string() });
export type TPartnerEvictionStep = z.infer<typeof ZPartnerEvictionStep>;

export const ZPartnerVersion = z.object({
  audience: z.enum(PARTNER_AUDIENCES),
  content: ZDiagnosticContent,
  capacity: ZPartnerCapacity.nullable(),
  evictionSteps: z.array(ZPartnerEvictionStep),
});
export type TPartnerVersion = z.infer<typeof ZPartnerVersion>;

export const ZDiagnosticSummary = z.object({
  id: ZId,
  householdId: ZId,
  version: z.number().int(),
  status: z.enum(DIAGNOSTIC_STATUSES),
  rowVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
});
export type TDiagnosticSummary = z.infer<typeof ZDiagnosticSummary>;

export const ZPresentationRecord = z.object({
  presentedOn: z.string(),
  method: z.enum(PRESENTATION_METHODS),
  explanation: z.string(),
  byUserId: ZId,
});
export const ZApprovalRecord = z.object({
  method: z.enum(['signature', 'typed_name']),
  signedOn: z.string(),
  signaturePng: z.string().optional(),
  typedName: z.string().optional(),
  witnessedByUserId: ZId,
});
export const ZDisagreementRecord = z.object({
  notedOn: z.string(),
  inHouseholdWords: z.string(),
  byUserId: ZId,
});

/** Where a value the diagnostic opened with was taken from ("nothing typed twice"). */
export const PREFILL_SOURCES = ['file', 'budget'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];
export const PREFILL_SOURCE_LABELS: Record<PrefillSource, string> = {
  file: 'Repris du dossier',
  budget: 'Repris du budget',
};

export const ZDiagnosticDetail = ZDiagnosticSummary.extend({
  content: ZDiagnosticContent,
  authorship: ZSectionAuthorship,
  presentation: ZPresentationRecord.nullable(),
  approval: ZApprovalRecord.nullable(),
  disagreement: ZDisagreementRecord.nullable(),
  /** Required fields still missing before the diagnostic can be presented (path → message). */
  missingForPresentation: z.record(z.string(), z.string()),
  /** Content paths still holding the value filled from the file or the budget (an edited one drops out). */
  prefilled: z.record(z.string(), z.enum(PREFILL_SOURCES)),
  /**
   * The household's eviction procedure: as it stands for a version still being written; as it was
   * recorded when the household approved (or disagreed) for a frozen one, so that it reads as approved.
   */
  evictionProcedure: ZEvictionProcedure.nullable(),
  /** The moment a frozen version shows the procedure as of; null when it shows it as it stands. */
  evictionProcedureAsOf: z.string().nullable(),
});
export type TDiagnosticDetail = z.infer<typeof ZDiagnosticDetail>;

export const ZSharedVersion = z.object({
  shareId: ZId,
  diagnosticId: ZId,
  diagnosticVersion: z.number().int(),
  audience: z.enum(PARTNER_AUDIENCES),
  sharedAt: z.string(),
  version: ZPartnerVersion,
});
export type TSharedVersion = z.infer<typeof ZSharedVersion>;

export const ZDiagnosticList = z.object({
  /** Every version, for the household's caseworker; empty for partners. */
  items: z.array(ZDiagnosticSummary),
  /** The partner versions shared with the reader's organisation. */
  sharedWithMe: z.array(ZSharedVersion),
});

export const ZDiagnosticSaved = z.object({
  id: ZId,
  version: z.number().int(),
  rowVersion: z.number().int(),
  status: z.enum(DIAGNOSTIC_STATUSES),
});

export const ZShareRecord = z.object({
  id: ZId,
  audience: z.enum(PARTNER_AUDIENCES),
  organisationId: ZId,
  organisationName: z.string(),
  sharedByName: z.string().nullable(),
  sharedAt: z.string(),
  diagnosticVersion: z.number().int(),
});
export const ZShareList = z.object({ items: z.array(ZShareRecord) });
