import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import {
  checkpointFile,
  createCheckpoint,
  recentCheckpoints,
  type CheckpointSummary,
} from '../checkpoints.ts';

const present = (c: CheckpointSummary) => ({ ...c, createdAt: c.createdAt.toISOString() });

/** The latest checkpoints, for an administrator or auditor to download and keep. */
export async function listCheckpoints(ctx: Context) {
  requireRoleIn(ctx.actor, 'auditReaders');
  return { items: (await recentCheckpoints(ctx.db, 50)).map(present) };
}

/**
 * Sign the heads now (before an export, an inspection). The request's own entry is written first,
 * in the same transaction, so the checkpoint attests it too and is never "unchanged".
 */
export async function signCheckpointNow(ctx: Context) {
  requireRoleIn(ctx.actor, 'auditReaders');
  await audit(ctx.db, ctx.actor, { action: 'audit.checkpoint.sign', entityType: 'audit_checkpoint' });
  const checkpoint = await createCheckpoint(ctx.db, ctx.config, ctx.now);
  if (!checkpoint) throw new Error('Le point de contrôle n’a pas pu être signé.');
  return present(checkpoint);
}

export async function downloadCheckpoint(ctx: Context, id: number): Promise<FileAnswer> {
  requireRoleIn(ctx.actor, 'auditReaders');
  const file = await checkpointFile(ctx.db, ctx.config, id);
  if (!file) throw notFound('Point de contrôle introuvable.');
  const { createdAt, ...content } = file;
  return {
    fileName: `journal-audit-point-de-controle-${id}-${createdAt.toISOString().slice(0, 10)}.json`,
    mimeType: 'application/json',
    content: new TextEncoder().encode(`${JSON.stringify(content, null, 2)}\n`),
  };
}
