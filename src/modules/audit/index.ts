/** Consultation of the audit log by an organisation's administrators and auditors. */
export { auditRoutes } from './audit.routes.ts';
