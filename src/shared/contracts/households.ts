import { z } from 'zod';
import { ZCents, ZId, ZIsoDate } from './common.ts';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DEBT_KINDS,
  EXPENSE_CATEGORIES,
  HOUSEHOLD_STATUSES,
  HOUSING_SITUATIONS,
  PARTY_BASES,
  RELATIONSHIPS,
  RESOURCE_TYPES,
  SENSITIVITIES,
} from './household-enums.ts';
import { ORGANISATION_TYPES } from './roles.ts';

/** The file number as people say it: M-000123. */
export const formatFileNumber = (fileNumber: number) => `M-${String(fileNumber).padStart(6, '0')}`;

export const ZAccessLevel = z.enum(['none', 'landlord_summary', 'party', 'caseworker']);

/**
 * Optional free text: trimmed, '' becomes null. An absent key stays absent (undefined), which the
 * update use case needs to tell "not sent" from "cleared" for caseworker-only fields.
 */
const optText = (max: number) =>
  z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .nullish()
    .transform((v) => (v === '' ? null : v));

const requiredText = (max: number, label: string) =>
  z
    .string({ message: `${label} : champ obligatoire.` })
    .trim()
    .min(1, { message: `${label} : champ obligatoire.` })
    .max(max, { message: `${max} caractères au plus.` });

const optDate = ZIsoDate.nullish();
const optCents = ZCents.nullish();
const optId = ZId.nullish();

/** Numéro unique de demande de logement social: letters and digits, 10 to 20 characters. */
export const ZApplicationNumber = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => /^[A-Z0-9]{10,20}$/.test(v), {
    message: 'Numéro unique invalide : 10 à 20 lettres ou chiffres.',
  });

export const ZMemberInput = z.object({
  firstName: requiredText(100, 'Prénom'),
  lastName: requiredText(100, 'Nom'),
  birthDate: optDate,
  relationship: z.enum(RELATIONSHIPS, { message: 'Lien de parenté invalide.' }),
  isReferencePerson: z.boolean().default(false),
});

export const ZResourceInput = z.object({
  /** Position of the member in `members`, or null for a household-level resource. */
  memberIndex: z.number().int().min(0).nullish(),
  type: z.enum(RESOURCE_TYPES, { message: 'Type de ressource invalide.' }),
  monthlyAmountCents: ZCents,
  note: optText(500),
});

export const ZExpenseInput = z.object({
  category: z.enum(EXPENSE_CATEGORIES, { message: 'Catégorie de charge invalide.' }),
  monthlyAmountCents: ZCents,
  note: optText(500),
});

export const ZDebtInput = z.object({
  kind: z.enum(DEBT_KINDS, { message: 'Type de dette invalide.' }),
  amountCents: ZCents,
  startDate: optDate,
  creditor: optText(200),
  repaymentPlan: z.boolean().default(false),
  note: optText(500),
});

export const ZHousingHistoryInput = z.object({
  situation: z.enum(HOUSING_SITUATIONS, { message: 'Situation de logement invalide.' }),
  fromDate: optDate,
  toDate: optDate,
  address: optText(300),
  endReason: optText(500),
});

/** The editable household file, without refinements (so it can be extended). */
const householdFileShape = {
  status: z.enum(HOUSEHOLD_STATUSES).optional(),
  applicationNumber: ZApplicationNumber.nullish().or(z.literal('').transform(() => null)),
  phone: optText(30),
  email: z
    .email({ message: 'Adresse e-mail invalide.' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  postalAddress: optText(300),
  housingSituation: z.enum(HOUSING_SITUATIONS, { message: 'Situation de logement invalide.' }),
  housingSince: optDate,
  shelterName: optText(200),
  dwellingAddress: optText(300),
  dwellingCommuneId: optId,
  landlordOrganisationId: optId,
  managementUnitId: optId,
  landlordName: optText(200),
  tenantReference: optText(100),
  monthlyRentCents: optCents,
  monthlyChargesCents: optCents,
  daloRecognised: z.boolean().default(false),
  daloDecisionDate: optDate,
  pdalpdPriority: z.boolean().default(false),
  healthNotes: optText(5000),
  justiceNotes: optText(5000),
  familyConflictNotes: optText(5000),
  members: z.array(ZMemberInput).min(1, { message: 'Le ménage compte au moins une personne.' }).max(20),
  resources: z.array(ZResourceInput).max(100).default([]),
  expenses: z.array(ZExpenseInput).max(100).default([]),
  debts: z.array(ZDebtInput).max(100).default([]),
  housingHistory: z.array(ZHousingHistoryInput).max(100).default([]),
};
const ZHouseholdFileBase = z.object(householdFileShape);
type HouseholdFileOutput = z.output<typeof ZHouseholdFileBase>;

/** Cross-field rules, reported on the path of the field to fix so the form shows them there. */
function refineHouseholdFile(file: HouseholdFileOutput, ctx: z.RefinementCtx) {
  const references = file.members.flatMap((m, i) => (m.isReferencePerson ? [i] : []));
  if (references.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['members'],
      message:
        references.length === 0
          ? 'Désignez la personne de référence du ménage.'
          : 'Une seule personne de référence par ménage.',
    });
  }
  if (file.daloRecognised && !file.daloDecisionDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['daloDecisionDate'],
      message: 'Date de la décision DALO obligatoire quand le ménage est reconnu DALO.',
    });
  }
  file.resources.forEach((r, i) => {
    if (r.memberIndex != null && r.memberIndex >= file.members.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['resources', i, 'memberIndex'],
        message: 'Cette ressource renvoie à une personne absente du ménage.',
      });
    }
  });
  file.housingHistory.forEach((h, i) => {
    if (h.fromDate && h.toDate && h.toDate < h.fromDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['housingHistory', i, 'toDate'],
        message: 'La date de fin précède la date de début.',
      });
    }
  });
}

/**
 * Dates that must not lie after `today` (YYYY-MM-DD). Kept apart from the Zod schema because
 * "today" comes from the server clock (tests move it); the web form calls it with its own date.
 */
export function futureDateIssues(
  file: Pick<HouseholdFileOutput, 'members' | 'daloDecisionDate' | 'housingSince'>,
  today: string,
): Record<string, string> {
  const issues: Record<string, string> = {};
  file.members.forEach((m, i) => {
    if (m.birthDate && m.birthDate > today) {
      issues[`members.${i}.birthDate`] = 'La date de naissance ne peut pas être dans le futur.';
    }
  });
  if (file.daloDecisionDate && file.daloDecisionDate > today) {
    issues.daloDecisionDate = 'La date de décision DALO ne peut pas être dans le futur.';
  }
  if (file.housingSince && file.housingSince > today) {
    issues.housingSince = "La date d'entrée ne peut pas être dans le futur.";
  }
  return issues;
}

/** Input of createHousehold: the household file at creation. */
export const ZHouseholdCreate = ZHouseholdFileBase.superRefine(refineHouseholdFile);
export type THouseholdCreate = z.output<typeof ZHouseholdCreate>;
export type THouseholdCreateInput = z.input<typeof ZHouseholdCreate>;

/** The terms of a consent (accord du ménage); the organisation is given beside it. */
const consentTermsShape = {
  purpose: z.enum(CONSENT_PURPOSES, { message: 'Objet de l’accord invalide.' }),
  purposeDetail: optText(500),
  validFrom: ZIsoDate,
  validUntil: optDate,
  method: z.enum(CONSENT_METHODS, { message: 'Mode de recueil invalide.' }),
  witnessName: optText(200),
};
function refineConsentTerms(
  c: { method: string; witnessName?: string | null; validFrom: string; validUntil?: string | null },
  ctx: z.RefinementCtx,
  prefix: (string | number)[] = [],
) {
  if (c.method === 'oral_with_witness' && !c.witnessName) {
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, 'witnessName'],
      message: 'Nom du témoin obligatoire pour un accord oral.',
    });
  }
  if (c.validUntil && c.validUntil < c.validFrom) {
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, 'validUntil'],
      message: 'La fin de validité précède le début.',
    });
  }
}
export const ZConsentTerms = z.object(consentTermsShape).superRefine((c, ctx) => refineConsentTerms(c, ctx));
export type TConsentTerms = z.output<typeof ZConsentTerms>;

/** Why the creating organisation may hold the file (its party basis). */
export const ZCreateBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own_tenant') }),
  z.object({ kind: z.literal('consent'), consent: ZConsentTerms }),
]);
export type TCreateBasis = z.output<typeof ZCreateBasis>;

/** POST /api/households. */
export const ZHouseholdCreateBody = ZHouseholdFileBase.extend({ basis: ZCreateBasis }).superRefine(
  refineHouseholdFile,
);
export type THouseholdCreateBody = z.input<typeof ZHouseholdCreateBody>;

/** PUT /api/households/:id: the whole file and the version it was read at. */
export const ZHouseholdUpdate = ZHouseholdFileBase.extend({
  version: z.number().int().min(1),
}).superRefine(refineHouseholdFile);
export type THouseholdUpdate = z.output<typeof ZHouseholdUpdate>;
export type THouseholdUpdateInput = z.input<typeof ZHouseholdUpdate>;

export const ZHouseholdCreated = z.object({ id: ZId });

// ---- list -----------------------------------------------------------------------------------

const boolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const ZHouseholdListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(HOUSEHOLD_STATUSES).optional(),
  housingSituation: z.enum(HOUSING_SITUATIONS).optional(),
  dalo: boolQuery,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type THouseholdListQuery = z.input<typeof ZHouseholdListQuery>;

export const ZHouseholdListItem = z.object({
  id: ZId,
  fileNumber: z.number().int(),
  fileLabel: z.string(),
  referencePersonName: z.string().nullable(),
  memberCount: z.number().int(),
  housingSituation: z.enum(HOUSING_SITUATIONS),
  status: z.enum(HOUSEHOLD_STATUSES),
  daloRecognised: z.boolean(),
  accessLevel: ZAccessLevel,
  updatedAt: z.iso.datetime(),
});
export type THouseholdListItem = z.infer<typeof ZHouseholdListItem>;

export const ZHouseholdList = z.object({
  items: z.array(ZHouseholdListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- detail (every field below the header is absent when the reader's level does not cover it)

const ZMember = z.object({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  relationship: z.enum(RELATIONSHIPS),
  isReferencePerson: z.boolean(),
});
const ZResource = z.object({
  id: ZId,
  memberIndex: z.number().int().nullable(),
  type: z.enum(RESOURCE_TYPES),
  monthlyAmountCents: z.number().int(),
  note: z.string().nullable(),
});
const ZExpense = z.object({
  id: ZId,
  category: z.enum(EXPENSE_CATEGORIES),
  monthlyAmountCents: z.number().int(),
  note: z.string().nullable(),
});
const ZDebt = z.object({
  id: ZId,
  kind: z.enum(DEBT_KINDS),
  amountCents: z.number().int(),
  startDate: z.string().nullable(),
  creditor: z.string().nullable(),
  repaymentPlan: z.boolean(),
  note: z.string().nullable(),
});
const ZHousingHistoryEntry = z.object({
  id: ZId,
  situation: z.enum(HOUSING_SITUATIONS),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  address: z.string().nullable(),
  endReason: z.string().nullable(),
});

const nullableText = z.string().nullable().optional();

export const ZHouseholdDetail = z.object({
  id: ZId,
  fileNumber: z.number().int(),
  fileLabel: z.string(),
  status: z.enum(HOUSEHOLD_STATUSES),
  accessLevel: ZAccessLevel,
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  applicationNumber: nullableText,
  phone: nullableText,
  email: nullableText,
  postalAddress: nullableText,
  housingSituation: z.enum(HOUSING_SITUATIONS).optional(),
  dwellingAddress: nullableText,
  dwellingCommuneId: nullableText,
  dwellingCommune: z
    .object({ id: z.string(), name: z.string(), postcode: z.string().nullable() })
    .nullable()
    .optional(),
  landlordOrganisationId: nullableText,
  managementUnitId: nullableText,
  landlordName: nullableText,
  tenantReference: nullableText,
  monthlyRentCents: z.number().int().nullable().optional(),
  monthlyChargesCents: z.number().int().nullable().optional(),
  daloRecognised: z.boolean().optional(),
  daloDecisionDate: nullableText,
  pdalpdPriority: z.boolean().optional(),
  members: z.array(ZMember).optional(),
  /** Total rent arrears (landlord summary), in cents. */
  rentArrears: z.number().int().optional(),
  housingSince: nullableText,
  shelterName: nullableText,
  resources: z.array(ZResource).optional(),
  expenses: z.array(ZExpense).optional(),
  debts: z.array(ZDebt).optional(),
  housingHistory: z.array(ZHousingHistoryEntry).optional(),
  healthNotes: nullableText,
  justiceNotes: nullableText,
  familyConflictNotes: nullableText,
});
export type THouseholdDetail = z.infer<typeof ZHouseholdDetail>;

// ---- history --------------------------------------------------------------------------------

export const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const ZHouseholdVersion = z.object({
  version: z.number().int(),
  changedAt: z.iso.datetime(),
  userName: z.string().nullable(),
  organisationName: z.string().nullable(),
  summary: z.string(),
  changes: z.array(ZFieldChange),
});
export const ZHouseholdHistory = z.object({ items: z.array(ZHouseholdVersion) });
export type THouseholdVersion = z.infer<typeof ZHouseholdVersion>;

// ---- notes and documents --------------------------------------------------------------------

export const ZSensitivity = z.enum(SENSITIVITIES, { message: 'Niveau de confidentialité invalide.' });

export const ZNoteCreate = z.object({
  body: requiredText(10_000, 'Note'),
  sensitivity: ZSensitivity.default('shared'),
});
export type TNoteCreate = z.input<typeof ZNoteCreate>;

export const ZNote = z.object({
  id: ZId,
  body: z.string(),
  sensitivity: ZSensitivity,
  authorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const ZNoteList = z.object({ items: z.array(ZNote) });
export type TNote = z.infer<typeof ZNote>;

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['pdf', 'jpeg', 'png', 'webp', 'docx', 'odt', 'txt'] as const;

/** Multipart form fields sent beside the file (POST /api/households/:id/documents). */
export const ZDocumentUploadFields = z.object({ sensitivity: ZSensitivity.default('shared') });

export const ZDocument = z.object({
  id: ZId,
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sensitivity: ZSensitivity,
  uploadedByName: z.string().nullable(),
  organisationName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const ZDocumentList = z.object({ items: z.array(ZDocument) });
export type TDocument = z.infer<typeof ZDocument>;

export const ZDocumentParams = z.object({ id: ZId, docId: ZId });

// ---- parties and consents -------------------------------------------------------------------

export const ZParty = z.object({
  id: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  organisationType: z.enum(ORGANISATION_TYPES),
  basis: z.enum(PARTY_BASES),
  /** Why this organisation has access, in French. */
  basisLabel: z.string(),
  since: z.iso.datetime(),
  caseworkerUserId: ZId.nullable(),
  caseworkerName: z.string().nullable(),
});
export const ZPartyList = z.object({ items: z.array(ZParty) });
export type TParty = z.infer<typeof ZParty>;

export const ZConsentCreate = z
  .object({ organisationId: ZId, ...consentTermsShape })
  .superRefine((c, ctx) => refineConsentTerms(c, ctx));
export type TConsentCreate = z.input<typeof ZConsentCreate>;

export const ZConsentRevoke = z.object({ reason: requiredText(500, 'Motif') });

export const ZConsentParams = z.object({ id: ZId, consentId: ZId });

export const ZConsent = z.object({
  id: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  purpose: z.enum(CONSENT_PURPOSES),
  purposeDetail: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  method: z.enum(CONSENT_METHODS),
  witnessName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revocationReason: z.string().nullable(),
  /** Grants access today: not revoked, started, not expired. */
  active: z.boolean(),
});
export const ZConsentList = z.object({ items: z.array(ZConsent) });
export type TConsent = z.infer<typeof ZConsent>;

// ---- audit ----------------------------------------------------------------------------------

export const ZHouseholdAuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  action: z.string(),
  userName: z.string().nullable(),
  organisationName: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const ZHouseholdAudit = z.object({ items: z.array(ZHouseholdAuditEntry) });
export type THouseholdAuditEntry = z.infer<typeof ZHouseholdAuditEntry>;

/** French names of the parts of the file, for history summaries and the history tab. */
export const HOUSEHOLD_FIELD_LABELS = {
  fileNumber: 'Numéro de dossier',
  status: 'Statut du dossier',
  applicationNumber: 'Numéro unique',
  phone: 'Téléphone',
  email: 'E-mail',
  postalAddress: 'Adresse postale',
  housingSituation: 'Situation de logement',
  housingSince: "Date d'entrée dans la situation",
  shelterName: "Structure d'hébergement",
  dwellingAddress: 'Adresse du logement',
  dwellingCommuneId: 'Commune du logement',
  dwellingCommune: 'Commune du logement',
  landlordOrganisationId: 'Bailleur',
  managementUnitId: 'Unité de gestion',
  landlordName: 'Bailleur (hors Relais)',
  tenantReference: 'Référence locataire',
  monthlyRentCents: 'Loyer mensuel',
  monthlyChargesCents: 'Charges mensuelles',
  daloRecognised: 'Reconnaissance DALO',
  daloDecisionDate: 'Date de décision DALO',
  pdalpdPriority: 'Priorité PDALPD',
  members: 'Composition du ménage',
  rentArrears: 'Dette de loyer',
  resources: 'Ressources',
  expenses: 'Charges',
  debts: 'Dettes',
  housingHistory: 'Parcours logement',
  healthNotes: 'Santé',
  justiceNotes: 'Justice',
  familyConflictNotes: 'Conflits familiaux',
} as const;

export const ZHouseholdSaved = z.object({ id: ZId, version: z.number().int() });
