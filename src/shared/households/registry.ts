import { z } from 'zod';
import { ZCents, ZId, ZIsoDate } from '../contracts/common.ts';
import {
  DEBT_KINDS,
  DEBT_KIND_LABELS,
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_STATUS_LABELS,
  HOUSING_SITUATIONS,
  HOUSING_SITUATION_LABELS,
  RELATIONSHIPS,
  RELATIONSHIP_LABELS,
  RESOURCE_TYPES,
  RESOURCE_TYPE_LABELS,
  TYPOLOGIES,
  TYPOLOGY_LABELS,
} from '../contracts/household-enums.ts';

/**
 * The household aggregate's field registry: for every field of the file, its French label, its
 * sensitivity class, its input and output schemas and how its value reads. The API contract, the
 * presenter's filtering, the history and the audit display are all built from it, so a new field
 * is one line here (plus its column and its input in the form).
 */

/** Who may read a field: the landlord's summary, every party, or the household's caseworker only. */
export type FieldClass = 'landlord_summary' | 'shared' | 'caseworker_only';

/** How a value reads for a person (history, audit, PDFs). */
export type Display =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'money' }
  | { kind: 'boolean' }
  | { kind: 'number'; unit: string }
  | { kind: 'choice'; labels: Readonly<Record<string, string>> }
  /** An id, shown by the name of what it designates. */
  | { kind: 'reference'; to: ReferenceKind };

export type ReferenceKind = 'organisation' | 'managementUnit' | 'territory' | 'member';

export interface FieldSpec<
  In extends z.ZodType = z.ZodType,
  Out extends z.ZodType = z.ZodType,
  C extends FieldClass = FieldClass,
> {
  label: string;
  fieldClass: C;
  input: In;
  output: Out;
  display: Display;
  /** Where the file shows it (household fields). */
  group?: FieldGroup;
}

/** The blocks of the file's situation tab, in order. */
export const FIELD_GROUPS = {
  contact: 'Coordonnées',
  situation: 'Situation de logement',
  priorities: 'Priorités',
  caseworker: 'Informations réservées au référent',
} as const;
export type FieldGroup = keyof typeof FIELD_GROUPS;

const inGroup = <S extends FieldSpec>(group: FieldGroup, spec: S): S => ({ ...spec, group });

const field = <In extends z.ZodType, Out extends z.ZodType, C extends FieldClass>(
  label: string,
  fieldClass: C,
  input: In,
  output: Out,
  display: Display,
): FieldSpec<In, Out, C> => ({ label, fieldClass, input, output, display });

/**
 * Optional free text: trimmed, '' becomes null. An absent key stays absent (undefined), which the
 * update needs to tell "not sent" from "cleared" for caseworker-only fields.
 */
export const optText = (max: number) =>
  z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .nullish()
    .transform((v) => (v === '' ? null : v));

export const requiredText = (max: number, label: string) =>
  z
    .string({ message: `${label} : champ obligatoire.` })
    .trim()
    .min(1, { message: `${label} : champ obligatoire.` })
    .max(max, { message: `${max} caractères au plus.` });

const nullableText = z.string().nullable();
const TEXT = { kind: 'text' } as const;
const DATE = { kind: 'date' } as const;
const MONEY = { kind: 'money' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const choiceOf = (labels: Readonly<Record<string, string>>) => ({ kind: 'choice', labels }) as const;
const referenceTo = (to: ReferenceKind) => ({ kind: 'reference', to }) as const;

const text = <C extends FieldClass>(label: string, fieldClass: C, max: number) =>
  field(label, fieldClass, optText(max), nullableText, TEXT);
const date = <C extends FieldClass>(label: string, fieldClass: C) =>
  field(label, fieldClass, ZIsoDate.nullish(), nullableText, DATE);
const money = <C extends FieldClass>(label: string, fieldClass: C) =>
  field(label, fieldClass, ZCents.nullish(), z.number().int().nullable(), MONEY);
const flag = <C extends FieldClass>(label: string, fieldClass: C) =>
  field(
    label,
    fieldClass,
    z.boolean({ message: 'Oui ou non attendu.' }).default(false),
    z.boolean(),
    BOOLEAN,
  );
const reference = <C extends FieldClass>(label: string, fieldClass: C, to: ReferenceKind) =>
  field(label, fieldClass, ZId.nullish(), nullableText, referenceTo(to));
const choice = <const V extends readonly [string, ...string[]], C extends FieldClass>(
  label: string,
  fieldClass: C,
  values: V,
  labels: Readonly<Record<V[number], string>>,
  message: string,
) => field(label, fieldClass, z.enum(values, { message }), z.enum(values), choiceOf(labels));

/** Numéro unique de demande de logement social: letters and digits, 10 to 20 characters. */
export const ZApplicationNumber = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => /^[A-Z0-9]{10,20}$/.test(v), {
    message: 'Numéro unique invalide : 10 à 20 lettres ou chiffres.',
  });

const emptyToNull = z.literal('').transform(() => null);

/** The household's own fields (the row of `households`). */
export const HOUSEHOLD_FIELDS = {
  status: inGroup(
    'situation',
    field(
      'Statut du dossier',
      'landlord_summary',
      z.enum(HOUSEHOLD_STATUSES, { message: 'Statut invalide.' }).optional(),
      z.enum(HOUSEHOLD_STATUSES),
      choiceOf(HOUSEHOLD_STATUS_LABELS),
    ),
  ),
  applicationNumber: inGroup(
    'contact',
    field(
      'Numéro unique',
      'landlord_summary',
      ZApplicationNumber.nullish().or(emptyToNull),
      nullableText,
      TEXT,
    ),
  ),
  phone: inGroup('contact', text('Téléphone', 'landlord_summary', 30)),
  email: inGroup(
    'contact',
    field(
      'E-mail',
      'landlord_summary',
      z.email({ message: 'Adresse e-mail invalide.' }).nullish().or(emptyToNull),
      nullableText,
      TEXT,
    ),
  ),
  postalAddress: inGroup('contact', text('Adresse postale', 'landlord_summary', 300)),
  housingSituation: inGroup(
    'situation',
    choice(
      'Situation de logement',
      'landlord_summary',
      HOUSING_SITUATIONS,
      HOUSING_SITUATION_LABELS,
      'Situation de logement invalide.',
    ),
  ),
  housingSince: inGroup('situation', date("Date d'entrée dans la situation", 'shared')),
  residenceCommuneId: inGroup(
    'situation',
    reference('Commune de résidence ou d’hébergement', 'landlord_summary', 'territory'),
  ),
  shelterName: inGroup('situation', text("Structure d'hébergement", 'shared', 200)),
  daloRecognised: inGroup('priorities', flag('Reconnaissance DALO', 'landlord_summary')),
  daloDecisionDate: inGroup('priorities', date('Date de décision DALO', 'landlord_summary')),
  pdalpdPriority: inGroup('priorities', flag('Priorité PDALPD', 'landlord_summary')),
  healthNotes: inGroup('caseworker', text('Santé', 'caseworker_only', 5000)),
  justiceNotes: inGroup('caseworker', text('Justice', 'caseworker_only', 5000)),
  familyConflictNotes: inGroup('caseworker', text('Conflits familiaux', 'caseworker_only', 5000)),
} satisfies Record<string, FieldSpec>;

/** The current tenancy: the dwelling the household occupies and its lease (landlord, rent). */
export const TENANCY_FIELDS = {
  address: field(
    'Adresse du logement',
    'landlord_summary',
    requiredText(300, 'Adresse du logement'),
    z.string(),
    TEXT,
  ),
  communeId: reference('Commune du logement', 'landlord_summary', 'territory'),
  typology: field(
    'Typologie',
    'landlord_summary',
    z.enum(TYPOLOGIES, { message: 'Typologie T1 à T6 attendue.' }).nullish(),
    z.enum(TYPOLOGIES).nullable(),
    choiceOf(TYPOLOGY_LABELS),
  ),
  surfaceM2: field(
    'Surface habitable',
    'landlord_summary',
    z
      .number({ message: 'Surface invalide.' })
      .positive({ message: 'La surface doit être positive.' })
      .max(1000, { message: 'Surface invraisemblable.' })
      .nullish(),
    z.number().nullable(),
    { kind: 'number', unit: 'm²' },
  ),
  landlordOrganisationId: reference('Bailleur', 'landlord_summary', 'organisation'),
  landlordName: text('Bailleur (hors Relais)', 'landlord_summary', 200),
  managementUnitId: reference('Unité de gestion', 'landlord_summary', 'managementUnit'),
  tenantReference: text('Référence locataire', 'landlord_summary', 100),
  startDate: date("Date d'entrée dans le logement", 'landlord_summary'),
  monthlyRentCents: money('Loyer mensuel', 'landlord_summary'),
  monthlyChargesCents: money('Charges mensuelles', 'landlord_summary'),
} satisfies Record<string, FieldSpec>;

export const MEMBER_FIELDS = {
  firstName: field('Prénom', 'landlord_summary', requiredText(100, 'Prénom'), z.string(), TEXT),
  lastName: field('Nom', 'landlord_summary', requiredText(100, 'Nom'), z.string(), TEXT),
  birthDate: date('Date de naissance', 'landlord_summary'),
  relationship: choice(
    'Lien avec la personne de référence',
    'landlord_summary',
    RELATIONSHIPS,
    RELATIONSHIP_LABELS,
    'Lien de parenté invalide.',
  ),
  isReferencePerson: flag('Personne de référence', 'landlord_summary'),
} satisfies Record<string, FieldSpec>;

export const RESOURCE_FIELDS = {
  memberId: reference('Personne', 'shared', 'member'),
  type: choice(
    'Type de ressource',
    'shared',
    RESOURCE_TYPES,
    RESOURCE_TYPE_LABELS,
    'Type de ressource invalide.',
  ),
  monthlyAmountCents: field('Montant mensuel', 'shared', ZCents, z.number().int(), MONEY),
  note: text('Précision', 'shared', 500),
} satisfies Record<string, FieldSpec>;

export const EXPENSE_FIELDS = {
  category: choice(
    'Catégorie de charge',
    'shared',
    EXPENSE_CATEGORIES,
    EXPENSE_CATEGORY_LABELS,
    'Catégorie de charge invalide.',
  ),
  monthlyAmountCents: field('Montant mensuel', 'shared', ZCents, z.number().int(), MONEY),
  note: text('Précision', 'shared', 500),
} satisfies Record<string, FieldSpec>;

export const DEBT_FIELDS = {
  kind: choice('Type de dette', 'shared', DEBT_KINDS, DEBT_KIND_LABELS, 'Type de dette invalide.'),
  amountCents: field('Montant', 'shared', ZCents, z.number().int(), MONEY),
  startDate: date('Depuis le', 'shared'),
  unpaidMonths: field(
    "Mois d'impayés",
    'shared',
    z
      .number({ message: 'Nombre de mois invalide.' })
      .int({ message: 'Nombre de mois entier attendu.' })
      .min(1, { message: 'Au moins un mois.' })
      .max(240, { message: 'Nombre de mois invraisemblable.' })
      .nullish(),
    z.number().int().nullable(),
    { kind: 'number', unit: 'mois' },
  ),
  creditor: text('Créancier', 'shared', 200),
  repaymentPlan: flag("Plan d'apurement", 'shared'),
  note: text('Précision', 'shared', 500),
} satisfies Record<string, FieldSpec>;

export const HOUSING_HISTORY_FIELDS = {
  situation: choice(
    'Situation',
    'shared',
    HOUSING_SITUATIONS,
    HOUSING_SITUATION_LABELS,
    'Situation de logement invalide.',
  ),
  fromDate: date('Du', 'shared'),
  toDate: date('Au', 'shared'),
  address: text('Adresse', 'shared', 300),
  endReason: text('Motif de fin', 'shared', 500),
} satisfies Record<string, FieldSpec>;

/** A list part of the file: its rows have stable ids and their own endpoints. */
export interface PartSpec<F extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  label: string;
  /** What one row is called ("Personne 2", or its own description). */
  rowLabel: string;
  fieldClass: FieldClass;
  fields: F;
  /** URL segment of the part's endpoints. */
  path: string;
  max: number;
}

const part = <F extends Record<string, FieldSpec>>(spec: PartSpec<F>) => spec;

export const HOUSEHOLD_PARTS = {
  members: part({
    label: 'Composition du ménage',
    rowLabel: 'Personne',
    fieldClass: 'landlord_summary',
    fields: MEMBER_FIELDS,
    path: 'members',
    max: 20,
  }),
  resources: part({
    label: 'Ressources',
    rowLabel: 'Ressource',
    fieldClass: 'shared',
    fields: RESOURCE_FIELDS,
    path: 'resources',
    max: 100,
  }),
  expenses: part({
    label: 'Charges',
    rowLabel: 'Charge',
    fieldClass: 'shared',
    fields: EXPENSE_FIELDS,
    path: 'expenses',
    max: 100,
  }),
  debts: part({
    label: 'Dettes',
    rowLabel: 'Dette',
    fieldClass: 'shared',
    fields: DEBT_FIELDS,
    path: 'debts',
    max: 100,
  }),
  housingHistory: part({
    label: 'Parcours logement',
    rowLabel: 'Étape du parcours',
    fieldClass: 'shared',
    fields: HOUSING_HISTORY_FIELDS,
    path: 'housing-history',
    max: 100,
  }),
};

export type HouseholdPart = keyof typeof HOUSEHOLD_PARTS;
export const HOUSEHOLD_PART_NAMES = Object.keys(HOUSEHOLD_PARTS) as HouseholdPart[];

export const TENANCY = { label: 'Logement actuel', fieldClass: 'landlord_summary' } as const;

/** The schemas of a registry's inputs, keyed like it (for z.object). */
export type InputShape<F extends Record<string, FieldSpec>> = { [K in keyof F]: F[K]['input'] };
export type OutputShape<F extends Record<string, FieldSpec>> = { [K in keyof F]: F[K]['output'] };

export const inputShape = <F extends Record<string, FieldSpec>>(fields: F): InputShape<F> =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.input])) as InputShape<F>;
export const outputShape = <F extends Record<string, FieldSpec>>(fields: F): OutputShape<F> =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.output])) as OutputShape<F>;

/** The keys of a registry whose fields are of one class (e.g. the caseworker-only ones). */
export type KeysOfClass<F extends Record<string, FieldSpec>, C extends FieldClass> = {
  [K in keyof F]: F[K]['fieldClass'] extends C ? K : never;
}[keyof F];

export const keysOfClass = <F extends Record<string, FieldSpec>, C extends FieldClass>(
  fields: F,
  fieldClass: C,
) => Object.keys(fields).filter((k) => fields[k]!.fieldClass === fieldClass) as KeysOfClass<F, C>[];
