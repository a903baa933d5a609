import { ZIdParams } from '../contracts/common.ts';
import {
  DOCUMENT_MAX_BYTES,
  ZConsentCreate,
  ZConsentList,
  ZConsentParams,
  ZConsentRevoke,
  ZDocumentList,
  ZDocumentParams,
  ZDocumentUploadFields,
  ZEvictionProcedureClose,
  ZEvictionStepCreate,
  ZEvictionStepRecorded,
  ZHouseholdAudit,
  ZHouseholdCreateBody,
  ZHouseholdCreated,
  ZHouseholdDetail,
  ZHouseholdHistory,
  ZHouseholdList,
  ZHouseholdListQuery,
  ZHouseholdSaved,
  ZHouseholdUpdate,
  ZNoteCreate,
  ZNoteList,
  ZPartRowParams,
  ZPartyList,
  ZVersionQuery,
  partCreateBody,
  partUpdateBody,
} from '../contracts/households.ts';
import { HOUSEHOLD_PARTS, inputShape, type FieldSpec } from '../households/registry.ts';
import { FILE_RESPONSE, defineRoute, type HouseholdScope } from './define.ts';

const tag = 'ménages';
const household = (level: HouseholdScope['level'], refusal?: string) =>
  ({ param: 'id', level, ...(refusal ? { refusal } : {}) }) as const;
/** Landlords read the summary and inform the file through referrals: they do not edit it. */
const editing = household('party', 'Vous pouvez consulter ce dossier mais pas le modifier.');
const consents = household('party', 'Les accords du ménage sont tenus par les travailleurs sociaux.');

/** The household file: list, create, read, update, its history, notes, documents, parties and consents. */
export const HOUSEHOLD_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/households',
    tag,
    summary: 'Ménages dont mon organisation est partie (recherche, filtres, pages)',
    query: ZHouseholdListQuery,
    response: ZHouseholdList,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/households',
    tag,
    summary: "Créer un dossier ménage (avec l'accord du ménage, ou pour un locataire du bailleur)",
    body: ZHouseholdCreateBody,
    response: ZHouseholdCreated,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/households/:id',
    tag,
    summary: 'Lire un dossier ménage (champs selon le niveau d’accès ; lecture journalisée)',
    params: ZIdParams,
    response: ZHouseholdDetail,
    household: { ...household('landlord_summary'), checkedInStatement: true },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/households/:id',
    tag,
    summary: 'Enregistrer le dossier ménage complet (contrôle de version)',
    params: ZIdParams,
    body: ZHouseholdUpdate,
    response: ZHouseholdSaved,
    household: editing,
    errors: [409],
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/households/:id/history',
    tag,
    summary: 'Historique des versions du dossier (modifications visibles selon le niveau d’accès)',
    params: ZIdParams,
    response: ZHouseholdHistory,
    household: household('landlord_summary'),
  }),
  audit: defineRoute({
    method: 'GET',
    path: '/api/households/:id/audit',
    tag,
    summary: 'Journal des accès et modifications du dossier (référent)',
    params: ZIdParams,
    response: ZHouseholdAudit,
    household: household('caseworker', 'Le journal d’accès du dossier est réservé au référent.'),
  }),
  notes: defineRoute({
    method: 'GET',
    path: '/api/households/:id/notes',
    tag,
    summary: 'Notes du dossier (selon leur confidentialité)',
    params: ZIdParams,
    response: ZNoteList,
    household: household('landlord_summary'),
  }),
  addNote: defineRoute({
    method: 'POST',
    path: '/api/households/:id/notes',
    tag,
    summary: 'Ajouter une note (partagée, visible du bailleur ou confidentielle)',
    params: ZIdParams,
    body: ZNoteCreate,
    response: ZHouseholdCreated,
    status: 201,
    household: household('landlord_summary'),
  }),
  documents: defineRoute({
    method: 'GET',
    path: '/api/households/:id/documents',
    tag,
    summary: 'Documents du dossier (selon leur confidentialité)',
    params: ZIdParams,
    response: ZDocumentList,
    household: household('landlord_summary'),
  }),
  uploadDocument: defineRoute({
    method: 'POST',
    path: '/api/households/:id/documents',
    tag,
    summary: 'Déposer un document (10 Mo au plus ; PDF, JPEG, PNG, WebP, DOCX, ODT, texte)',
    params: ZIdParams,
    upload: { maxBytes: DOCUMENT_MAX_BYTES, fields: ZDocumentUploadFields },
    response: ZHouseholdCreated,
    status: 201,
    household: household('landlord_summary'),
    errors: [413, 415],
  }),
  documentContent: defineRoute({
    method: 'GET',
    path: '/api/households/:id/documents/:docId/content',
    tag,
    summary: 'Télécharger un document (téléchargement journalisé)',
    params: ZDocumentParams,
    response: FILE_RESPONSE,
    household: household('landlord_summary'),
  }),
  parties: defineRoute({
    method: 'GET',
    path: '/api/households/:id/parties',
    tag,
    summary: 'Organisations ayant accès au dossier, et à quel titre',
    params: ZIdParams,
    response: ZPartyList,
    household: household('landlord_summary'),
  }),
  consents: defineRoute({
    method: 'GET',
    path: '/api/households/:id/consents',
    tag,
    summary: 'Accords du ménage (en cours, expirés, retirés)',
    params: ZIdParams,
    response: ZConsentList,
    household: consents,
  }),
  recordConsent: defineRoute({
    method: 'POST',
    path: '/api/households/:id/consents',
    tag,
    summary: "Enregistrer l'accord du ménage pour une organisation (qui devient partie au dossier)",
    params: ZIdParams,
    body: ZConsentCreate,
    response: ZHouseholdCreated,
    status: 201,
    household: consents,
  }),
  revokeConsent: defineRoute({
    method: 'POST',
    path: '/api/households/:id/consents/:consentId/revoke',
    tag,
    summary: "Retirer un accord : l'organisation perd l'accès dès maintenant",
    params: ZConsentParams,
    body: ZConsentRevoke,
    response: null,
    household: consents,
    errors: [409],
  }),
  recordEvictionStep: defineRoute({
    method: 'POST',
    path: '/api/households/:id/eviction-steps',
    tag,
    summary: 'Noter une étape datée de la procédure d’expulsion (ouvre la procédure à sa première étape)',
    params: ZIdParams,
    body: ZEvictionStepCreate,
    response: ZEvictionStepRecorded,
    status: 201,
    household: editing,
  }),
  closeEvictionProcedure: defineRoute({
    method: 'POST',
    path: '/api/households/:id/eviction-procedure/close',
    tag,
    summary: 'Clore la procédure d’expulsion en cours, avec son motif',
    params: ZIdParams,
    body: ZEvictionProcedureClose,
    response: null,
    household: editing,
    errors: [409],
  }),
};

/** The three endpoints of one list part: its rows have stable ids and change one at a time. */
function partRoutes<const Path extends string, F extends Record<string, FieldSpec>>(spec: {
  label: string;
  path: Path;
  fields: F;
}) {
  const shape = inputShape(spec.fields);
  const base = `/api/households/:id/${spec.path}` as const;
  const scope = editing;
  return {
    add: defineRoute({
      method: 'POST',
      path: base,
      tag,
      summary: `Ajouter une ligne : ${spec.label} (contrôle de version)`,
      params: ZIdParams,
      body: partCreateBody(shape),
      response: ZHouseholdSaved,
      status: 201,
      household: scope,
      errors: [409],
    }),
    change: defineRoute({
      method: 'PATCH',
      path: `${base}/:rowId`,
      tag,
      summary: `Modifier une ligne : ${spec.label} (contrôle de version)`,
      params: ZPartRowParams,
      body: partUpdateBody(shape),
      response: ZHouseholdSaved,
      household: scope,
      errors: [409],
    }),
    remove: defineRoute({
      method: 'DELETE',
      path: `${base}/:rowId`,
      tag,
      summary: `Retirer une ligne : ${spec.label} (contrôle de version)`,
      params: ZPartRowParams,
      query: ZVersionQuery,
      response: ZHouseholdSaved,
      household: scope,
      errors: [409],
    }),
  };
}

/** The rows of the file's lists, one endpoint each: members, resources, expenses, debts, housing history. */
export const HOUSEHOLD_PART_ROUTES = {
  members: partRoutes(HOUSEHOLD_PARTS.members),
  resources: partRoutes(HOUSEHOLD_PARTS.resources),
  expenses: partRoutes(HOUSEHOLD_PARTS.expenses),
  debts: partRoutes(HOUSEHOLD_PARTS.debts),
  housingHistory: partRoutes(HOUSEHOLD_PARTS.housingHistory),
};
