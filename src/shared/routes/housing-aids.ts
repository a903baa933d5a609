import { ZIdParams } from '../contracts/common.ts';
import {
  ZAid,
  ZAidCreate,
  ZAidDecision,
  ZAidList,
  ZAidParams,
  ZAidPayment,
  ZAidRepayment,
} from '../contracts/housing-aids.ts';
import { defineRoute } from './define.ts';

const tag = 'aides';
/** A landlord (summary level) reads the aids paid to it; the household's social workers read and manage all. */
const read = { param: 'id', level: 'landlord_summary' } as const;
const manage = {
  param: 'id',
  level: 'party',
  refusal: 'Seuls les travailleurs sociaux qui suivent le ménage gèrent ses aides financières.',
} as const;

/** A household's financial aids and guarantees: requests, decisions, payments. */
export const HOUSING_AID_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/households/:id/aids',
    tag,
    summary:
      'Aides financières et garanties du ménage (un bailleur ne voit que celles qui lui sont versées ; lecture journalisée)',
    params: ZIdParams,
    response: ZAidList,
    household: read,
  }),
  request: defineRoute({
    method: 'POST',
    path: '/api/households/:id/aids',
    tag,
    summary:
      'Enregistrer une demande d’aide (FSL, Loca-Pass, Visale, aide sur quittance…) : financeur, forme, bénéficiaire, montant',
    params: ZIdParams,
    body: ZAidCreate,
    response: ZAid,
    status: 201,
    household: manage,
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/api/households/:id/aids/:aidId/decision',
    tag,
    summary:
      'Enregistrer la décision du financeur : aide accordée (montant) ou refusée (motif), à la version lue',
    params: ZAidParams,
    body: ZAidDecision,
    response: ZAid,
    household: manage,
    errors: [409],
  }),
  pay: defineRoute({
    method: 'POST',
    path: '/api/households/:id/aids/:aidId/payments',
    tag,
    summary:
      'Enregistrer un versement d’une aide accordée (jamais au-delà du montant accordé) ; versée au compte locatif, elle y est passée',
    params: ZAidParams,
    body: ZAidPayment,
    response: ZAid,
    household: manage,
    errors: [409, 422],
  }),
  repay: defineRoute({
    method: 'POST',
    path: '/api/households/:id/aids/:aidId/repayments',
    tag,
    summary:
      'Enregistrer un remboursement d’un prêt versé (FSL, avance Loca-Pass), jamais au-delà du montant prêté',
    params: ZAidParams,
    body: ZAidRepayment,
    response: ZAid,
    status: 201,
    household: manage,
  }),
} as const;
