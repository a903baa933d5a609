import type { Context } from '../../../kernel/context.ts';
import { DEFAULT_ALERT_SETTINGS, type TAlertSettingsAnswer } from '../../../shared/contracts/alerts.ts';
import { findSettings } from '../alerts.repository.ts';

/** The organisation's alert settings (readable by its members: they explain its alerts), or the defaults. */
export async function getAlertSettings(ctx: Context): Promise<TAlertSettingsAnswer> {
  const own = await findSettings(ctx.db, ctx.actor.organisationId);
  return own ? { ...own, isDefault: false } : { ...DEFAULT_ALERT_SETTINGS, rowVersion: 0, isDefault: true };
}
