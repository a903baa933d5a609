import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  EVICTION_STEPS,
  HOUSEHOLD_STATUSES,
  HOUSING_SITUATIONS,
  PARTY_BASES,
  SENSITIVITIES,
} from './household-enums.ts';
import { ORGANISATION_TYPES } from './roles.ts';
import { searchTermProblem } from '../households/search.ts';
import {
  DEBT_FIELDS,
  EXPENSE_FIELDS,
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_PARTS,
  HOUSING_HISTORY_FIELDS,
  MEMBER_FIELDS,
  RESOURCE_FIELDS,
  TENANCY_FIELDS,
  inputShape,
  optText,
  outputShape,
  requiredText,
} from '../households/registry.ts';

export { ZApplicationNumber } from '../households/registry.ts';

/** The file number as people say it: M-000123. */
export const formatFileNumber = (fileNumber: number) => `M-${String(fileNumber).padStart(6, '0')}`;

export const ZAccessLevel = z.enum(['none', 'landlord_summary', 'party', 'caseworker']);

/** The version of the file a writer read: a stale one is refused (409), never merged. */
export const ZFileVersion = z.number({ message: 'Version du dossier attendue.' }).int().min(1);

// ---- inputs, built from the field registry (src/shared/households/registry.ts) -------------------

const { memberId: _memberId, ...resourceFieldsWithoutMember } = RESOURCE_FIELDS;
/** A row of a list part in the whole-file form: its id when it exists already (ids are kept). */
const existingId = { id: ZId.optional() };

export const ZMemberInput = z.object(inputShape(MEMBER_FIELDS));
export const ZResourceInput = z.object({
  ...inputShape(resourceFieldsWithoutMember),
  /** Position of the member in `members` of the same body, or null for a household-level resource. */
  memberIndex: z.number().int().min(0).nullish(),
});
export const ZExpenseInput = z.object(inputShape(EXPENSE_FIELDS));
export const ZDebtInput = z.object(inputShape(DEBT_FIELDS));
export const ZHousingHistoryInput = z.object(inputShape(HOUSING_HISTORY_FIELDS));
export const ZTenancyInput = z.object(inputShape(TENANCY_FIELDS));
export type TTenancyInput = z.input<typeof ZTenancyInput>;

/** The editable household file, without refinements (so it can be extended). */
const householdFileShape = {
  ...inputShape(HOUSEHOLD_FIELDS),
  /** The dwelling the household occupies now, with its lease; null when it has none. */
  tenancy: ZTenancyInput.nullish(),
  members: z
    .array(ZMemberInput.extend(existingId))
    .min(1, { message: 'Le ménage compte au moins une personne.' })
    .max(HOUSEHOLD_PARTS.members.max),
  resources: z.array(ZResourceInput.extend(existingId)).max(HOUSEHOLD_PARTS.resources.max).default([]),
  expenses: z.array(ZExpenseInput.extend(existingId)).max(HOUSEHOLD_PARTS.expenses.max).default([]),
  debts: z.array(ZDebtInput.extend(existingId)).max(HOUSEHOLD_PARTS.debts.max).default([]),
  housingHistory: z
    .array(ZHousingHistoryInput.extend(existingId))
    .max(HOUSEHOLD_PARTS.housingHistory.max)
    .default([]),
};
const ZHouseholdFileBase = z.object(householdFileShape);
type HouseholdFileOutput = z.output<typeof ZHouseholdFileBase>;

const referencePersonIssue = (count: number) =>
  count === 0
    ? 'Désignez la personne de référence du ménage.'
    : 'Une seule personne de référence par ménage.';

/** A housing-history row whose end precedes its start, as a message (or null). */
export const datesOutOfOrder = (h: { fromDate?: string | null; toDate?: string | null }) =>
  h.fromDate && h.toDate && h.toDate < h.fromDate ? 'La date de fin précède la date de début.' : null;

/** Cross-field rules, reported on the path of the field to fix so the form shows them there. */
function refineHouseholdFile(file: HouseholdFileOutput, ctx: z.RefinementCtx) {
  const references = file.members.filter((m) => m.isReferencePerson).length;
  if (references !== 1)
    ctx.addIssue({ code: 'custom', path: ['members'], message: referencePersonIssue(references) });
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
    const issue = datesOutOfOrder(h);
    if (issue) ctx.addIssue({ code: 'custom', path: ['housingHistory', i, 'toDate'], message: issue });
  });
}

/**
 * Dates that must not lie after `today` (YYYY-MM-DD). Kept apart from the Zod schema because
 * "today" comes from the server clock (tests move it); the web form calls it with its own date.
 */
export function futureDateIssues(
  file: {
    members: readonly { birthDate?: string | null }[];
    daloDecisionDate?: string | null;
    housingSince?: string | null;
  },
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
  validUntil: ZIsoDate.nullish(),
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
export type TConsentTermsInput = z.input<typeof ZConsentTerms>;

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

/** PUT /api/households/:id: the whole file and the version it was read at (rows keep their ids). */
export const ZHouseholdUpdate = ZHouseholdFileBase.extend({ version: ZFileVersion }).superRefine(
  refineHouseholdFile,
);
export type THouseholdUpdate = z.output<typeof ZHouseholdUpdate>;
export type THouseholdUpdateInput = z.input<typeof ZHouseholdUpdate>;

export const ZHouseholdCreated = z.object({ id: ZId });

// ---- one part's rows: their own endpoints ------------------------------------------------------

/** Creating a row: its fields and the version of the file read (resources name their member by id). */
export const partCreateBody = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ ...shape, version: ZFileVersion });
/** Changing a row: the fields that change, and the version read. */
export const partUpdateBody = <S extends z.ZodRawShape>(shape: S) =>
  z.object(shape).partial().extend({ version: ZFileVersion });

export const ZPartRowParams = z.object({ id: ZId, rowId: ZId });
export const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });

/** The answer to a change of the file: the household, its new version, and the row written. */
export const ZHouseholdSaved = z.object({ id: ZId, version: z.number().int(), rowId: ZId.optional() });
export type THouseholdSaved = z.infer<typeof ZHouseholdSaved>;

// ---- list -----------------------------------------------------------------------------------

const boolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const ZHouseholdListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, 'Une recherche tient en 100 caractères au plus.')
    .superRefine((q, ctx) => {
      const problem = searchTermProblem(q);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
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
  /** The last day of the household's social watch (veille) when it is under one today, else null. */
  watchUntil: z.string().nullable(),
});
export type THouseholdListItem = z.infer<typeof ZHouseholdListItem>;

export const ZHouseholdList = z.object({
  items: z.array(ZHouseholdListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- detail (every part below the header is absent when the reader's level does not cover it)

const row = <S extends z.ZodRawShape>(shape: S) => z.object({ id: ZId, ...shape });
export const ZMember = row(outputShape(MEMBER_FIELDS));
export const ZResource = row({
  ...outputShape(RESOURCE_FIELDS),
  /** Position of the member in `members` (the form's reference), null for the household. */
  memberIndex: z.number().int().nullable(),
});
export const ZExpense = row(outputShape(EXPENSE_FIELDS));
export const ZDebt = row(outputShape(DEBT_FIELDS));
export const ZHousingHistoryEntry = row(outputShape(HOUSING_HISTORY_FIELDS));

export const ZCommune = z.object({ id: ZId, name: z.string(), postcode: z.string().nullable() });

export const ZTenancy = z.object({
  id: ZId,
  dwellingId: ZId,
  ...outputShape(TENANCY_FIELDS),
  commune: ZCommune.nullable(),
  landlordOrganisationName: z.string().nullable(),
  managementUnitName: z.string().nullable(),
  /** Since when the rent and charges are those. */
  rentSince: z.string().nullable(),
});
export type TTenancy = z.infer<typeof ZTenancy>;

/** The eviction procedure's steps, oldest first (one record per household). */
export const ZEvictionStep = z.object({
  id: ZId,
  step: z.enum(EVICTION_STEPS),
  occurredOn: z.string(),
  note: z.string().nullable(),
});
export const ZEvictionProcedure = z.object({
  id: ZId,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  steps: z.array(ZEvictionStep),
});
export type TEvictionProcedure = z.infer<typeof ZEvictionProcedure>;

export const ZEvictionStepCreate = z.object({
  step: z.enum(EVICTION_STEPS, { message: 'Étape de procédure inconnue.' }),
  occurredOn: ZIsoDate,
  note: optText(1000),
});
export type TEvictionStepCreate = z.input<typeof ZEvictionStepCreate>;
export const ZEvictionStepRecorded = z.object({
  /** Null when this step on this day was already recorded. */
  id: ZId.nullable(),
});
export const ZEvictionProcedureClose = z.object({ reason: requiredText(500, 'Motif') });

const scalarOutputs = Object.fromEntries(
  Object.entries(HOUSEHOLD_FIELDS).map(([k, f]) => [k, f.output.optional()]),
) as { [K in keyof typeof HOUSEHOLD_FIELDS]: z.ZodOptional<(typeof HOUSEHOLD_FIELDS)[K]['output']> };

export const ZHouseholdDetail = z.object({
  id: ZId,
  fileNumber: z.number().int(),
  fileLabel: z.string(),
  accessLevel: ZAccessLevel,
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  ...scalarOutputs,
  status: z.enum(HOUSEHOLD_STATUSES),
  tenancy: ZTenancy.nullable().optional(),
  members: z.array(ZMember).optional(),
  /** Total rent arrears (landlord summary), in cents. */
  rentArrears: z.number().int().optional(),
  evictionProcedure: ZEvictionProcedure.nullable().optional(),
  resources: z.array(ZResource).optional(),
  expenses: z.array(ZExpense).optional(),
  debts: z.array(ZDebt).optional(),
  housingHistory: z.array(ZHousingHistoryEntry).optional(),
});
export type THouseholdDetail = z.infer<typeof ZHouseholdDetail>;

// ---- history: each change as a person reads it ------------------------------------------------

export const ZFieldChange = z.object({
  /** "Loyer mensuel", "Composition du ménage — Léo Dupré : Prénom". */
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
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
  /** The household's consent the access rests on, if any: withdrawing it ends the access. */
  consentId: ZId.nullable(),
  /** That consent in words ("Accord du ménage du 01/03/2026"). */
  consentLabel: z.string().nullable(),
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

/** One access to or change of the file, as the caseworker reads it (no code, no identifier). */
export const ZHouseholdAuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  /** "Consultation du dossier", "Modification du dossier"… */
  actionLabel: z.string(),
  /** What the entry says beyond its action, in French ("Champs : Téléphone, Loyer mensuel"). */
  description: z.string().nullable(),
  userName: z.string().nullable(),
  organisationName: z.string().nullable(),
  ip: z.string().nullable(),
});
export const ZHouseholdAudit = z.object({ items: z.array(ZHouseholdAuditEntry) });
export type THouseholdAuditEntry = z.infer<typeof ZHouseholdAuditEntry>;
