import { z } from 'zod';
import { ZId, ZIdParams } from '../contracts/common.ts';
import {
  ZEvictionPrevention,
  ZInstrumentChange,
  ZInstrumentCreate,
  ZInstrumentParams,
  ZProcedureBalanceCreate,
  ZProcedureFactsInput,
} from '../contracts/eviction-prevention.ts';
import { ZReferralPrefill, ZReferralPrefillParams } from '../contracts/referrals.ts';
import { defineRoute } from './define.ts';

const tag = 'prévention des expulsions';
/** Who reads the file reads the procedure's deadlines; who edits it writes what they are computed from. */
const reading = { param: 'id', level: 'party' } as const;
const editing = {
  param: 'id',
  level: 'party',
  refusal: 'Seuls les intervenants du ménage suivent sa procédure d’expulsion.',
} as const;
const ZCreated = z.object({ id: ZId });

/** The household's eviction prevention: deadlines computed from the procedure record, instruments used. */
export const EVICTION_PREVENTION_ROUTES = {
  get: defineRoute({
    method: 'GET',
    path: '/api/households/:id/eviction-prevention',
    tag,
    summary:
      'Prévention de l’expulsion du ménage : délais légaux calculés, étapes avec ce que l’intervenant peut faire, outils mobilisés',
    params: ZIdParams,
    response: ZEvictionPrevention.nullable(),
    household: reading,
  }),
  saveFacts: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/eviction-prevention/facts',
    tag,
    summary: 'Enregistrer le bail, le loyer et l’audience dont les délais de la procédure sont calculés',
    params: ZIdParams,
    body: ZProcedureFactsInput,
    response: null,
    household: editing,
    errors: [409],
  }),
  recordBalance: defineRoute({
    method: 'POST',
    path: '/api/households/:id/eviction-prevention/balances',
    tag,
    summary: 'Noter la dette locative à une date (le solde du compte du bailleur)',
    params: ZIdParams,
    body: ZProcedureBalanceCreate,
    response: ZCreated,
    status: 201,
    household: editing,
    errors: [409],
  }),
  removeBalance: defineRoute({
    method: 'DELETE',
    path: '/api/households/:id/eviction-prevention/balances/:balanceId',
    tag,
    summary: 'Retirer un solde noté par erreur',
    params: z.object({ id: ZId, balanceId: ZId }),
    response: null,
    household: editing,
    errors: [409],
  }),
  addInstrument: defineRoute({
    method: 'POST',
    path: '/api/households/:id/eviction-prevention/instruments',
    tag,
    summary: 'Noter un outil de prévention mobilisé (FSL maintien, plan d’apurement, protocole…)',
    params: ZIdParams,
    body: ZInstrumentCreate,
    response: ZCreated,
    status: 201,
    household: editing,
    errors: [409],
  }),
  /** The early referral of a tenant its landlord's arrears file flagged, before any procedure. */
  referralPrefill: defineRoute({
    method: 'GET',
    path: '/api/leases/:contractId/referral-prefill',
    tag,
    summary:
      'Saisine d’un locataire signalé : le locataire, le logement, le bailleur et la dette du dernier fichier d’impayés',
    params: ZReferralPrefillParams,
    response: ZReferralPrefill,
    household: { param: 'contractId', via: 'contract', lease: 'refer_occupant' },
  }),
  changeInstrument: defineRoute({
    method: 'POST',
    path: '/api/households/:id/eviction-prevention/instruments/:instrumentId',
    tag,
    summary: 'Changer l’état d’un outil de prévention (demandé, obtenu, refusé, terminé)',
    params: ZInstrumentParams,
    body: ZInstrumentChange,
    response: null,
    household: editing,
    errors: [409],
  }),
};
