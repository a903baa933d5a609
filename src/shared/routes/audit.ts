import { ZAuditPage, ZAuditQuery } from '../contracts/audit.ts';
import { defineRoute } from './define.ts';

/** The organisation's audit log, for its administrators and auditors. */
export const AUDIT_ROUTES = {
  log: defineRoute({
    method: 'GET',
    path: '/api/admin/audit-log',
    tag: 'audit',
    summary: 'Journal d’audit de mon organisation (administrateurs et auditeurs)',
    query: ZAuditQuery,
    response: ZAuditPage,
  }),
};
