import { and, desc, eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import type { PartnerAudience, TPartnerVersion } from '../../../shared/contracts/diagnostics.ts';
import { SCOPE_NOT_FOUND, type FileAnswer } from '../../../shared/routes/define.ts';
import { households } from '../../households/schema.ts';
import { canReadFullDiagnostic, frozenAt, requireDiagnostic } from '../diagnostic-access.ts';
import { evictionProcedureAt } from '../diagnostics.repository.ts';
import { buildPartnerVersion } from '../partner-version.ts';
import { diagnosticShares } from '../schema.ts';
import { renderDiagnosticPdf } from '../diagnostic-pdf.ts';

/**
 * What a PDF export of the diagnostic may contain for this reader: the household version (full
 * text) for the caseworker only; a partner version derived now for the caseworker, or, for a
 * partner, exactly the snapshot shared with its organisation. Anything else is a 404. Audited.
 */
export async function exportDiagnosticPdf(
  ctx: Context,
  { diagnosticId, version }: { diagnosticId: string; version: 'household' | PartnerAudience },
): Promise<FileAnswer> {
  const { db: tx, actor, now } = ctx;
  const { diagnostic, level } = await requireDiagnostic(ctx, { diagnosticId });
  const full = canReadFullDiagnostic(level);
  let partner: TPartnerVersion | null = null;
  if (version !== 'household') {
    if (full) partner = await buildPartnerVersion(tx, diagnostic, version);
    else {
      const [share] = await tx
        .select({ snapshot: diagnosticShares.snapshot })
        .from(diagnosticShares)
        .where(
          and(
            eq(diagnosticShares.diagnosticId, diagnosticId),
            eq(diagnosticShares.organisationId, actor.organisationId),
            eq(diagnosticShares.audience, version),
          ),
        )
        .orderBy(desc(diagnosticShares.sharedAt))
        .limit(1);
      partner = share?.snapshot ?? null;
    }
  }
  if (version === 'household' ? !full : !partner) throw notFound(SCOPE_NOT_FOUND.diagnostic);

  const [household] = await tx
    .select({ fileNumber: households.fileNumber })
    .from(households)
    .where(eq(households.id, diagnostic.householdId));
  const fileLabel = formatFileNumber(household!.fileNumber);
  const evictionSteps = partner
    ? partner.evictionSteps
    : ((await evictionProcedureAt(tx, diagnostic.householdId, frozenAt(diagnostic)))?.steps ?? []);
  await audit(tx, actor, {
    action: 'diagnostic.export_pdf',
    entityType: 'diagnostic',
    entityId: diagnosticId,
    householdId: diagnostic.householdId,
    details: { version, diagnosticVersion: diagnostic.version },
  });
  const content = await renderDiagnosticPdf({
    version,
    fileLabel,
    diagnosticVersion: diagnostic.version,
    status: diagnostic.status,
    content: partner ? partner.content : diagnostic.content,
    capacity: partner?.capacity ?? null,
    evictionSteps,
    record: partner
      ? undefined
      : {
          authorship: diagnostic.authorship,
          presentation: diagnostic.presentation ?? null,
          approval: diagnostic.approval ?? null,
          disagreement: diagnostic.disagreement ?? null,
        },
    generatedAt: now,
  });
  return {
    fileName: `diagnostic-${fileLabel}-v${diagnostic.version}-${version === 'household' ? 'menage' : version === 'landlord' ? 'bailleur' : 'comite'}.pdf`,
    mimeType: 'application/pdf',
    content,
  };
}
