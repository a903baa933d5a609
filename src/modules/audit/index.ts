/**
 * Consultation of the audit log by an organisation's administrators and auditors; the chain that
 * makes it tamper-evident, its verification and its signed checkpoints.
 */
export { auditRoutes } from './audit.routes.ts';
export { verifyAuditChain } from './chain.ts';
export { verifyAuditLog } from './verify.ts';
export {
  auditCheckpointJob,
  configuredPublicKey,
  createCheckpoint,
  type CheckpointFile,
} from './checkpoints.ts';
