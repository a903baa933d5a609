import {
  ZAuditCheckpoint,
  ZAuditCheckpointParams,
  ZAuditCheckpoints,
  ZAuditPage,
  ZAuditQuery,
} from '../contracts/audit.ts';
import { FILE_RESPONSE, defineRoute } from './define.ts';

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
  checkpoints: defineRoute({
    method: 'GET',
    path: '/api/admin/audit-checkpoints',
    tag: 'audit',
    summary: 'Points de contrôle signés du journal d’audit, les plus récents d’abord',
    response: ZAuditCheckpoints,
  }),
  signCheckpoint: defineRoute({
    method: 'POST',
    path: '/api/admin/audit-checkpoints',
    tag: 'audit',
    summary: 'Signer maintenant un point de contrôle du journal d’audit',
    response: ZAuditCheckpoint,
    status: 201,
  }),
  downloadCheckpoint: defineRoute({
    method: 'GET',
    path: '/api/admin/audit-checkpoints/:id',
    tag: 'audit',
    summary: 'Télécharger un point de contrôle signé, à conserver hors de la base',
    params: ZAuditCheckpointParams,
    response: FILE_RESPONSE,
  }),
};
