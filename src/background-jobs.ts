import type { AppDeps } from './kernel/deps.ts';
import type { JobDefinition } from './kernel/jobs.ts';
import { mailDeliveryJob } from './modules/mail/index.ts';
import { auditCheckpointJob } from './modules/audit/index.ts';
import { alertsJob } from './modules/alerts/index.ts';
import { repaymentPlansJob } from './modules/rent-accounts/index.ts';
import { matchingRefreshJob, proposalSilencesJob } from './modules/matching/index.ts';

/** Every background job of the app: the server runs them, `npm run db:migrate` creates their queues. */
export const backgroundJobs = (deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): JobDefinition[] => [
  mailDeliveryJob(deps),
  auditCheckpointJob(deps),
  repaymentPlansJob(deps),
  proposalSilencesJob(deps),
  matchingRefreshJob(deps),
  alertsJob(deps),
];
