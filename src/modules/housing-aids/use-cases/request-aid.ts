import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import { rentCollector } from '../../../shared/access/lease-policy.ts';
import type { TAid, ZAidCreate } from '../../../shared/contracts/housing-aids.ts';
import { aidRequestErrors } from '../../../shared/housing-aids/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { organisationNames } from '../../organisations/index.ts';
import { requireAidManager } from '../aid-access.ts';
import { viewAid } from '../aid-view.ts';
import { aidAuditDetails } from '../housing-aids.presenter.ts';
import {
  findAid,
  householdContracts,
  insertAid,
  insertAidEvent,
  isRenewed,
} from '../housing-aids.repository.ts';

/**
 * Records an aid asked for the household. Paid to a rent account, the organisation paid is the
 * contract's rent collector (the association for a sublease, the lessor otherwise). A renewal of an
 * aide sur quittance locks the aid it renews, so that two renewals cannot both pass.
 */
export async function requestAid(
  ctx: Context,
  input: z.output<typeof ZAidCreate> & { householdId: string },
): Promise<TAid> {
  const { db, actor } = ctx;
  const { householdId } = input;
  await requireAidManager(ctx, householdId);
  let payeeOrganisationId = input.payee === 'rent_account' ? null : input.payeeOrganisationId;
  if (input.payee === 'rent_account' && input.contractId) {
    const contract = (await householdContracts(db, householdId)).find((c) => c.id === input.contractId);
    if (!contract) throw invalid({ contractId: 'Ce contrat n’est pas un contrat en cours du ménage.' });
    payeeOrganisationId = rentCollector(contract);
  }
  const named = [payeeOrganisationId, input.funderOrganisationId].filter((v): v is string => v !== null);
  const known = await organisationNames(db, named);
  const unknown = Object.fromEntries(
    (
      [
        ['payeeOrganisationId', payeeOrganisationId],
        ['funderOrganisationId', input.funderOrganisationId],
      ] as const
    )
      .filter(([, id]) => id !== null && !known.has(id))
      .map(([field]) => [field, 'Organisation inconnue.']),
  );
  if (Object.keys(unknown).length > 0) throw invalid(unknown);

  const renewed = input.renewsAidId
    ? await findAid(db, householdId, input.renewsAidId, { lock: true })
    : null;
  const errors = aidRequestErrors(
    { ...input, payeeOrganisationId },
    parisDate(ctx.now),
    renewed && {
      kind: renewed.kind,
      status: renewed.status,
      renewsAidId: renewed.renewsAidId,
      renewed: await isRenewed(db, renewed.id),
    },
  );
  if (Object.keys(errors).length > 0) throw invalid(errors);

  const row = await insertAid(db, {
    householdId,
    kind: input.kind,
    form: input.form,
    funderName: input.funderName,
    funderOrganisationId: input.funderOrganisationId,
    payee: input.payee,
    payeeOrganisationId,
    contractId: input.contractId,
    requestedOn: input.requestedOn,
    amountRequestedCents: input.amountRequestedCents,
    months: input.months,
    renewsAidId: input.renewsAidId,
    note: input.note,
    createdByUserId: actor.userId,
    requestedByOrganisationId: actor.organisationId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await insertAidEvent(db, {
    aidId: row.id,
    status: 'requested',
    occurredOn: input.requestedOn,
    amountCents: input.amountRequestedCents,
    recordedByUserId: actor.userId,
    recordedAt: ctx.now,
  });
  await audit(db, actor, {
    action: 'housing_aid.request',
    entityType: 'housing_aid',
    entityId: row.id,
    householdId,
    details: aidAuditDetails(row, {
      amountCents: row.amountRequestedCents,
      renewal: row.renewsAidId !== null,
    }),
  });
  await ctx.householdChanged?.(householdId);
  return viewAid(db, householdId, row.id, parisDate(ctx.now));
}
