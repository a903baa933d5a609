import { ZAlertSettings, ZAlertSettingsInput, ZDigestPreference } from '../contracts/alerts.ts';
import { defineRoute } from './define.ts';

const tag = 'alertes';

/** The organisation's alert settings (its administrators) and each user's daily email of alerts. */
export const ALERT_ROUTES = {
  settings: defineRoute({
    method: 'GET',
    path: '/api/alerts/settings',
    tag,
    summary: 'Réglages des alertes de mon organisation (délais en jours), les valeurs par défaut sinon',
    response: ZAlertSettings,
  }),
  saveSettings: defineRoute({
    method: 'PUT',
    path: '/api/alerts/settings',
    tag,
    summary: 'Modifier les réglages des alertes de mon organisation (administrateur)',
    body: ZAlertSettingsInput,
    response: ZAlertSettings,
    errors: [409],
  }),
  digest: defineRoute({
    method: 'GET',
    path: '/api/alerts/digest-preference',
    tag,
    summary: 'Si je reçois le courriel quotidien de mes alertes',
    response: ZDigestPreference,
  }),
  setDigest: defineRoute({
    method: 'PUT',
    path: '/api/alerts/digest-preference',
    tag,
    summary: 'Recevoir ou non le courriel quotidien de mes alertes',
    body: ZDigestPreference,
    response: ZDigestPreference,
  }),
};
