import {
  ZConversionResult,
  ZPermanenceOptions,
  ZSlot,
  ZSlotClose,
  ZSlotInput,
  ZSlotList,
  ZSlotParams,
  ZSlotUpdate,
  ZVisit,
  ZVisitConversion,
  ZVisitInput,
  ZVisitParams,
  ZVisitUpdate,
  ZWeek,
  ZWeekQuery,
} from '../contracts/permanences.ts';
import { defineRoute } from './define.ts';

const tag = 'permanences';

/**
 * Drop-in sessions: an organisation's slots and the walk-in visits recorded there, read by its
 * social workers only (a visit names a person who has no file yet). No household scope: a visit
 * belongs to no file until it is turned into one.
 */
export const PERMANENCE_ROUTES = {
  slots: defineRoute({
    method: 'GET',
    path: '/api/permanences/slots',
    tag,
    summary: 'Créneaux de permanence de mon organisation',
    response: ZSlotList,
  }),
  options: defineRoute({
    method: 'GET',
    path: '/api/permanences/options',
    tag,
    summary: 'Intervenants possibles d’une permanence : les travailleurs sociaux de mon organisation',
    response: ZPermanenceOptions,
  }),
  createSlot: defineRoute({
    method: 'POST',
    path: '/api/permanences/slots',
    tag,
    summary: 'Ouvrir un créneau de permanence (jour, heures de Paris, rythme, dates, lieu, intervenants)',
    body: ZSlotInput,
    response: ZSlot,
    status: 201,
  }),
  updateSlot: defineRoute({
    method: 'PUT',
    path: '/api/permanences/slots/:slotId',
    tag,
    summary: 'Modifier un créneau de permanence, à la version lue',
    params: ZSlotParams,
    body: ZSlotUpdate,
    response: ZSlot,
    errors: [409],
  }),
  closeSlot: defineRoute({
    method: 'POST',
    path: '/api/permanences/slots/:slotId/close',
    tag,
    summary: 'Fermer un créneau de permanence (plus tenu après aujourd’hui)',
    params: ZSlotParams,
    body: ZSlotClose,
    response: ZSlot,
    errors: [409],
  }),
  week: defineRoute({
    method: 'GET',
    path: '/api/permanences/week',
    tag,
    summary: 'Les permanences d’une semaine (lundi–dimanche, Paris) et leurs passages',
    query: ZWeekQuery,
    response: ZWeek,
  }),
  recordVisit: defineRoute({
    method: 'POST',
    path: '/api/permanences/visits',
    tag,
    summary: 'Noter le passage d’une personne à une permanence (données minimales, accord demandé)',
    body: ZVisitInput,
    response: ZVisit,
    status: 201,
  }),
  visit: defineRoute({
    method: 'GET',
    path: '/api/permanences/visits/:visitId',
    tag,
    summary: 'Un passage à une permanence',
    params: ZVisitParams,
    response: ZVisit,
  }),
  updateVisit: defineRoute({
    method: 'PUT',
    path: '/api/permanences/visits/:visitId',
    tag,
    summary: 'Corriger un passage, à la version lue',
    params: ZVisitParams,
    body: ZVisitUpdate,
    response: ZVisit,
    errors: [409],
  }),
  convertVisit: defineRoute({
    method: 'POST',
    path: '/api/permanences/visits/:visitId/convert',
    tag,
    summary:
      'Transformer un passage en saisine ou en dossier ménage (une seule fois, avec l’accord de la personne)',
    params: ZVisitParams,
    body: ZVisitConversion,
    response: ZConversionResult,
    status: 201,
    errors: [409],
  }),
};
