import {
  ZArrearsThreshold,
  ZDwelling,
  ZDwellingCreate,
  ZDwellingInput,
  ZDwellingListQuery,
  ZDwellingOptions,
  ZDwellingPage,
  ZDwellingParams,
  ZFlaggedTenants,
  ZImportParams,
  ZImportRun,
  ZImportRunList,
  ZImportUploadFields,
  ZMappingInput,
  ZRentInput,
  ZStatusChange,
  IMPORT_MAX_BYTES,
} from '../contracts/dwellings.ts';
import { defineRoute } from './define.ts';

const tag = 'dwellings';

/**
 * A landlord's housing stock, read and managed by its own staff (dwelling policy). No household scope:
 * a dwelling is the landlord's, and an imported tenant has no file in Relais.
 */
export const DWELLING_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/dwellings',
    tag,
    summary: 'Le parc de mon organisation (bailleur), filtré et paginé',
    query: ZDwellingListQuery,
    response: ZDwellingPage,
  }),
  options: defineRoute({
    method: 'GET',
    path: '/api/dwellings/options',
    tag,
    summary: 'Les communes qu’un logement peut avoir',
    response: ZDwellingOptions,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/dwellings/:dwellingId',
    tag,
    summary: 'Un logement de mon parc, avec l’historique de son loyer',
    params: ZDwellingParams,
    response: ZDwelling,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/dwellings',
    tag,
    summary: 'Ajouter un logement à mon parc',
    body: ZDwellingCreate,
    response: ZDwelling,
    status: 201,
    errors: [409],
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/dwellings/:dwellingId',
    tag,
    summary: 'Modifier un logement de mon parc',
    params: ZDwellingParams,
    body: ZDwellingInput,
    response: ZDwelling,
    errors: [409],
  }),
  addRent: defineRoute({
    method: 'POST',
    path: '/api/dwellings/:dwellingId/rents',
    tag,
    summary: 'Enregistrer un nouveau loyer (et ses charges) à partir d’une date',
    params: ZDwellingParams,
    body: ZRentInput,
    response: ZDwelling,
    status: 201,
  }),
  changeStatus: defineRoute({
    method: 'POST',
    path: '/api/dwellings/:dwellingId/status',
    tag,
    summary: 'Changer le statut d’un logement (vacant, loué, en travaux, mis à disposition)',
    params: ZDwellingParams,
    body: ZStatusChange,
    response: ZDwelling,
  }),
} as const;

/**
 * The imports of a landlord's exports: upload, map the columns, check every line (a dry run the client
 * drives a chunk at a time, for its progress bar), then apply all of it in one transaction (ADR 0026).
 */
export const STOCK_IMPORT_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/stock-imports',
    tag,
    summary: 'Les imports de mon organisation (bailleur) : qui, quand, quel fichier, combien',
    response: ZImportRunList,
  }),
  upload: defineRoute({
    method: 'POST',
    path: '/api/stock-imports',
    tag,
    summary: 'Envoyer un export (CSV ou XLSX) : ses colonnes et la correspondance proposée',
    upload: { maxBytes: IMPORT_MAX_BYTES, fields: ZImportUploadFields },
    response: ZImportRun,
    status: 201,
    errors: [413],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/stock-imports/:runId',
    tag,
    summary: 'Un import : son état, sa progression, ses lignes refusées, son bilan',
    params: ZImportParams,
    response: ZImportRun,
  }),
  map: defineRoute({
    method: 'PUT',
    path: '/api/stock-imports/:runId/mapping',
    tag,
    summary:
      'Faire correspondre les colonnes du fichier aux champs de Relais (gardé pour le prochain import)',
    params: ZImportParams,
    body: ZMappingInput,
    response: ZImportRun,
    errors: [409],
  }),
  check: defineRoute({
    method: 'POST',
    path: '/api/stock-imports/:runId/check',
    tag,
    summary: 'Vérifier le lot suivant de lignes (essai à blanc : rien n’est importé)',
    params: ZImportParams,
    response: ZImportRun,
    errors: [409],
  }),
  apply: defineRoute({
    method: 'POST',
    path: '/api/stock-imports/:runId/apply',
    tag,
    summary: 'Importer toutes les lignes vérifiées, en une fois (tout ou rien)',
    params: ZImportParams,
    response: ZImportRun,
    errors: [409],
  }),
  threshold: defineRoute({
    method: 'GET',
    path: '/api/stock-imports/arrears/threshold',
    tag,
    summary: 'Le seuil d’impayé à partir duquel un locataire est signalé',
    response: ZArrearsThreshold,
  }),
  setThreshold: defineRoute({
    method: 'PUT',
    path: '/api/stock-imports/arrears/threshold',
    tag,
    summary: 'Changer le seuil d’impayé (mois de loyer et charges, ou montant)',
    body: ZArrearsThreshold,
    response: ZArrearsThreshold,
  }),
  flagged: defineRoute({
    method: 'GET',
    path: '/api/stock-imports/arrears/flagged',
    tag,
    summary: 'Les locataires à signaler tôt : leur dernier solde passe le seuil',
    response: ZFlaggedTenants,
  }),
} as const;
