import { ZIdParams } from '../contracts/common.ts';
import {
  ZContactAttemptCreate,
  ZFirstInterview,
  ZReferralAccept,
  ZReferralCaseworkerList,
  ZReferralCreate,
  ZReferralCreated,
  ZReferralDecline,
  ZReferralDetail,
  ZReferralEventList,
  ZReferralPage,
  ZReferralQuery,
  ZReferralRedirect,
  ZReferralTransitionResult,
} from '../contracts/referrals.ts';
import { defineRoute } from './define.ts';

const tag = 'saisines';
/**
 * A referral's household, reached through the referral. Reading serves the referring landlord
 * (landlord_summary); deciding and following up is the receiving association's social work.
 */
const household = (level: 'landlord_summary' | 'caseworker') =>
  ({ param: 'id', via: 'referral', level }) as const;

/** Referrals (saisines): sending, the two lists, reading, and the receiving side's decisions. */
export const REFERRAL_ROUTES = {
  // Household-scoped through its body when it names an existing household (`householdId`): the use
  // case checks the referrer's access to it.
  create: defineRoute({
    method: 'POST',
    path: '/api/referrals',
    tag,
    summary: 'Adresser une saisine (maintien ou accès) à une association',
    body: ZReferralCreate,
    response: ZReferralCreated,
    status: 201,
    errors: [409],
  }),
  inbox: defineRoute({
    method: 'GET',
    path: '/api/referrals/inbox',
    tag,
    summary: 'Saisines reçues par mon organisation (les plus récentes d’abord)',
    query: ZReferralQuery,
    response: ZReferralPage,
  }),
  sent: defineRoute({
    method: 'GET',
    path: '/api/referrals/sent',
    tag,
    summary: 'Saisines envoyées par mon organisation, avec leur statut',
    query: ZReferralQuery,
    response: ZReferralPage,
  }),
  caseworkers: defineRoute({
    method: 'GET',
    path: '/api/referrals/caseworkers',
    tag,
    summary: 'Travailleurs sociaux de mon organisation pouvant être désignés référents',
    response: ZReferralCaseworkerList,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/referrals/:id',
    tag,
    summary: 'Détail d’une saisine (organisation qui l’a faite ou qui la reçoit)',
    params: ZIdParams,
    response: ZReferralDetail,
    household: household('landlord_summary'),
  }),
  events: defineRoute({
    method: 'GET',
    path: '/api/referrals/:id/events',
    tag,
    summary: 'Historique d’une saisine',
    params: ZIdParams,
    response: ZReferralEventList,
    household: household('landlord_summary'),
  }),
  accept: defineRoute({
    method: 'POST',
    path: '/api/referrals/:id/accept',
    tag,
    summary: 'Accepter une saisine et désigner le référent',
    params: ZIdParams,
    body: ZReferralAccept,
    response: ZReferralTransitionResult,
    household: household('caseworker'),
    errors: [409],
  }),
  decline: defineRoute({
    method: 'POST',
    path: '/api/referrals/:id/decline',
    tag,
    summary: 'Refuser une saisine, avec son motif',
    params: ZIdParams,
    body: ZReferralDecline,
    response: ZReferralTransitionResult,
    household: household('caseworker'),
    errors: [409],
  }),
  redirect: defineRoute({
    method: 'POST',
    path: '/api/referrals/:id/redirect',
    tag,
    summary: 'Réorienter une saisine vers une autre association',
    params: ZIdParams,
    body: ZReferralRedirect,
    response: ZReferralTransitionResult,
    household: household('caseworker'),
    errors: [409],
  }),
  logContactAttempt: defineRoute({
    method: 'POST',
    path: '/api/referrals/:id/contact-attempts',
    tag,
    summary: 'Noter une tentative de contact avec le ménage',
    params: ZIdParams,
    body: ZContactAttemptCreate,
    response: ZReferralCreated,
    status: 201,
    household: household('caseworker'),
    errors: [409],
  }),
  recordFirstInterview: defineRoute({
    method: 'POST',
    path: '/api/referrals/:id/first-interview',
    tag,
    summary: 'Noter le premier entretien : l’accompagnement est ouvert',
    params: ZIdParams,
    body: ZFirstInterview,
    response: ZReferralTransitionResult,
    household: household('caseworker'),
    errors: [409],
  }),
};
