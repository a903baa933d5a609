import { ZMeasureParams } from '../contracts/measures.ts';
import {
  ZContractEdit,
  ZContractPdfQuery,
  ZContractWrite,
  ZHouseholdSignature,
  ZSupportContractAnswer,
} from '../contracts/support-contracts.ts';
import { defineRoute, FILE_RESPONSE } from './define.ts';

const tag = 'contrats';
/** The parties read the contract (a landlord the one it signs), without the household's personal terms. */
const read = { param: 'id', level: 'landlord_summary' } as const;
const write = {
  param: 'id',
  level: 'caseworker',
  refusal: 'Seuls les travailleurs sociaux de l’organisation qui porte la mesure rédigent son contrat.',
} as const;
const base = '/api/households/:id/measures/:measureId/contract';

/** The support contract of a measure: its versions, the draft's edits, the signatures, the PDF. */
export const SUPPORT_CONTRACT_ROUTES = {
  get: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'Contrat d’accompagnement de la mesure, avec ses versions et signatures',
    params: ZMeasureParams,
    response: ZSupportContractAnswer,
    household: read,
  }),
  create: defineRoute({
    method: 'POST',
    path: base,
    tag,
    summary:
      'Générer le contrat (version 1, brouillon) depuis la mesure, le dossier et le diagnostic approuvé',
    params: ZMeasureParams,
    response: ZSupportContractAnswer,
    status: 201,
    household: write,
    errors: [409],
  }),
  edit: defineRoute({
    method: 'PUT',
    path: base,
    tag,
    summary: 'Modifier le brouillon : objectifs, engagements, modalités, clauses (jamais une version signée)',
    params: ZMeasureParams,
    body: ZContractEdit,
    response: ZSupportContractAnswer,
    household: write,
    errors: [409],
  }),
  amend: defineRoute({
    method: 'POST',
    path: `${base}/versions`,
    tag,
    summary: 'Nouvelle version (avenant) d’un contrat en vigueur, à signer de nouveau',
    params: ZMeasureParams,
    body: ZContractWrite,
    response: ZSupportContractAnswer,
    status: 201,
    household: write,
    errors: [409],
  }),
  signHousehold: defineRoute({
    method: 'POST',
    path: `${base}/household-signature`,
    tag,
    summary: 'Signature du ménage sur la tablette (tracée, ou nom saisi devant témoin)',
    params: ZMeasureParams,
    body: ZHouseholdSignature,
    response: ZSupportContractAnswer,
    household: write,
    errors: [409],
  }),
  signPartner: defineRoute({
    method: 'POST',
    path: `${base}/partner-signature`,
    tag,
    summary: 'Signer pour mon organisation (l’association qui porte la mesure, ou le bailleur)',
    params: ZMeasureParams,
    body: ZContractWrite,
    response: ZSupportContractAnswer,
    household: read,
    errors: [409],
  }),
  pdf: defineRoute({
    method: 'GET',
    path: `${base}/pdf`,
    tag,
    summary: 'Le contrat en PDF, avec ses blocs de signature (dernière version, ou celle demandée)',
    params: ZMeasureParams,
    query: ZContractPdfQuery,
    response: FILE_RESPONSE,
    household: read,
  }),
};
