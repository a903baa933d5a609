/**
 * Alerts: the daily run that turns deadlines and situations into tasks (rules in
 * src/shared/alerts/), the per-household recompute after a change, the daily email, the settings.
 */
export { alertsRoutes } from './alerts.routes.ts';
export { alertsJob, runAlerts, recomputeHouseholdAlerts, type AlertRunOptions } from './run-alerts.ts';
export { sendDailyDigests } from './digest.ts';
