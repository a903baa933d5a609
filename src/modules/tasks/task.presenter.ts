import { ALERT_RULES, type AlertRule } from '../../shared/contracts/alerts.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import type { TTask } from '../../shared/contracts/tasks.ts';
import type { TaskRecord } from './tasks.repository.ts';

/** The rule an alert's key starts with (`measure_ending:…`). */
export function alertRuleOf(alertKey: string | null): AlertRule | null {
  const rule = alertKey?.split(':')[0];
  return (ALERT_RULES as readonly string[]).includes(rule ?? '') ? (rule as AlertRule) : null;
}

export const presentTask = ({
  fileNumber,
  alertKey,
  dwellingId,
  dwellingAddress,
  createdByOrganisationId: _,
  ...t
}: TaskRecord): TTask => ({
  ...t,
  alertRule: alertRuleOf(alertKey),
  fileLabel: fileNumber === null ? null : formatFileNumber(fileNumber),
  dwelling: dwellingId && dwellingAddress !== null ? { id: dwellingId, address: dwellingAddress } : null,
  closedAt: t.closedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});
