import { formatFileNumber } from '../../shared/contracts/households.ts';
import type { TTask } from '../../shared/contracts/tasks.ts';
import type { TaskRecord } from './tasks.repository.ts';

export const presentTask = ({ fileNumber, ...t }: TaskRecord): TTask => ({
  ...t,
  fileLabel: formatFileNumber(fileNumber),
  closedAt: t.closedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});
