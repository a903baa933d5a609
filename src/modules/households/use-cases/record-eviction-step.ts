import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import type { EvictionStep } from '../../../shared/contracts/household-enums.ts';
import { canEditHousehold } from '../../../shared/access/household-access.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { insertStepOnce, openOrStartProcedure, type StepSource } from '../eviction.repository.ts';

/**
 * Records a dated step of the household's eviction procedure (opening the procedure at its first
 * step). The file's writers record it; a referral records the stage its landlord reports, the
 * landlord being then a party of any level. A step reported twice is recorded once.
 */
export async function recordEvictionStep(
  ctx: Context,
  input: {
    householdId: string;
    step: EvictionStep;
    occurredOn: string;
    note?: string | null;
    source?: { type: Exclude<StepSource, 'file'>; id: string };
  },
): Promise<{ id: string | null }> {
  const { actor, db, now } = ctx;
  const level = await requireHouseholdAccess(ctx, input.householdId);
  if (!input.source && !canEditHousehold(level)) {
    throw forbidden('Vous pouvez consulter ce dossier mais pas le modifier.');
  }
  if (input.occurredOn > parisDate(now)) {
    throw invalid({ occurredOn: 'Une étape de la procédure ne peut pas être datée dans le futur.' });
  }
  const { procedure } = await openOrStartProcedure(db, input.householdId, input.occurredOn, now);
  const id = await insertStepOnce(db, {
    procedureId: procedure.id,
    step: input.step,
    occurredOn: input.occurredOn,
    note: input.note ?? null,
    sourceType: input.source?.type ?? 'file',
    sourceId: input.source?.id ?? null,
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  if (id) {
    await audit(db, actor, {
      action: 'household.eviction_step.record',
      entityType: 'eviction_procedure_step',
      entityId: id,
      householdId: input.householdId,
      details: { step: input.step, occurredOn: input.occurredOn },
    });
  }
  return { id };
}
