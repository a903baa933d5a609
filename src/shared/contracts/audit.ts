import { z } from 'zod';
import { ZId, ZIsoDate, ZPaging, zPage } from './common.ts';

export const ZAuditQuery = ZPaging.extend({
  /** Inclusive calendar days (Europe/Paris). */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  /** An action's code, matching itself and its sub-actions ("auth" matches "auth.login"). */
  action: z.string().trim().max(100).optional(),
  userId: ZId.optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** An entry in words: the action's name, what it concerned and its details, without code or identifier. */
export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actionLabel: z.string(),
  /** What the action concerned: a file by its number, a person by name, or the kind of record. */
  subject: z.string().nullable(),
  description: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = zPage(ZAuditEntry);
export type TAuditPage = z.infer<typeof ZAuditPage>;

/** A signed checkpoint of the audit log, as listed for its download. */
export const ZAuditCheckpoint = z.object({
  id: z.number().int(),
  createdAt: z.iso.datetime(),
  /** Entries the checkpoint attests, all streams together. */
  entries: z.number().int(),
});
export const ZAuditCheckpoints = z.object({ items: z.array(ZAuditCheckpoint) });
export type TAuditCheckpoints = z.infer<typeof ZAuditCheckpoints>;
export const ZAuditCheckpointParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53 - 1),
});
