import type { Routes } from '../../kernel/routes.ts';
import { ALERT_ROUTES as R } from '../../shared/routes/alerts.ts';
import { getAlertSettings } from './use-cases/get-alert-settings.ts';
import { saveAlertSettings } from './use-cases/save-alert-settings.ts';
import { getDigestPreference, setDigestPreference } from './use-cases/digest-preference.ts';

/** Alert settings and the daily email preference (transport only: each route calls one use case). */
export function alertsRoutes(routes: Routes): void {
  routes.add(R.settings, (ctx) => getAlertSettings(ctx));
  routes.add(R.saveSettings, (ctx, { body }) => saveAlertSettings(ctx, body));
  routes.add(R.digest, (ctx) => getDigestPreference(ctx));
  routes.add(R.setDigest, (ctx, { body }) => setDigestPreference(ctx, body));
}
