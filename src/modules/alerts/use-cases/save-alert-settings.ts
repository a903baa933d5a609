import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { versionConflict } from '../../../kernel/errors.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import type { TAlertSettingsAnswer, TAlertSettingsInput } from '../../../shared/contracts/alerts.ts';
import { saveSettings } from '../alerts.repository.ts';
import { getAlertSettings } from './get-alert-settings.ts';

/**
 * The organisation's administrator sets its alert delays, at the version read (409 otherwise); the
 * next run applies them.
 */
export async function saveAlertSettings(
  ctx: Context,
  input: Required<TAlertSettingsInput>,
): Promise<TAlertSettingsAnswer> {
  const { db, actor, now } = ctx;
  requireRoleIn(actor, 'administrators');
  const { rowVersion, ...settings } = input;
  const saved = await saveSettings(db, {
    organisationId: actor.organisationId,
    rowVersion,
    userId: actor.userId,
    at: now,
    settings,
  });
  if (!saved) throw versionConflict();
  await audit(db, actor, {
    action: 'alert.settings.save',
    entityType: 'organisation',
    entityId: actor.organisationId,
    details: settings,
  });
  return getAlertSettings(ctx);
}
