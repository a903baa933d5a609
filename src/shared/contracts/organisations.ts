import { z } from 'zod';
import { ORGANISATION_TYPES } from './roles.ts';
import { ZId } from './common.ts';

export const ZOrganisationType = z.enum(ORGANISATION_TYPES);

export const TERRITORY_KINDS = ['departement', 'epci', 'commune'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
export const TERRITORY_KIND_LABELS: Record<TerritoryKind, string> = {
  departement: 'Département',
  epci: 'EPCI (intercommunalité)',
  commune: 'Commune',
};
export const ZTerritoryKind = z.enum(TERRITORY_KINDS);

export const ZTerritory = z.object({
  id: ZId,
  kind: ZTerritoryKind,
  /** INSEE code (commune, département) or SIREN (EPCI). */
  code: z.string(),
  name: z.string(),
  parentId: ZId.nullable(),
  postcode: z.string().nullable(),
  /** Housing-benefit zone (1, 2 or 3) of a commune. */
  housingBenefitZone: z.number().int().nullable(),
});
export type TTerritory = z.infer<typeof ZTerritory>;

export const ZTerritoryQuery = z.object({
  kind: ZTerritoryKind.optional(),
  /** Part of the name, the code or the postcode. */
  q: z.string().trim().max(100).optional(),
  parentId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TTerritoryQuery = z.infer<typeof ZTerritoryQuery>;

export const ZTerritoryRef = z.object({ id: ZId, name: z.string(), code: z.string() });

/** A landlord's agence / unité de gestion. */
export const ZManagementUnit = z.object({
  id: ZId,
  name: z.string(),
  code: z.string(),
  territory: ZTerritoryRef.nullable(),
});
export type TManagementUnit = z.infer<typeof ZManagementUnit>;

/** Directory entry: what any signed-in user may know of an organisation (no personal data). */
export const ZOrganisationSummary = z.object({
  id: ZId,
  type: ZOrganisationType,
  name: z.string(),
  shortName: z.string().nullable(),
  territory: ZTerritoryRef.nullable(),
  managementUnits: z.array(ZManagementUnit),
});
export type TOrganisationSummary = z.infer<typeof ZOrganisationSummary>;

/** An organisation with its generic contact details (switchboard, shared mailbox). */
export const ZOrganisationDetail = ZOrganisationSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
});
export type TOrganisationDetail = z.infer<typeof ZOrganisationDetail>;

export const ZOrganisationsQuery = z.object({
  type: ZOrganisationType.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TOrganisationsQuery = z.infer<typeof ZOrganisationsQuery>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au maximum.` })
    .nullable()
    .optional();

/** PATCH /api/admin/organisation: only the fields sent are changed; null clears a contact field. */
export const ZOrganisationUpdate = z.object({
  name: z.string().trim().min(2, { message: 'Le nom est obligatoire.' }).max(200).optional(),
  shortName: optionalText(50),
  email: z.email({ message: 'Adresse e-mail invalide.' }).nullable().optional(),
  phone: optionalText(30),
  address: optionalText(300),
  territoryId: ZId.nullable().optional(),
});
export type TOrganisationUpdate = z.infer<typeof ZOrganisationUpdate>;

export const ZManagementUnitCreate = z.object({
  name: z.string().trim().min(2, { message: 'Le nom est obligatoire.' }).max(200),
  code: z.string().trim().min(1, { message: 'Le code est obligatoire.' }).max(30),
  territoryId: ZId.nullable().optional(),
});
export type TManagementUnitCreate = z.infer<typeof ZManagementUnitCreate>;

export const ZManagementUnitUpdate = ZManagementUnitCreate.partial();
export type TManagementUnitUpdate = z.infer<typeof ZManagementUnitUpdate>;
