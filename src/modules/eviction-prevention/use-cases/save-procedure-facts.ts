import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, versionConflict } from '../../../kernel/errors.ts';
import type { TProcedureFactsInput } from '../../../shared/contracts/eviction-prevention.ts';
import { parisDate } from '../../../shared/time.ts';
import { openProcedureToEdit } from '../procedure-access.ts';
import { saveFacts } from '../prevention.repository.ts';

/**
 * Saves the lease, rent and hearing the open procedure's deadlines are computed from, at the version
 * read; the one who saves them follows the procedure (its deadlines become their tasks).
 */
export async function saveProcedureFacts(
  ctx: Context,
  householdId: string,
  input: TProcedureFactsInput & { version: number | null },
): Promise<void> {
  const procedure = await openProcedureToEdit(ctx, householdId);
  if (input.leaseSignedOn && input.leaseSignedOn > parisDate(ctx.now))
    throw invalid({ leaseSignedOn: 'La signature du bail ne peut pas être dans le futur.' });
  if (input.benefitPaidTo !== 'none' && input.monthlyBenefitCents === null)
    throw invalid({ monthlyBenefitCents: 'Indiquez le montant mensuel de l’aide au logement.' });
  const { version, ...facts } = input;
  const saved = await saveFacts(
    ctx.db,
    procedure.id,
    { ...facts, monthlyBenefitCents: facts.benefitPaidTo === 'none' ? null : facts.monthlyBenefitCents },
    version,
    { userId: ctx.actor.userId, organisationId: ctx.actor.organisationId },
    ctx.now,
  );
  if (!saved) throw versionConflict();
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_prevention.facts',
    entityType: 'eviction_procedure',
    entityId: procedure.id,
    householdId,
    details: { leaseSignedOn: facts.leaseSignedOn, hearingScheduledOn: facts.hearingScheduledOn },
  });
  await ctx.householdChanged?.(householdId);
}
