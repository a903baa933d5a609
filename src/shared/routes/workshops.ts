import {
  ZWorkshop,
  ZWorkshopAttendance,
  ZWorkshopCancel,
  ZWorkshopInput,
  ZWorkshopInvitations,
  ZWorkshopList,
  ZWorkshopOptions,
  ZWorkshopParams,
  ZWorkshopUpdate,
} from '../contracts/workshops.ts';
import { defineRoute } from './define.ts';

const tag = 'workshops';

/**
 * Collective workshops: an organisation's sessions, read and run by its social workers only (a
 * partner of a household sees that household's attendance in its journal, never the list).
 */
export const WORKSHOP_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/workshops',
    tag,
    summary: 'Ateliers collectifs de mon organisation, les plus récents d’abord',
    response: ZWorkshopList,
  }),
  options: defineRoute({
    method: 'GET',
    path: '/api/workshops/options',
    tag,
    summary: 'Animateurs possibles d’un atelier : les travailleurs sociaux de mon organisation',
    response: ZWorkshopOptions,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/workshops',
    tag,
    summary: 'Programmer un atelier collectif (thème, briques, date et heure de Paris, lieu, animateurs)',
    body: ZWorkshopInput,
    response: ZWorkshop,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/workshops/:workshopId',
    tag,
    summary:
      'Un atelier, ses animateurs et les ménages invités avec leur présence (organisation qui l’anime)',
    params: ZWorkshopParams,
    response: ZWorkshop,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/workshops/:workshopId',
    tag,
    summary: 'Modifier un atelier, à la version lue',
    params: ZWorkshopParams,
    body: ZWorkshopUpdate,
    response: ZWorkshop,
    errors: [409],
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/workshops/:workshopId/cancel',
    tag,
    summary: 'Annuler un atelier avec son motif',
    params: ZWorkshopParams,
    body: ZWorkshopCancel,
    response: ZWorkshop,
    errors: [409],
  }),
  invitations: defineRoute({
    method: 'PUT',
    path: '/api/workshops/:workshopId/invitations',
    tag,
    summary: 'Ménages invités à l’atelier (ménages que mon organisation accompagne)',
    params: ZWorkshopParams,
    body: ZWorkshopInvitations,
    response: ZWorkshop,
    errors: [409],
  }),
  attendance: defineRoute({
    method: 'PUT',
    path: '/api/workshops/:workshopId/attendance',
    tag,
    summary:
      'Présences à l’atelier : chaque ménage présent le retrouve une fois dans son journal, sans les autres participants',
    params: ZWorkshopParams,
    body: ZWorkshopAttendance,
    response: ZWorkshop,
    errors: [409],
  }),
};
