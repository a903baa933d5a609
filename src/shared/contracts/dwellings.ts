import { z } from 'zod';
import { TYPOLOGIES } from './household-enums.ts';
import { DWELLING_ACCESSIBILITIES, DWELLING_FINANCINGS, DWELLING_STATUSES } from './housing-stock.ts';
import { ZCents, ZId, ZIsoDate, ZPaging, requiredText, zPage } from './common.ts';
import { IMPORT_KINDS } from '../dwellings/import-lines.ts';

/**
 * A landlord's housing stock (dwellings, their dated rents, statuses) and the imports of its
 * management software's exports (the stock with its tenants, the monthly arrears).
 */
export const ZTypology = z.enum(TYPOLOGIES, { message: 'Typologie inconnue.' });
export const ZDwellingStatus = z.enum(DWELLING_STATUSES, { message: 'Statut inconnu.' });
export const ZDwellingFinancing = z.enum(DWELLING_FINANCINGS, { message: 'Financement inconnu.' });
export const ZDwellingAccessibility = z.enum(DWELLING_ACCESSIBILITIES, {
  message: 'Accessibilité inconnue.',
});

export const ZDwellingParams = z.object({ dwellingId: ZId });

export const ZDwellingListQuery = ZPaging.extend({
  communeId: ZId.optional(),
  typology: ZTypology.optional(),
  status: ZDwellingStatus.optional(),
  financing: ZDwellingFinancing.optional(),
  /** A reference or a piece of the address. */
  q: z.string().trim().max(100).optional(),
});

export const ZRent = z.object({
  effectiveFrom: ZIsoDate,
  monthlyRentCents: z.number().int(),
  monthlyChargesCents: z.number().int(),
});

export const ZDwellingSummary = z.object({
  id: ZId,
  reference: z.string().nullable(),
  address: z.string(),
  communeName: z.string().nullable(),
  typology: ZTypology.nullable(),
  surfaceM2: z.number().nullable(),
  financing: ZDwellingFinancing.nullable(),
  status: ZDwellingStatus,
  /** The rent in force today, if any. */
  rent: ZRent.nullable(),
});
export const ZDwellingPage = zPage(ZDwellingSummary);

export const ZDwelling = ZDwellingSummary.extend({
  communeId: ZId.nullable(),
  communePostcode: z.string().nullable(),
  epciName: z.string().nullable(),
  floor: z.number().int().nullable(),
  lift: z.boolean().nullable(),
  accessibility: ZDwellingAccessibility.nullable(),
  /** Every rent, the latest first. */
  rents: z.array(ZRent),
});

const floor = z
  .number({ message: 'Étage invalide.' })
  .int({ message: 'Étage entier attendu.' })
  .min(-5, { message: 'Étage invraisemblable.' })
  .max(200, { message: 'Étage invraisemblable.' });

export const ZRentInput = z.object({
  effectiveFrom: ZIsoDate,
  monthlyRentCents: ZCents,
  monthlyChargesCents: ZCents,
});

export const ZDwellingInput = z.object({
  reference: z.string().trim().max(60, { message: '60 caractères au plus.' }).nullable().default(null),
  address: requiredText(300, 'Adresse obligatoire.'),
  communeId: ZId,
  typology: ZTypology.nullable().default(null),
  surfaceM2: z
    .number({ message: 'Surface invalide.' })
    .positive({ message: 'Surface positive attendue.' })
    .max(9999, { message: 'Surface invraisemblable.' })
    .nullable()
    .default(null),
  floor: floor.nullable().default(null),
  lift: z.boolean().nullable().default(null),
  accessibility: ZDwellingAccessibility.nullable().default(null),
  financing: ZDwellingFinancing.nullable().default(null),
});
export const ZDwellingCreate = ZDwellingInput.extend({
  status: ZDwellingStatus.default('vacant'),
  /** The first rent, when known. */
  rent: ZRentInput.nullable().default(null),
});
export const ZStatusChange = z.object({ status: ZDwellingStatus });

export const ZCommuneOption = z.object({ id: ZId, name: z.string(), postcode: z.string().nullable() });
export const ZDwellingOptions = z.object({ communes: z.array(ZCommuneOption) });

// Imports

export const ZImportKind = z.enum(IMPORT_KINDS, { message: 'Type d’import inconnu.' });
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export const IMPORT_ENCODING_LABELS: Record<(typeof IMPORT_ENCODINGS)[number], string> = {
  'utf-8': 'UTF-8 (recommandé)',
  'windows-1252': 'Windows (ANSI, Windows-1252)',
};
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const ZImportUploadFields = z.object({
  kind: ZImportKind,
  /** How a CSV file's text is encoded (an XLSX file says so itself). */
  encoding: z.enum(IMPORT_ENCODINGS, { message: 'Encodage inconnu.' }).default('utf-8'),
});

export const IMPORT_STATES = ['uploaded', 'checking', 'rejected', 'checked', 'applied'] as const;
export const IMPORT_STATE_LABELS: Record<(typeof IMPORT_STATES)[number], string> = {
  uploaded: 'Fichier reçu',
  checking: 'Vérification en cours',
  rejected: 'Lignes refusées',
  checked: 'Prêt à importer',
  applied: 'Importé',
};

export const ZImportParams = z.object({ runId: ZId });
export const ZImportMapping = z.record(z.string().max(60), z.string().max(200));
export const ZMappingInput = z.object({ mapping: ZImportMapping });

export const ZImportCounts = z.object({
  dwellingsCreated: z.number().int(),
  dwellingsUpdated: z.number().int(),
  tenantsCreated: z.number().int(),
  tenantsUpdated: z.number().int(),
  balances: z.number().int(),
});

export const ZImportRun = z.object({
  id: ZId,
  kind: ZImportKind,
  fileName: z.string(),
  columns: z.array(z.string()),
  /** The mapping of this run, else the landlord's saved one, else one suggested from the headers. */
  mapping: ZImportMapping,
  mappingSaved: z.boolean(),
  state: z.enum(IMPORT_STATES),
  totalLines: z.number().int(),
  checkedLines: z.number().int(),
  rejectedLines: z.number().int(),
  /** The rejected lines (the first 500), each with its line number in the file and its reasons. */
  rejections: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
  counts: ZImportCounts.nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export const ZImportRunList = z.object({
  items: z.array(ZImportRun.omit({ rejections: true, columns: true, mapping: true, mappingSaved: true })),
});

// Monthly arrears

export const ZArrearsThreshold = z.object({
  /** Months of rent and charges (default 2), or an amount in cents when given. */
  months: z.number().positive().max(24).default(2),
  amountCents: ZCents.nullable().default(null),
});
export const ZFlaggedTenant = z.object({
  /** The tenant's occupancy contract: what a referral from the list is about. */
  contractId: ZId,
  tenantReference: z.string(),
  tenantName: z.string().nullable(),
  dwellingId: ZId,
  address: z.string(),
  asOf: ZIsoDate,
  balanceCents: z.number().int(),
  months: z.number().nullable(),
  /** The monthly rent and charges the threshold was counted on. */
  monthlyDueCents: z.number().int().nullable(),
});
export const ZFlaggedTenants = z.object({ threshold: ZArrearsThreshold, items: z.array(ZFlaggedTenant) });

export type TDwellingSummary = z.infer<typeof ZDwellingSummary>;
export type TDwelling = z.infer<typeof ZDwelling>;
export type TDwellingCreate = z.infer<typeof ZDwellingCreate>;
export type TDwellingInput = z.infer<typeof ZDwellingInput>;
export type TDwellingListQuery = z.infer<typeof ZDwellingListQuery>;
export type TRentInput = z.infer<typeof ZRentInput>;
export type TImportRun = z.infer<typeof ZImportRun>;
export type TImportCounts = z.infer<typeof ZImportCounts>;
export type TArrearsThreshold = z.infer<typeof ZArrearsThreshold>;
export type TFlaggedTenants = z.infer<typeof ZFlaggedTenants>;
